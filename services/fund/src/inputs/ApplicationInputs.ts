import { DateScalar, MoneyScalar } from "@camau/shared";
import { IsInt, IsOptional, IsPositive, IsUUID, Length, Max, MaxLength, Min } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { VersionReadField } from "./common";
import { AppraisalRecommendation } from "../domain/enums";

@InputType({ description: "An application for a loan (hồ sơ đề nghị vay vốn)." })
export class SubmitLoanApplicationInput {
  @Field(() => ID, { description: "The applying cooperative's id in the registry; it must exist and be ACTIVE." })
  @IsUUID()
  cooperativeId: string;

  @Field(() => ID, { description: "The loan product applied for; it must be active." })
  @IsUUID()
  productId: string;

  @Field({ description: "Name of the project or plan (tên dự án, phương án)." })
  @Length(3, 255)
  projectName: string;

  @Field({ description: "What the money is for (mục đích sử dụng vốn)." })
  @Length(3, 4000)
  purpose: string;

  @Field(() => MoneyScalar, { description: "Amount requested in đồng; at most the product's maximum." })
  @IsPositive({ message: "requestedAmount must be positive" })
  requestedAmount: number;

  @Field(() => Int, { description: "Term requested in months; at most the product's maximum." })
  @IsInt()
  @Min(1)
  @Max(600)
  requestedTermMonths: number;

  @Field(() => String, { nullable: true, description: "Collateral offered (tài sản bảo đảm); required by some products." })
  @IsOptional()
  @MaxLength(2000)
  collateral?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date the application was received (default today; not in the future)." })
  @IsOptional()
  submittedOn?: string | null;
}

@InputType({ description: "Identifies an application and the version the caller read." })
export class ApplicationVersionInput {
  @Field(() => ID, { description: "Application id." })
  @IsUUID()
  applicationId: string;

  @VersionReadField()
  version: number;
}

@InputType({ description: "A fund officer's appraisal (kết quả thẩm định)." })
export class AppraiseLoanApplicationInput extends ApplicationVersionInput {
  @Field(() => AppraisalRecommendation, { description: "Recommend approving or rejecting." })
  recommendation: AppraisalRecommendation;

  @Field(() => MoneyScalar, { nullable: true, description: "Amount recommended, in đồng (default the amount requested when recommending approval)." })
  @IsOptional()
  @IsPositive({ message: "recommendedAmount must be positive" })
  recommendedAmount?: number | null;

  @Field({ description: "Findings and conditions (ý kiến thẩm định)." })
  @Length(3, 4000)
  notes: string;
}

@InputType({ description: "Approval of an appraised application (phê duyệt cho vay)." })
export class ApproveLoanApplicationInput extends ApplicationVersionInput {
  @Field(() => MoneyScalar, { description: "Approved amount in đồng: at most the amount requested and the product's maximum." })
  @IsPositive({ message: "approvedAmount must be positive" })
  approvedAmount: number;

  @Field(() => Int, { description: "Approved term in months: at most the product's maximum." })
  @IsInt()
  @Min(1)
  @Max(600)
  approvedTermMonths: number;

  @Field(() => Float, { nullable: true, description: "Approved rate, per cent per year (default the product's rate)." })
  @IsOptional()
  @Min(0)
  @Max(100)
  approvedAnnualInterestRate?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of the decision (default today)." })
  @IsOptional()
  decidedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Conditions of the approval." })
  @IsOptional()
  @MaxLength(4000)
  reason?: string | null;
}

@InputType({ description: "Rejection of an appraised application (từ chối cho vay)." })
export class RejectLoanApplicationInput extends ApplicationVersionInput {
  @Field({ description: "Why it is rejected." })
  @Length(3, 4000)
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: "Date of the decision (default today)." })
  @IsOptional()
  decidedOn?: string | null;
}

@InputType({ description: "Withdrawal of an application by the applicant (rút hồ sơ)." })
export class WithdrawLoanApplicationInput extends ApplicationVersionInput {
  @Field(() => String, { nullable: true, description: "Why it is withdrawn." })
  @IsOptional()
  @MaxLength(4000)
  reason?: string | null;
}

@InputType({ description: "Signing of the loan contract of an approved application (ký hợp đồng tín dụng)." })
export class SignLoanContractInput extends ApplicationVersionInput {
  @Field(() => DateScalar, { nullable: true, description: "Date signed (default today; not before the decision)." })
  @IsOptional()
  signedOn?: string | null;
}
