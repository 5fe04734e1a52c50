import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { DateScalar, DateTimeScalar, MoneyScalar, Node, bigintTransformer, CacheHint } from "@camau/shared";
import { BudgetSource, ProgramKind } from "../domain/enums";

/** numeric columns come back from pg as strings. */
const numericTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

@Directive(CacheHint.public)
@ObjectType({ description: "A program's support policy (chính sách hỗ trợ): the legal basis, the share of eligible costs covered and the cap per cooperative." })
export class SupportPolicy {
  @Field({ description: "Legal basis of the support (căn cứ pháp lý), e.g. a provincial resolution or decision number." })
  legalBasis: string;

  @Field(() => Float, { nullable: true, description: "Share of a cooperative's eligible costs covered, in per cent (tỷ lệ hỗ trợ); null for no share limit." })
  percentage: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Most a single cooperative may receive, in đồng (mức hỗ trợ tối đa); null for no cap." })
  capPerCooperative: number | null;
}

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A trade promotion program or event (chương trình xúc tiến thương mại): a fair, trade-connection conference, product week, retail listing or e-commerce campaign.", implements: Node })
@Entity("trade_promotion_program")
@Index(["startsOn"])
export class TradePromotionProgram {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Name of the program (tên chương trình)." })
  @Column({ type: "varchar", length: 300 })
  name: string;

  @Field(() => ProgramKind, { description: "Kind of program (loại hình)." })
  @Column({ type: "varchar", length: 40 })
  kind: ProgramKind;

  @Field({ description: "Organiser (đơn vị tổ chức), e.g. the provincial Cooperative Alliance or the Department of Industry and Trade." })
  @Column({ type: "varchar", length: 300 })
  organiser: string;

  @Field({ description: "Venue (địa điểm), e.g. a fairground, supermarket or online platform." })
  @Column({ type: "varchar", length: 300 })
  venue: string;

  @Field({ description: "Province or centrally-run city where it is held (tỉnh, thành phố), e.g. 'Hà Nội'." })
  @Column({ type: "varchar", length: 100 })
  province: string;

  @Field(() => DateScalar, { description: "First day (ngày bắt đầu)." })
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar, { description: "Last day, inclusive (ngày kết thúc)." })
  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @Field(() => MoneyScalar, { nullable: true, description: "Budget in đồng (kinh phí); null when not known." })
  @Column({ type: "bigint", nullable: true, transformer: bigintTransformer })
  budget: number | null;

  @Field(() => BudgetSource, { nullable: true, description: "Source of the budget (nguồn kinh phí)." })
  @Column({ name: "budget_source", type: "varchar", length: 30, nullable: true })
  budgetSource: BudgetSource | null;

  @Field(() => String, { nullable: true, description: "Description of the program (nội dung)." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ name: "policy_legal_basis", type: "varchar", length: 500, nullable: true })
  policyLegalBasis: string | null;

  @Column({ name: "policy_percentage", type: "numeric", precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  policyPercentage: number | null;

  @Column({ name: "policy_cap_per_cooperative", type: "bigint", nullable: true, transformer: bigintTransformer })
  policyCapPerCooperative: number | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when updating." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the program was entered in the system." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

/** The policy of a program as the domain rules see it, or null when it has none. */
export function policyOf(p: TradePromotionProgram): SupportPolicy | null {
  if (p.policyLegalBasis == null) return null;
  return { legalBasis: p.policyLegalBasis, percentage: p.policyPercentage, capPerCooperative: p.policyCapPerCooperative };
}
