import { badInput, changedFields, ConflictError, inTransaction, lockVersionForChange, MutationService, recordAudit } from "@camau/shared";
import { debtGroupBandsProblem } from "../domain/debtGroups";
import { DebtGroupThreshold } from "../entities/DebtGroupThreshold";
import { LoanProduct } from "../entities/LoanProduct";
import { ConfigureDebtGroupsInput, CreateLoanProductInput, UpdateLoanProductInput } from "../inputs/ProductInputs";
import { checkRate } from "./domainErrors";

function multiplierPercent(value: number, path: string): number {
  const percent = Math.round(value * 100);
  if (Math.abs(percent - value * 100) > 1e-6) throw badInput(path, "has at most two decimals");
  return percent;
}

/**
 * The fund's configuration: loan products and the debt-group thresholds. Each change runs in one
 * transaction with its audit entry; resolvers translate GraphQL arguments into one call of it.
 */
export class LoanProductService extends MutationService {
  async createLoanProduct(input: CreateLoanProductInput): Promise<{ product: LoanProduct }> {
    checkRate(input.annualInterestRate, "input.annualInterestRate");
    if (input.graceMonths >= input.maxTermMonths) throw badInput("input.graceMonths", "must be shorter than the maximum term");
    const overdueInterestPercent = multiplierPercent(input.overdueInterestMultiplier, "input.overdueInterestMultiplier");
    return inTransaction(this.dataSource, async (manager) => {
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
      await recordAudit(manager, this.viewer, { operation: "createLoanProduct", entityType: "LoanProduct", entityId: product.id, after: product });
      return { product };
    });
  }

  async updateLoanProduct(input: UpdateLoanProductInput): Promise<{ product: LoanProduct }> {
    if (input.annualInterestRate != null) checkRate(input.annualInterestRate, "input.annualInterestRate");
    const overdue = input.overdueInterestMultiplier != null ? multiplierPercent(input.overdueInterestMultiplier, "input.overdueInterestMultiplier") : null;
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(LoanProduct);
      const product = await lockVersionForChange(manager, LoanProduct, input.id, input.version, "Loan product");
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
      await recordAudit(manager, this.viewer, { operation: "updateLoanProduct", entityType: "LoanProduct", entityId: saved.id, before: change.before, after: change.after });
      return { product: saved };
    });
  }

  async configureDebtGroupThresholds(input: ConfigureDebtGroupsInput): Promise<{ thresholds: DebtGroupThreshold[] }> {
    const problem = debtGroupBandsProblem(input.thresholds);
    if (problem) throw badInput("input.thresholds", problem);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(DebtGroupThreshold);
      const rows = await repository.find({ order: { debtGroup: "ASC" }, lock: { mode: "pessimistic_write" } });
      const before = rows.map((r) => ({ debtGroup: r.debtGroup, minDaysPastDue: r.minDaysPastDue, version: r.version }));
      for (const row of rows) row.minDaysPastDue = input.thresholds.find((t) => t.debtGroup === row.debtGroup)!.minDaysPastDue;
      const thresholds = await repository.save(rows);
      // One entry for the whole table of thresholds (they are configured together).
      await recordAudit(manager, this.viewer, {
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
