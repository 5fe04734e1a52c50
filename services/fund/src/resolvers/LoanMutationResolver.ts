import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { FUND_APPROVERS, FUND_OFFICERS } from "../access";
import { FundContext } from "../context";
import { DisburseLoanInput, RecordLoanRepaymentInput, RestructureLoanInput, WriteOffLoanInput } from "../inputs/LoanInputs";
import { LoanService } from "../services/LoanService";
import { DisbursementPayload, LoanPayload, RepaymentPayload, RestructureLoanPayload } from "./payloads";

/** Loans' mutations: each translates its input into one call of LoanService. */
@Resolver()
export class LoanMutationResolver {
  @Authorized(...FUND_OFFICERS)
  @Mutation(() => DisbursementPayload, {
    description:
      "Disburses a tranche (giải ngân) (FUND_OFFICER). The loan row is locked while the total is checked, so of concurrent tranches that together exceed the contract amount one succeeds and the other gets CONFLICT. The same idempotency key again returns the first result.",
  })
  disburseLoan(@Arg("input", () => DisburseLoanInput, { description: "The tranche." }) input: DisburseLoanInput, @Ctx() ctx: FundContext): Promise<DisbursementPayload> {
    return new LoanService(ctx).disburseLoan(input);
  }

  @Authorized(...FUND_OFFICERS)
  @Mutation(() => RepaymentPayload, {
    description:
      "Records a repayment (thu nợ) (FUND_OFFICER), split into overdue interest, then interest due, then principal; the loan closes when nothing is owed any more. The same idempotency key again returns the first result.",
  })
  recordLoanRepayment(@Arg("input", () => RecordLoanRepaymentInput, { description: "The repayment." }) input: RecordLoanRepaymentInput, @Ctx() ctx: FundContext): Promise<RepaymentPayload> {
    return new LoanService(ctx).recordLoanRepayment(input);
  }

  @Authorized(...FUND_APPROVERS)
  @Mutation(() => RestructureLoanPayload, {
    description:
      "Restructures a loan's repayment terms (cơ cấu lại thời hạn trả nợ) (FUND_APPROVER): instalments due by the effective date keep what was paid, unpaid interest moves into the first new instalment, and the remaining principal is spread over the new term.",
  })
  restructureLoan(@Arg("input", () => RestructureLoanInput, { description: "The new terms." }) input: RestructureLoanInput, @Ctx() ctx: FundContext): Promise<RestructureLoanPayload> {
    return new LoanService(ctx).restructureLoan(input);
  }

  @Authorized(...FUND_APPROVERS)
  @Mutation(() => LoanPayload, { description: "Writes off the outstanding principal of a loan as a loss (xử lý rủi ro, xóa nợ) (FUND_APPROVER)." })
  writeOffLoan(@Arg("input", () => WriteOffLoanInput, { description: "Date and reason." }) input: WriteOffLoanInput, @Ctx() ctx: FundContext): Promise<LoanPayload> {
    return new LoanService(ctx).writeOffLoan(input);
  }
}
