import { DateScalar, DateTimeScalar, MoneyScalar, Node, bigintTransformer } from "@camau/shared";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { ApplicationStatus, AppraisalRecommendation } from "../domain/enums";
import { BorrowerSnapshot } from "./BorrowerSnapshot";
import { numericTransformer } from "./transformers";

@ObjectType({ description: "A fund officer's appraisal of an application (kết quả thẩm định)." })
export class Appraisal {
  @Field({ description: "Who started the appraisal (token subject of the fund officer)." })
  startedBy: string;

  @Field(() => DateTimeScalar, { description: "When the appraisal started." })
  startedAt: Date;

  @Field(() => String, { nullable: true, description: "Who recorded the appraisal (cán bộ thẩm định); null while it is in progress." })
  appraisedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the appraisal was recorded." })
  appraisedAt: Date | null;

  @Field(() => AppraisalRecommendation, { nullable: true, description: "The officer's recommendation (đề xuất)." })
  recommendation: AppraisalRecommendation | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Amount the officer recommends lending, in đồng (số tiền đề xuất)." })
  recommendedAmount: number | null;

  @Field(() => String, { nullable: true, description: "Findings and conditions (ý kiến thẩm định)." })
  notes: string | null;
}

@ObjectType({ description: "A fund approver's decision on an application (quyết định cho vay)." })
export class LoanDecision {
  @Field({ description: "Who decided (token subject of the fund approver, người phê duyệt)." })
  decidedBy: string;

  @Field(() => DateTimeScalar, { description: "When the decision was recorded." })
  decidedAt: Date;

  @Field(() => DateScalar, { description: "Date of the decision (ngày quyết định)." })
  decidedOn: string;

  @Field({ description: "True for an approval, false for a rejection." })
  approved: boolean;

  @Field(() => MoneyScalar, { nullable: true, description: "Approved amount in đồng (số tiền phê duyệt); null when rejected." })
  approvedAmount: number | null;

  @Field(() => Int, { nullable: true, description: "Approved term in months (thời hạn phê duyệt)." })
  approvedTermMonths: number | null;

  @Field(() => Float, { nullable: true, description: "Approved interest rate, per cent per year (lãi suất phê duyệt)." })
  approvedAnnualInterestRate: number | null;

  @Field(() => String, { nullable: true, description: "Reason or conditions (lý do)." })
  reason: string | null;
}

@ObjectType({ description: "The applicant's withdrawal of an application (rút hồ sơ)." })
export class Withdrawal {
  @Field({ description: "Who withdrew it (token subject)." })
  withdrawnBy: string;

  @Field(() => DateTimeScalar, { description: "When it was withdrawn." })
  withdrawnAt: Date;

  @Field(() => String, { nullable: true, description: "Reason given." })
  reason: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "An application of a cooperative for a loan from the fund (hồ sơ đề nghị vay vốn Quỹ hỗ trợ phát triển HTX).", implements: Node })
@Entity("loan_application")
@Index(["cooperativeId", "submittedOn"])
@Index(["status", "submittedOn"])
export class LoanApplication {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Column({ name: "product_id", type: "uuid" })
  productId: string;

  @Field({ description: "Name of the project or plan (tên dự án, phương án)." })
  @Column({ name: "project_name", type: "varchar", length: 255 })
  projectName: string;

  @Field({ description: "What the money is for (mục đích sử dụng vốn)." })
  @Column({ type: "text" })
  purpose: string;

  @Field(() => MoneyScalar, { description: "Amount requested, in đồng (số tiền đề nghị vay)." })
  @Column({ name: "requested_amount", type: "bigint", transformer: bigintTransformer })
  requestedAmount: number;

  @Field(() => Int, { description: "Term requested, in months (thời hạn đề nghị)." })
  @Column({ name: "requested_term_months", type: "int" })
  requestedTermMonths: number;

  @Field(() => String, { nullable: true, description: "Collateral offered (tài sản bảo đảm)." })
  @Column({ type: "text", nullable: true })
  collateral: string | null;

  @Field(() => ApplicationStatus, { description: "Where the application stands (trạng thái)." })
  @Column({ type: "varchar", length: 20 })
  status: ApplicationStatus;

