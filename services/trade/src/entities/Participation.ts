import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { DateScalar, DateTimeScalar, MoneyScalar, Node, bigintTransformer, CacheHint } from "@camau/shared";
import { AgreementKind } from "../domain/enums";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A cooperative's participation in a trade promotion program (HTX tham gia chương trình xúc tiến thương mại): what it showed, the support it received and what it sold and signed.", implements: Node })
@Entity("participation")
@Index(["programId", "cooperativeId"], { unique: true })
@Index(["cooperativeId"])
export class Participation {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "program_id", type: "uuid" })
  programId: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Field(() => Int, { description: "Booths (stalls) the cooperative had (số gian hàng)." })
  @Column({ name: "booth_count", type: "int" })
  boothCount: number;

  @Field(() => MoneyScalar, { description: "Support granted under the program's policy, in đồng (kinh phí hỗ trợ); never above the policy's cap." })
  @Column({ name: "support_amount", type: "bigint", transformer: bigintTransformer })
  supportAmount: number;

  @Field(() => MoneyScalar, { nullable: true, description: "The cooperative's costs eligible for support (booth rent, transport...), in đồng (chi phí được hỗ trợ)." })
  @Column({ name: "eligible_cost", type: "bigint", nullable: true, transformer: bigintTransformer })
  eligibleCost: number | null;

  /** On-site sales revenue; read through ParticipationResolver, which checks who may see it. */
  @Column({ name: "sales_revenue", type: "bigint", nullable: true, transformer: bigintTransformer })
  salesRevenue: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the results (sales, agreements) were last recorded; null before." })
  @Column({ name: "results_recorded_at", type: "timestamptz", nullable: true })
  resultsRecordedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Notes (ghi chú)." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when recording results." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the participation was registered." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

/** A product shown at a program (sản phẩm trưng bày); the database ensures it is the participant's own. */
@Entity("participation_product")
@Index(["productId"])
export class ParticipationProduct {
  @PrimaryColumn({ name: "participation_id", type: "uuid" })
  participationId: string;

  @PrimaryColumn({ name: "product_id", type: "uuid" })
  productId: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Column({ type: "smallint" })
  position: number;
}

@ObjectType({ description: "A contract or memorandum of understanding a cooperative signed at a program (hợp đồng, biên bản ghi nhớ)." })
@Entity("trade_agreement")
@Index(["participationId"])
export class TradeAgreement {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "participation_id", type: "uuid" })
  participationId: string;

  @Field({ description: "The other party, e.g. a distributor or supermarket chain (đối tác)." })
  @Column({ type: "varchar", length: 300 })
  counterparty: string;

  @Field(() => AgreementKind, { description: "Contract or MOU (loại thỏa thuận)." })
  @Column({ type: "varchar", length: 40 })
  kind: AgreementKind;

  @Field(() => MoneyScalar, { nullable: true, description: "Value in đồng (giá trị); null when the agreement states none (most MOUs)." })
  @Column({ type: "bigint", nullable: true, transformer: bigintTransformer })
  value: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Date signed (ngày ký)." })
  @Column({ name: "signed_on", type: "date", nullable: true })
  signedOn: string | null;

  @Field(() => String, { nullable: true, description: "What was agreed (nội dung)." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "smallint" })
  position: number;
}
