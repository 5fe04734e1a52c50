import { addDays, MoneyScalar, OncePerRequest, RollupCell, rollupTotals } from "@camau/shared";
import { rolledUpLoanInTerritory } from "../domain/loanTerritory";
import { Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { FundContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

/** The period's flows per request context (the two fields below share one read). */
const periodFlows = new WeakMap<object, Map<string, Promise<{ amount: number; loans: number }>>>();

/**
 * The amount disbursed and the loans first disbursed within the period, from the `disbursements`
 * rollup (cumulative flows: the value at the period's end minus the one the day before it
 * starts), so the cost does not grow with the loans. Its cells: [measure ('amount' or 'loans'),
 * borrower's district, signed before the reform, borrower's commune when no district].
 */
function disbursedInPeriod(ctx: FundContext, r: CollectiveEconomyReport): Promise<{ amount: number; loans: number }> {
  const memo = periodFlows.get(ctx) ?? new Map<string, Promise<{ amount: number; loans: number }>>();
  periodFlows.set(ctx, memo);
  const key = `${r.from}/${r.to}/${r.territory}`;
  let flows = memo.get(key);
  if (!flows) {
    flows = (async () => {
      const [end, start] = await Promise.all([rollupTotals(ctx.dataSource, "disbursements", r.to), rollupTotals(ctx.dataSource, "disbursements", addDays(r.from, -1))]);
      const sum = (cells: RollupCell[], measure: string) =>
        cells
          .filter(({ cell: [m, district, signedBefore, commune] }) => m === measure && rolledUpLoanInTerritory(r.territory, district, commune, signedBefore))
          .reduce((total, cell) => total + cell.total, 0);
      return { amount: sum(end, "amount") - sum(start, "amount"), loans: sum(end, "loans") - sum(start, "loans") };
    })();
    memo.set(key, flows);
  }
  return flows;
}

/**
 * The fund's figures of the period report: aggregates in SQL, no loan rows in Node. Territory: a
 * loan counts where its borrower's head office was when it applied (its district snapshot, or its
 * new commune when it has no district), by the shared rule of places; a borrower with neither
 * counts in the province of the loan's signing (rolledUpLoanInTerritory).
 */
// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, { description: "Projects funded in the period: loans whose first disbursement falls within it (số dự án được Quỹ hỗ trợ vốn)." })
  async fundedProjectCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    return (await disbursedInPeriod(ctx, r)).loans;
  }

  @FieldResolver(() => MoneyScalar, { description: "Amount the fund disbursed within the period, in đồng (số tiền giải ngân trong kỳ)." })
  async fundDisbursedAmount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    return (await disbursedInPeriod(ctx, r)).amount;
  }

  @FieldResolver(() => MoneyScalar, { description: "The fund's outstanding principal at the end of the period, in đồng (dư nợ cuối kỳ)." })
  async fundOutstandingPrincipal(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    // From the outstanding_principal rollup: one row per month end and day, whatever the number of loans.
    // Cells are [borrower's district, signed before the reform, borrower's commune when no district].
    const cells = await rollupTotals(ctx.dataSource, "outstanding_principal", r.to);
    return cells.filter(({ cell: [district, signedBefore, commune] }) => rolledUpLoanInTerritory(r.territory, district, commune, signedBefore)).reduce((sum, cell) => sum + cell.total, 0);
  }
}