  @Field(() => DateScalar, { description: "Date submitted (ngày nộp hồ sơ)." })
  @Column({ name: "submitted_on", type: "date" })
  submittedOn: string;

  @Field({ description: "Who submitted it (token subject)." })
  @Column({ name: "submitted_by", type: "varchar", length: 255 })
  submittedBy: string;

  @Field({ description: "Role of who submitted it: COOPERATIVE_MANAGER or OFFICER." })
  @Column({ name: "submitted_by_role", type: "varchar", length: 30 })
  submittedByRole: string;

  @Field(() => BorrowerSnapshot, { description: "The borrower's sector and district from the registry at submission." })
  @Column(() => BorrowerSnapshot, { prefix: false })
  borrower: BorrowerSnapshot;

  @Column({ name: "appraisal_started_by", type: "varchar", length: 255, nullable: true })
  appraisalStartedBy: string | null;

  @Column({ name: "appraisal_started_at", type: "timestamptz", nullable: true })
  appraisalStartedAt: Date | null;

  @Column({ name: "appraised_by", type: "varchar", length: 255, nullable: true })
  appraisedBy: string | null;

  @Column({ name: "appraised_at", type: "timestamptz", nullable: true })
  appraisedAt: Date | null;

  @Column({ name: "appraisal_recommendation", type: "varchar", length: 10, nullable: true })
  appraisalRecommendation: AppraisalRecommendation | null;

  @Column({ name: "recommended_amount", type: "bigint", nullable: true, transformer: bigintTransformer })
  recommendedAmount: number | null;

  @Column({ name: "appraisal_notes", type: "text", nullable: true })
  appraisalNotes: string | null;

  @Column({ name: "decided_by", type: "varchar", length: 255, nullable: true })
  decidedBy: string | null;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt: Date | null;

  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Column({ name: "decision_reason", type: "text", nullable: true })
  decisionReason: string | null;

  @Column({ name: "approved_amount", type: "bigint", nullable: true, transformer: bigintTransformer })
  approvedAmount: number | null;

  @Column({ name: "approved_term_months", type: "int", nullable: true })
  approvedTermMonths: number | null;

  @Column({ name: "approved_annual_rate", type: "numeric", precision: 7, scale: 4, nullable: true, transformer: numericTransformer })
  approvedAnnualRate: number | null;

  @Column({ name: "withdrawn_by", type: "varchar", length: 255, nullable: true })
  withdrawnBy: string | null;

  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: "withdrawal_reason", type: "text", nullable: true })
  withdrawalReason: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back with every change." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the application was recorded." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the application last changed." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Appraisal, { nullable: true, description: "The appraisal (thẩm định); null before it starts." })
  get appraisal(): Appraisal | null {
    if (!this.appraisalStartedBy || !this.appraisalStartedAt) return null;
    return {
      startedBy: this.appraisalStartedBy,
      startedAt: this.appraisalStartedAt,
      appraisedBy: this.appraisedBy,
      appraisedAt: this.appraisedAt,
      recommendation: this.appraisalRecommendation,
      recommendedAmount: this.recommendedAmount,
      notes: this.appraisalNotes,
    };
  }

  @Field(() => LoanDecision, { nullable: true, description: "The approval or rejection (quyết định); null until decided." })
  get decision(): LoanDecision | null {
    if (!this.decidedBy || !this.decidedAt || !this.decidedOn) return null;
    return {
      decidedBy: this.decidedBy,
      decidedAt: this.decidedAt,
      decidedOn: this.decidedOn,
      approved: this.status === ApplicationStatus.APPROVED || this.approvedAmount !== null,
      approvedAmount: this.approvedAmount,
      approvedTermMonths: this.approvedTermMonths,
      approvedAnnualInterestRate: this.approvedAnnualRate,
      reason: this.decisionReason,
    };
  }

  @Field(() => Withdrawal, { nullable: true, description: "The withdrawal; null unless WITHDRAWN." })
  get withdrawal(): Withdrawal | null {
    if (!this.withdrawnBy || !this.withdrawnAt) return null;
    return { withdrawnBy: this.withdrawnBy, withdrawnAt: this.withdrawnAt, reason: this.withdrawalReason };
  }
}
