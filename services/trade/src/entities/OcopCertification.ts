import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, DateTimeScalar, CacheHint } from "@camau/shared";
import { OcopLevel } from "../domain/enums";

@Directive(CacheHint.public)
@ObjectType({ description: "An OCOP certification (chứng nhận sản phẩm OCOP): the stars a council awarded a product, by decision, for 36 months." })
@Entity("ocop_certification")
@Index(["productId", "certifiedOn"])
export class OcopCertification {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "product_id", type: "uuid" })
  productId: string;

  @Field(() => Int, { description: "Stars awarded, 3 to 5 (số sao)." })
  @Column({ type: "smallint" })
  stars: number;

  @Field(() => Int, { description: "Evaluation score out of 100 (điểm đánh giá): 3★ 50–69, 4★ 70–89, 5★ 90–100." })
  @Column({ type: "smallint" })
  score: number;

  @Field(() => OcopLevel, { description: "Council that certified it: PROVINCIAL for 3–4 stars, NATIONAL for 5 (cấp công nhận)." })
  @Column({ type: "varchar", length: 20 })
  level: OcopLevel;

  @Field({ description: "Number of the decision awarding the rating (số quyết định công nhận), e.g. '1234/QĐ-UBND'." })
  @Column({ name: "decision_number", type: "varchar", length: 100 })
  decisionNumber: string;

  @Field(() => DateScalar, { description: "Date of the decision (ngày công nhận)." })
  @Column({ name: "certified_on", type: "date" })
  certifiedOn: string;

  @Field(() => DateScalar, { description: "Last day the certificate is in force (ngày hết hạn): 36 months after certification unless the decision states otherwise." })
  @Column({ name: "expires_on", type: "date" })
  expiresOn: string;

  @Field(() => DateTimeScalar, { description: "When the certification was recorded in the system." })
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;

  @Column({ name: "recorded_by", type: "varchar", length: 255 })
  recordedBy: string;
}
