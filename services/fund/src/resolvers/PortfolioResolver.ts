import { DateScalar, MoneyScalar } from "@camau/shared";
import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import { FundContext } from "../context";
import { DebtGroupSlice, DistrictSlice, FundPortfolio, SectorSlice } from "../graphql/objects";
import { loanPositionsSql } from "../report/positionsSql";

interface Totals {
  loansOutstanding: number;
  principalOutstanding: number;
  disbursedToDate: number;
  principalRepaidToDate: number;
  writtenOffToDate: number;
  overdueLoanCount: number;
  par30Principal: number;
}

const totalsMemo = new WeakMap<FundContext, Map<string, Promise<Totals>>>();

/** The portfolio's headline figures in one aggregate statement, shared by the fields of one request. */
function totals(ctx: FundContext, asOf: string): Promise<Totals> {
  let byDate = totalsMemo.get(ctx);
  if (!byDate) totalsMemo.set(ctx, (byDate = new Map()));
  let found = byDate.get(asOf);
  if (!found) {
    found = (async () => {
      const [row]: Record<string, string | null>[] = await ctx.dataSource.query(
        `SELECT count(*) FILTER (WHERE p.outstanding > 0) AS loans_outstanding,
                coalesce(sum(p.outstanding), 0) AS principal_outstanding,
                coalesce(sum(p.disbursed), 0) AS disbursed,
                count(*) FILTER (WHERE p.status = 'OVERDUE' AND p.outstanding > 0) AS overdue_loans,
                coalesce(sum(p.outstanding) FILTER (WHERE p.dpd > 30), 0) AS par30,
                (SELECT coalesce(sum(r.principal_part), 0) FROM repayment r WHERE r.paid_on <= $1::date) AS repaid,
                (SELECT coalesce(sum(l.written_off_principal), 0) FROM loan l WHERE l.written_off_on <= $1::date) AS written_off
           FROM (${loanPositionsSql("$1::date")}) p`,
        [asOf],
      );
      return {
        loansOutstanding: Number(row.loans_outstanding),
        principalOutstanding: Number(row.principal_outstanding),
        disbursedToDate: Number(row.disbursed),
        principalRepaidToDate: Number(row.repaid),
        writtenOffToDate: Number(row.written_off),
        overdueLoanCount: Number(row.overdue_loans),
        par30Principal: Number(row.par30),
      };
    })();
    byDate.set(asOf, found);
  }
  return found;
}

@Resolver(() => FundPortfolio)
export class PortfolioResolver {
  @Query(() => FundPortfolio, { description: "The fund's portfolio as of a date (danh mục cho vay): public aggregate figures, no individual loans." })
  fundPortfolio(@Arg("asOf", () => DateScalar, { description: "The date (end of day)." }) asOf: string): FundPortfolio {
    return { asOf };
  }

