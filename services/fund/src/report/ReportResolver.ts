import { MoneyScalar, OncePerRequest, rollupTotals, Territory, territorySql, unplacedInTerritorySql } from "@camau/shared";
import { rolledUpLoanInTerritory } from "../domain/loanTerritory";
import { Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { FundContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

/**
 * The fund's figures of the period report: aggregates in SQL, no loan rows in Node. Territory: a
 * loan counts where its borrower's head office was when it applied (its district snapshot, or its
 * new commune when it has no district), by the shared rule of places; a borrower with neither
 * counts in the province of the loan's signing (unplacedInTerritory). The condition on loan `l`
 * takes its parameters from $3 on.
 */
function loanInTerritory(territory: Territory): { sql: string; params: unknown[] } {
  const place = territorySql({ district: "l.borrower_district_code", commune: "l.borrower_commune_code" }, territory, 3);
  return {
    sql: `(${place.sql} OR (l.borrower_district_code IS NULL AND l.borrower_commune_code IS NULL AND ${unplacedInTerritorySql("l.signed_on", 5)}))`,
    params: [...place.params, territory],
  };
}

// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, { description: "Projects funded in the period: loans whose first disbursement falls within it (số dự án được Quỹ hỗ trợ vốn)." })
  async fundedProjectCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    const inTerritory = loanInTerritory(r.territory);
    const [row]: { n: string }[] = await ctx.dataSource.query(`SELECT count(*) AS n FROM loan l WHERE l.first_disbursed_on BETWEEN $1::date AND $2::date AND ${inTerritory.sql}`, [r.from, r.to, ...inTerritory.params]);
    return Number(row.n);
  }

  @FieldResolver(() => MoneyScalar, { description: "Amount the fund disbursed within the period, in đồng (số tiền giải ngân trong kỳ)." })
  async fundDisbursedAmount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    const inTerritory = loanInTerritory(r.territory);
    const [row]: { total: string }[] = await ctx.dataSource.query(
      `SELECT coalesce(sum(x.amount), 0) AS total FROM disbursement x JOIN loan l ON l.id = x.loan_id WHERE x.disbursed_on BETWEEN $1::date AND $2::date AND ${inTerritory.sql}`,
      [r.from, r.to, ...inTerritory.params],
    );
    return Number(row.total);
  }

  @FieldResolver(() => MoneyScalar, { description: "The fund's outstanding principal at the end of the period, in đồng (dư nợ cuối kỳ)." })
  async fundOutstandingPrincipal(@Root() r: CollectiveEconomyReport, @Ctx() ctx: FundContext): Promise<number> {
    // From the outstanding_principal rollup: one row per month end and day, whatever the number of loans.
    // Cells are [borrower's district, signed before the reform, borrower's commune when no district].
    const cells = await rollupTotals(ctx.dataSource, "outstanding_principal", r.to);
    return cells.filter(({ cell: [district, signedBefore, commune] }) => rolledUpLoanInTerritory(r.territory, district, commune, signedBefore)).reduce((sum, cell) => sum + cell.total, 0);
  }
}
