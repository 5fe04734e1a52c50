import { isReportPeriod, MoneyScalar, OncePerRequest, rollupTotals } from "@camau/shared";
import { Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { FundContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

/** The fund's figures of the period report: aggregates in SQL, no loan rows in Node. */
// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, { description: "Projects funded in the period: loans whose first disbursement falls within it (số dự án được Quỹ hỗ trợ vốn)." })
  async fundedProjectCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    const [row]: { n: string }[] = await ctx.dataSource.query(`SELECT count(*) AS n FROM loan WHERE first_disbursed_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
    return Number(row.n);
  }

  @FieldResolver(() => MoneyScalar, { description: "Amount the fund disbursed within the period, in đồng (số tiền giải ngân trong kỳ)." })
  async fundDisbursedAmount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    const [row]: { total: string }[] = await ctx.dataSource.query(`SELECT coalesce(sum(amount), 0) AS total FROM disbursement WHERE disbursed_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
    return Number(row.total);
  }

  @FieldResolver(() => MoneyScalar, { description: "The fund's outstanding principal at the end of the period, in đồng (dư nợ cuối kỳ)." })
  async fundOutstandingPrincipal(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    // From the outstanding_principal rollup: one row per month end and day, whatever the number of loans.
    const cells = await rollupTotals(ctx.dataSource, "outstanding_principal", r.to);
    return cells.reduce((sum, cell) => sum + cell.total, 0);
  }
}

/** Entity reference resolver: the report is its period; nothing to look up. */
export const reportReference = {
  CollectiveEconomyReport: {
    __resolveReference: (ref: { from: string; to: string }) => (isReportPeriod(ref) ? { from: ref.from, to: ref.to } : null),
  },
};
