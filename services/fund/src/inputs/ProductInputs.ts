import { MoneyScalar } from "@camau/shared";
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsPositive, IsUUID, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { VersionReadField } from "./common";
import { LoanProductKind, RepaymentMethod } from "../domain/enums";

@InputType({ description: "A new loan product (sản phẩm cho vay mới)." })
export class CreateLoanProductInput {
  @Field({ description: "Short unique code: upper-case letters, digits and hyphens." })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: "code is 2–40 upper-case letters, digits or hyphens" })
  code: string;

  @Field({ description: "Vietnamese name." })
  @Length(3, 255)
  name: string;

  @Field(() => LoanProductKind, { description: "Kind of loan." })
  kind: LoanProductKind;

  @Field(() => MoneyScalar, { description: "Largest amount per loan, in đồng." })
  @IsPositive({ message: "maxAmount must be positive" })
  maxAmount: number;

  @Field(() => Int, { description: "Longest term in months (1–600)." })
  @IsInt()
  @Min(1)
  @Max(600)
  maxTermMonths: number;

  @Field(() => Float, { description: "Interest rate, per cent per year (0–100, at most four decimals)." })
  @Min(0)
  @Max(100)
  annualInterestRate: number;

  @Field(() => Int, { description: "Months of interest only before principal falls due; shorter than the term." })
  @IsInt()
  @Min(0)
  @Max(599)
  graceMonths: number;

  @Field({ description: "Whether collateral is required." })
  collateralRequired: boolean;

  @Field(() => RepaymentMethod, { description: "How the principal is repaid." })
  repaymentMethod: RepaymentMethod;

  @Field(() => Float, { defaultValue: 1.5, description: "Overdue interest as a multiple of the rate (0–3, default 1.5)." })
  @Min(0)
  @Max(3)
  overdueInterestMultiplier: number;
}

@InputType({ description: "Changes to a loan product; omitted fields stay as they are. Loans already signed keep their terms." })
export class UpdateLoanProductInput {
  @Field(() => ID, { description: "Product id." })
  @IsUUID()
  id: string;

  @VersionReadField()
  version: number;

  @Field(() => String, { nullable: true, description: "New name." })
  @IsOptional()
  @Length(3, 255)
  name?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "New largest amount per loan, in đồng." })
  @IsOptional()
  @IsPositive({ message: "maxAmount must be positive" })
  maxAmount?: number | null;

  @Field(() => Int, { nullable: true, description: "New longest term in months." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  maxTermMonths?: number | null;

  @Field(() => Float, { nullable: true, description: "New interest rate, per cent per year." })
  @IsOptional()
  @Min(0)
  @Max(100)
  annualInterestRate?: number | null;

  @Field(() => Int, { nullable: true, description: "New grace months." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(599)
  graceMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether collateral is required." })
  @IsOptional()
  collateralRequired?: boolean | null;

  @Field(() => RepaymentMethod, { nullable: true, description: "New repayment method." })
  @IsOptional()
  repaymentMethod?: RepaymentMethod | null;

  @Field(() => Float, { nullable: true, description: "New overdue interest multiple of the rate." })
  @IsOptional()
  @Min(0)
  @Max(3)
  overdueInterestMultiplier?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether new applications may use the product." })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: "The threshold of one debt group." })
export class DebtGroupThresholdInput {
  @Field(() => Int, { description: "Debt group 1 to 5." })
  @IsInt()
  @Min(1)
  @Max(5)
  debtGroup: number;

  @Field(() => Int, { description: "Smallest number of days past due in the group; 0 for group 1." })
  @IsInt()
  @Min(0)
  @Max(10_000)
  minDaysPastDue: number;
}

@InputType({ description: "New days-past-due thresholds of the five debt groups (all five at once)." })
export class ConfigureDebtGroupsInput {
  @Field(() => [DebtGroupThresholdInput], { description: "One threshold per debt group 1–5, increasing with the group." })
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  thresholds: DebtGroupThresholdInput[];
}