  @FieldResolver(() => Int, { description: "Loans with outstanding principal (số khoản vay còn dư nợ)." })
  async loansOutstanding(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).loansOutstanding;
  }

  @FieldResolver(() => MoneyScalar, { description: "Outstanding principal (dư nợ gốc), written-off loans excluded." })
  async principalOutstanding(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).principalOutstanding;
  }

  @FieldResolver(() => MoneyScalar, { description: "Disbursed since the fund began, up to the date (lũy kế giải ngân)." })
  async disbursedToDate(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).disbursedToDate;
  }

  @FieldResolver(() => MoneyScalar, { description: "Principal repaid up to the date (lũy kế thu nợ gốc)." })
  async principalRepaidToDate(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).principalRepaidToDate;
  }

  @FieldResolver(() => MoneyScalar, { description: "Principal written off up to the date (lũy kế xóa nợ)." })
  async writtenOffToDate(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).writtenOffToDate;
  }

  @FieldResolver(() => Int, { description: "Loans with something past due (số khoản vay quá hạn)." })
  async overdueLoanCount(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).overdueLoanCount;
  }

  @FieldResolver(() => MoneyScalar, { description: "Outstanding principal of loans more than 30 days past due (PAR30)." })
  async par30Principal(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    return (await totals(ctx, p.asOf)).par30Principal;
  }

  @FieldResolver(() => Float, { description: "Portfolio at risk over 30 days (tỷ lệ nợ quá hạn trên 30 ngày): PAR30 principal / outstanding principal, 0 to 1; 0 when nothing is outstanding." })
  async par30Ratio(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    const t = await totals(ctx, p.asOf);
    return t.principalOutstanding > 0 ? t.par30Principal / t.principalOutstanding : 0;
  }

  @FieldResolver(() => [DebtGroupSlice], { description: "Outstanding loans by debt group 1–5 (dư nợ theo nhóm nợ); every group is listed." })
  async byDebtGroup(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<DebtGroupSlice[]> {
    const rows: { debt_group: number; name: string; n: string; outstanding: string }[] = await ctx.dataSource.query(
      `SELECT t.debt_group, t.name, count(x.loan_id) AS n, coalesce(sum(x.outstanding), 0) AS outstanding
         FROM debt_group_threshold t
         LEFT JOIN (SELECT * FROM (${loanPositionsSql("$1::date")}) p WHERE p.outstanding > 0) x ON x.debt_group = t.debt_group
        GROUP BY t.debt_group, t.name ORDER BY t.debt_group`,
      [p.asOf],
    );
    return rows.map((r) => ({ debtGroup: Number(r.debt_group), name: r.name, loanCount: Number(r.n), principalOutstanding: Number(r.outstanding) }));
  }

  @FieldResolver(() => [SectorSlice], { description: "By the borrower's sector as recorded at application (theo lĩnh vực), largest outstanding first." })
  async bySector(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<SectorSlice[]> {
    const rows: Record<string, string>[] = await ctx.dataSource.query(
      `SELECT p.sector_code, min(p.sector_name) AS sector_name,
              count(*) FILTER (WHERE p.outstanding > 0) AS n, coalesce(sum(p.outstanding), 0) AS outstanding,
              coalesce(sum(p.outstanding) FILTER (WHERE p.dpd > 30), 0) AS par30, coalesce(sum(p.disbursed), 0) AS disbursed
         FROM (${loanPositionsSql("$1::date")}) p
        GROUP BY p.sector_code ORDER BY outstanding DESC, p.sector_code`,
      [p.asOf],
    );
    return rows.map((r) => ({
      sectorCode: r.sector_code,
      sectorName: r.sector_name,
      loanCount: Number(r.n),
      principalOutstanding: Number(r.outstanding),
      par30Principal: Number(r.par30),
      disbursedToDate: Number(r.disbursed),
    }));
  }

  @FieldResolver(() => [DistrictSlice], { description: "By the borrower's district as recorded at application (theo huyện), by district code." })
  async byDistrict(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<DistrictSlice[]> {
    const rows: Record<string, string | null>[] = await ctx.dataSource.query(
      `SELECT p.district_code, min(p.district_name) AS district_name,
              count(*) FILTER (WHERE p.outstanding > 0) AS n, coalesce(sum(p.outstanding), 0) AS outstanding,
              coalesce(sum(p.outstanding) FILTER (WHERE p.dpd > 30), 0) AS par30, coalesce(sum(p.disbursed), 0) AS disbursed
         FROM (${loanPositionsSql("$1::date")}) p
        GROUP BY p.district_code ORDER BY p.district_code NULLS LAST`,
      [p.asOf],
    );
    return rows.map((r) => ({
      districtCode: r.district_code,
      districtName: r.district_name,
      loanCount: Number(r.n),
      principalOutstanding: Number(r.outstanding),
      par30Principal: Number(r.par30),
      disbursedToDate: Number(r.disbursed),
    }));
  }
}
