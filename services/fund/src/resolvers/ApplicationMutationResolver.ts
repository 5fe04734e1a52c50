import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { APPLICANTS, FUND_APPROVERS, FUND_OFFICERS } from "../access";
import { FundContext } from "../context";
import { ApplicationVersionInput, AppraiseLoanApplicationInput, ApproveLoanApplicationInput, RejectLoanApplicationInput, SignLoanContractInput, SubmitLoanApplicationInput, WithdrawLoanApplicationInput } from "../inputs/ApplicationInputs";
import { LoanApplicationService } from "../services/LoanApplicationService";
import { LoanApplicationPayload, SignLoanContractPayload } from "./payloads";

/** Loan applications' mutations: each translates its input into one call of LoanApplicationService. */
@Resolver()
export class ApplicationMutationResolver {
  @Authorized(...APPLICANTS)
  @Mutation(() => LoanApplicationPayload, {
    description:
      "Submits a loan application (nộp hồ sơ vay vốn): a COOPERATIVE_MANAGER for its own cooperative, or an OFFICER. The cooperative must exist in the registry (else NOT_FOUND) and be ACTIVE (else CONFLICT); its sector and district are recorded with the application.",
  })
  submitLoanApplication(@Arg("input", () => SubmitLoanApplicationInput, { description: "The application." }) input: SubmitLoanApplicationInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).submitLoanApplication(input);
  }

  @Authorized(...FUND_OFFICERS)
  @Mutation(() => LoanApplicationPayload, { description: "Starts the appraisal of a SUBMITTED application (bắt đầu thẩm định) (FUND_OFFICER)." })
  startLoanAppraisal(@Arg("input", () => ApplicationVersionInput, { description: "The application and the version read." }) input: ApplicationVersionInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).startLoanAppraisal(input);
  }

  @Authorized(...FUND_OFFICERS)
  @Mutation(() => LoanApplicationPayload, { description: "Records the appraisal of an application UNDER_APPRAISAL, once (thẩm định) (FUND_OFFICER). Whoever records it may not decide it." })
  appraiseLoanApplication(@Arg("input", () => AppraiseLoanApplicationInput, { description: "The appraisal." }) input: AppraiseLoanApplicationInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).appraiseLoanApplication(input);
  }

  @Authorized(...FUND_APPROVERS)
  @Mutation(() => LoanApplicationPayload, { description: "Approves an appraised application (phê duyệt) (FUND_APPROVER other than the appraiser: maker-checker, else FORBIDDEN)." })
  approveLoanApplication(@Arg("input", () => ApproveLoanApplicationInput, { description: "The approved terms." }) input: ApproveLoanApplicationInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).approveLoanApplication(input);
  }

  @Authorized(...FUND_APPROVERS)
  @Mutation(() => LoanApplicationPayload, { description: "Rejects an appraised application (từ chối) (FUND_APPROVER other than the appraiser: maker-checker, else FORBIDDEN)." })
  rejectLoanApplication(@Arg("input", () => RejectLoanApplicationInput, { description: "The reason." }) input: RejectLoanApplicationInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).rejectLoanApplication(input);
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => LoanApplicationPayload, { description: "Withdraws an application before its contract is signed (rút hồ sơ): the cooperative's manager or an OFFICER." })
  withdrawLoanApplication(@Arg("input", () => WithdrawLoanApplicationInput, { description: "The application and the reason." }) input: WithdrawLoanApplicationInput, @Ctx() ctx: FundContext): Promise<LoanApplicationPayload> {
    return new LoanApplicationService(ctx).withdrawLoanApplication(input);
  }

  @Authorized(...FUND_OFFICERS)
  @Mutation(() => SignLoanContractPayload, { description: "Signs the loan contract of an APPROVED application, creating the loan with a contract number (ký hợp đồng) (FUND_OFFICER)." })
  signLoanContract(@Arg("input", () => SignLoanContractInput, { description: "The application and the signing date." }) input: SignLoanContractInput, @Ctx() ctx: FundContext): Promise<SignLoanContractPayload> {
    return new LoanApplicationService(ctx).signLoanContract(input);
  }
}
