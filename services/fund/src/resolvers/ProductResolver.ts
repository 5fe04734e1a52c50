import { badInput, changedFields, ConflictError, inTransaction, NotFoundError, recordAudit, requireUuid, Role, CacheHint } from "@camau/shared";
import { Arg, Authorized, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import { FundContext } from "../context";
import { debtGroupBandsProblem } from "../domain/debtGroups";
import { DebtGroupThreshold } from "../entities/DebtGroupThreshold";
import { LoanProduct } from "../entities/LoanProduct";
import { ConfigureDebtGroupsInput, CreateLoanProductInput, UpdateLoanProductInput } from "../inputs/ProductInputs";
import { DebtGroupThresholdsPayload, LoanProductPayload } from "./payloads";
import { checkRate, checkVersion } from "./support";

/** Who configures the fund: its approvers (management) and administrators. */
const CONFIGURERS = [Role.FUND_APPROVER, Role.ADMIN];

function multiplierPercent(value: number, path: string): number {
  const percent = Math.round(value * 100);
  if (Math.abs(percent - value * 100) > 1e-6) throw badInput(path, "has at most two decimals");
  return percent;
}

@Resolver(() => LoanProduct)
export class ProductResolver {
  @Directive(CacheHint.public)
  @Query(() => [LoanProduct], { description: "The fund's loan products (sản phẩm cho vay), by code. Public." })
  loanProducts(
    @Arg("includeInactive", { defaultValue: false, description: "Include products no longer open to new applications." }) includeInactive: boolean,
    @Ctx() ctx: FundContext,
  ): Promise<LoanProduct[]> {
    return ctx.dataSource.getRepository(LoanProduct).find({ where: includeInactive ? {} : { active: true }, order: { code: "ASC" } });
  }

  @Directive(CacheHint.public)
  @Query(() => LoanProduct, { nullable: true, description: "A loan product by id; null when there is none. Public." })
  loanProduct(@Arg("id", () => ID, { description: "Product id (UUID)." }) id: string, @Ctx() ctx: FundContext): Promise<LoanProduct | null> {
    return ctx.loaders.productById.load(requireUuid(id, "id"));
  }

  @Directive(CacheHint.public)
  @Query(() => [DebtGroupThreshold], { description: "The debt groups 1–5 and their days-past-due thresholds in force (phân loại nhóm nợ). Public." })
  debtGroupThresholds(@Ctx() ctx: FundContext): Promise<DebtGroupThreshold[]> {
    return ctx.dataSource.getRepository(DebtGroupThreshold).find({ order: { debtGroup: "ASC" } });
  }

  @Authorized(...CONFIGURERS)
  @Mutation(() => LoanProductPayload, { description: "Creates a loan product (FUND_APPROVER, ADMIN)." })
  createLoanProduct(@Arg("input", () => CreateLoanProductInput, { description: "The product's terms." }) input: CreateLoanProductInput, @Ctx() ctx: FundContext): Promise<LoanProductPayload> {
    checkRate(input.annualInterestRate, "input.annualInterestRate");
    if (input.graceMonths >= input.maxTermMonths) throw badInput("input.graceMonths", "must be shorter than the maximum term");
    const overdueInterestPercent = multiplierPercent(input.overdueInterestMultiplier, "input.overdueInterestMultiplier");
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(LoanProduct);
      if (await repository.existsBy({ code: input.code })) throw new ConflictError(`A loan product with code ${input.code} already exists`);
      const product = await repository.save(
        repository.create({
          code: input.code,
          name: input.name.normalize("NFC"),
          kind: input.kind,
          maxAmount: input.maxAmount,
          maxTermMonths: input.maxTermMonths,
          annualInterestRate: input.annualInterestRate,
          graceMonths: input.graceMonths,
          collateralRequired: input.collateralRequired,
          repaymentMethod: input.repaymentMethod,
          overdueInterestPercent,
          active: true,
        }),
      );
      await recordAudit(manager, ctx.viewer, { operation: "createLoanProduct", entityType: "LoanProduct", entityId: product.id, after: product });
      return { product };
    });
  }

  @Authorized(...CONFIGURERS)
  @Mutation(() => LoanProductPayload, { description: "Changes a loan product's terms for future applications; signed loans keep theirs (FUND_APPROVER, ADMIN)." })
  updateLoanProduct(@Arg("input", () => UpdateLoanProductInput, { description: "The changes." }) input: UpdateLoanProductInput, @Ctx() ctx: FundContext): Promise<LoanProductPayload> {
    if (input.annualInterestRate != null) checkRate(input.annualInterestRate, "input.annualInterestRate");
    const overdue = input.overdueInterestMultiplier != null ? multiplierPercent(input.overdueInterestMultiplier, "input.overdueInterestMultiplier") : null;
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(LoanProduct);
      const product = await repository.findOne({ where: { id: input.id.toLowerCase() }, lock: { mode: "pessimistic_write" } });
      if (!product) throw new NotFoundError("Loan product", input.id);
      checkVersion("Loan product", product.id, product.version, input.version);
      const before = { ...product };
      if (input.name != null) product.name = input.name.normalize("NFC");
      if (input.maxAmount != null) product.maxAmount = input.maxAmount;
      if (input.maxTermMonths != null) product.maxTermMonths = input.maxTermMonths;
      if (input.annualInterestRate != null) product.annualInterestRate = input.annualInterestRate;
      if (input.graceMonths != null) product.graceMonths = input.graceMonths;
      if (input.collateralRequired != null) product.collateralRequired = input.collateralRequired;
      if (input.repaymentMethod != null) product.repaymentMethod = input.repaymentMethod;
      if (overdue !== null) product.overdueInterestPercent = overdue;
      if (input.active != null) product.active = input.active;
      if (product.graceMonths >= product.maxTermMonths) throw badInput("input.graceMonths", "must be shorter than the maximum term");
      const saved = await repository.save(product);
      const change = changedFields(before, saved);
      await recordAudit(manager, ctx.viewer, { operation: "updateLoanProduct", entityType: "LoanProduct", entityId: saved.id, before: change.before, after: change.after });
      return { product: saved };
    });
  }

  @Authorized(...CONFIGURERS)
  @Mutation(() => DebtGroupThresholdsPayload, { description: "Sets the days-past-due thresholds of debt groups 1–5 (FUND_APPROVER, ADMIN). Classification as of any date uses the thresholds in force when asked." })
  configureDebtGroupThresholds(@Arg("input", () => ConfigureDebtGroupsInput, { description: "The five thresholds." }) input: ConfigureDebtGroupsInput, @Ctx() ctx: FundContext): Promise<DebtGroupThresholdsPayload> {
    const problem = debtGroupBandsProblem(input.thresholds);
    if (problem) throw badInput("input.thresholds", problem);
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(DebtGroupThreshold);
      const rows = await repository.find({ order: { debtGroup: "ASC" }, lock: { mode: "pessimistic_write" } });
      const before = rows.map((r) => ({ debtGroup: r.debtGroup, minDaysPastDue: r.minDaysPastDue, version: r.version }));
      for (const row of rows) row.minDaysPastDue = input.thresholds.find((t) => t.debtGroup === row.debtGroup)!.minDaysPastDue;
      const thresholds = await repository.save(rows);
      // One entry for the whole table of thresholds (they are configured together).
      await recordAudit(manager, ctx.viewer, {
        operation: "configureDebtGroupThresholds",
        entityType: "DebtGroupThreshold",
        entityId: "all",
        before: { thresholds: before },
        after: { thresholds: thresholds.map((r) => ({ debtGroup: r.debtGroup, minDaysPastDue: r.minDaysPastDue, version: r.version })) },
      });
      return { thresholds };
    });
  }
}
