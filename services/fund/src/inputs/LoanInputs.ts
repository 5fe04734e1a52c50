import { DateScalar, MoneyScalar } from "@camau/shared";
import { IsInt, IsOptional, IsPositive, Length, Max, MaxLength, Min } from "class-validator";
import { Field, Float, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, LoanIdField, VersionReadField } from "./common";

@InputType({ description: "One tranche to pay out under a loan contract (giải ngân)." })
export class DisburseLoanInput {
  @LoanIdField()
  loanId: string;

  @Field(() => MoneyScalar, { description: "Amount in đồng; all tranches together may not exceed the contract amount (else CONFLICT)." })
  @IsPositive({ message: "amount must be positive" })
  amount: number;

  @Field(() => DateScalar, { nullable: true, description: "Date paid out (default today; not before the contract or the loan's latest event)." })
  @IsOptional()
  disbursedOn?: string | null;

  @IdempotencyKeyField("pays nothing twice")
  idempotencyKey: string;

  @Field(() => String, { nullable: true, description: "Note, e.g. what the tranche finances." })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: "A repayment received from the borrower (thu nợ)." })
export class RecordLoanRepaymentInput {
  @LoanIdField()
  loanId: string;

  @Field(() => MoneyScalar, { description: "Amount paid in đồng; at most what is owed on the date (outstanding principal, interest due and overdue interest)." })
  @IsPositive({ message: "amount must be positive" })
  amount: number;

  @Field(() => DateScalar, { nullable: true, description: "Date paid (default today; not before the loan's latest event)." })
  @IsOptional()
  paidOn?: string | null;

  @IdempotencyKeyField("records nothing twice")
  idempotencyKey: string;
}

@InputType({ description: "New repayment terms for a loan in difficulty (cơ cấu lại thời hạn trả nợ)." })
export class RestructureLoanInput {
  @LoanIdField()
  loanId: string;

  @VersionReadField("loan")
  version: number;

  @Field(() => DateScalar, { nullable: true, description: "Date the new terms take effect (default today)." })
  @IsOptional()
  effectiveOn?: string | null;

  @Field(() => Int, { description: "Months from the effective date over which the remaining principal is repaid." })
  @IsInt()
  @Min(1)
  @Max(600)
  remainingTermMonths: number;

  @Field(() => Int, { defaultValue: 0, description: "Months of interest only from the effective date; shorter than the remaining term." })
  @IsInt()
  @Min(0)
  @Max(599)
  graceMonths: number;

  @Field(() => Float, { nullable: true, description: "New rate, per cent per year (default unchanged)." })
  @IsOptional()
  @Min(0)
  @Max(100)
  annualInterestRate?: number | null;

  @Field({ description: "Reason for the restructuring." })
  @Length(3, 4000)
  reason: string;
}

@InputType({ description: "Writing off a loan as a loss (xử lý rủi ro, xóa nợ)." })
export class WriteOffLoanInput {
  @LoanIdField()
  loanId: string;

  @VersionReadField("loan")
  version: number;

  @Field(() => DateScalar, { nullable: true, description: "Date of the write-off (default today)." })
  @IsOptional()
  writtenOffOn?: string | null;

  @Field({ description: "Reason, e.g. the borrower's dissolution (lý do)." })
  @Length(3, 4000)
  reason: string;
}
