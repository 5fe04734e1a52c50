import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { PRODUCT_CONFIGURERS } from "../access";
import { FundContext } from "../context";
import { ConfigureDebtGroupsInput, CreateLoanProductInput, UpdateLoanProductInput } from "../inputs/ProductInputs";
import { LoanProductService } from "../services/LoanProductService";
import { DebtGroupThresholdsPayload, LoanProductPayload } from "./payloads";

/** The fund's configuration mutations: each translates its input into one call of LoanProductService. */
@Resolver()
export class ProductMutationResolver {
  @Authorized(...PRODUCT_CONFIGURERS)
  @Mutation(() => LoanProductPayload, { description: "Creates a loan product (FUND_APPROVER, ADMIN)." })
  createLoanProduct(@Arg("input", () => CreateLoanProductInput, { description: "The product's terms." }) input: CreateLoanProductInput, @Ctx() ctx: FundContext): Promise<LoanProductPayload> {
    return new LoanProductService(ctx).createLoanProduct(input);
  }

  @Authorized(...PRODUCT_CONFIGURERS)
  @Mutation(() => LoanProductPayload, { description: "Changes a loan product's terms for future applications; signed loans keep theirs (FUND_APPROVER, ADMIN)." })
  updateLoanProduct(@Arg("input", () => UpdateLoanProductInput, { description: "The changes." }) input: UpdateLoanProductInput, @Ctx() ctx: FundContext): Promise<LoanProductPayload> {
    return new LoanProductService(ctx).updateLoanProduct(input);
  }

  @Authorized(...PRODUCT_CONFIGURERS)
  @Mutation(() => DebtGroupThresholdsPayload, { description: "Sets the days-past-due thresholds of debt groups 1–5 (FUND_APPROVER, ADMIN). Classification as of any date uses the thresholds in force when asked." })
  configureDebtGroupThresholds(@Arg("input", () => ConfigureDebtGroupsInput, { description: "The five thresholds." }) input: ConfigureDebtGroupsInput, @Ctx() ctx: FundContext): Promise<DebtGroupThresholdsPayload> {
    return new LoanProductService(ctx).configureDebtGroupThresholds(input);
  }
}
