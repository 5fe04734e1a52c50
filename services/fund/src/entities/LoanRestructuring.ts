import { DateScalar, DateTimeScalar } from "@camau/shared";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { numericTransformer } from "./transformers";

@ObjectType({ description: "A restructuring of a loan's repayment terms (cơ cấu lại thời hạn trả nợ)." })
@Entity("loan_restructuring")
@Index(["loanId", "effectiveOn"])
export class LoanRestructuring {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "loan_id", type: "uuid" })
  loanId: string;

  @Field(() => DateScalar, { description: "Date the new terms took effect (ngày cơ cấu)." })
  @Column({ name: "effective_on", type: "date" })
  effectiveOn: string;

  @Field(() => Int, { description: "Months over which the remaining principal is now repaid, from the effective date." })
  @Column({ name: "remaining_months", type: "int" })
  remainingMonths: number;

  @Field(() => Int, { description: "Months of interest only granted from the effective date (ân hạn gốc)." })
  @Column({ name: "grace_months", type: "int" })
  graceMonths: number;

  @Field(() => Float, { description: "Interest rate from the effective date, per cent per year." })
  @Column({ name: "annual_interest_rate", type: "numeric", precision: 7, scale: 4, transformer: numericTransformer })
  annualInterestRate: number;

  @Field({ description: "Reason (lý do cơ cấu), e.g. the borrower's losses after a natural disaster." })
  @Column({ type: "text" })
  reason: string;

  @Field({ description: "Who approved it (token subject of the fund approver)." })
  @Column({ name: "decided_by", type: "varchar", length: 255 })
  decidedBy: string;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
