import { DateScalar, DisclosedColumn, RollupCell, Viewer, rollupTotals, withholdSmallCells, CacheHint, Territory, defaultTerritory } from "@camau/shared";
import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root, Directive } from "type-graphql";
import { FundContext } from "../context";
import { rolledUpLoanInTerritory } from "../domain/loanTerritory";
import { DebtGroupSlice, DistrictSlice, FundPortfolio, SectorSlice } from "../graphql/objects";

interface Totals {
  loansOutstanding: number;
  principalOutstanding: number;
  disbursedToDate: number;
  principalRepaidToDate: number;
  writtenOffToDate: number;
  overdueLoanCount: number;
  par30Principal: number;
}

/** One group of loans' positions: same borrower sector, district and debt group. */
interface PositionGroup {
  sectorCode: string;
  sectorName: string;
  districtCode: string | null;
  districtName: string | null;
  debtGroup: number | null;
  /** Loans with outstanding principal. */
  n: number;
  overdue: number;
  outstanding: number;
  /** Outstanding principal of the loans with outstanding principal (> 0) only. */
  outstandingPositive: number;
  par30: number;
  disbursed: number;
  /** Loans in PAR30, and loans disbursed to date: the units of those figures (disclosure control). */
  par30Loans: number;
  disbursedLoans: number;
}

interface Portfolio {
  totals: Totals;
  groups: PositionGroup[];
  debtGroups: { debtGroup: number; name: string }[];
}

/** What a portfolio is read for: a date and the territory its loans' borrowers lie in. */
type PortfolioKey = Pick<FundPortfolio, "asOf" | "territory">;

const portfolioMemo = new WeakMap<FundContext, Map<string, Promise<Portfolio>>>();

/** The measures of the `portfolio` rollup (migration PortfolioRollup) kept per group of loans. */
const GROUP_MEASURES: Record<string, keyof Omit<PositionGroup, "sectorCode" | "sectorName" | "districtCode" | "districtName" | "debtGroup">> = {
  n: "n",
  overdue: "overdue",
  outstanding: "outstanding",
  par30: "par30",
  disbursed: "disbursed",
  par30_loans: "par30Loans",
  disbursed_loans: "disbursedLoans",
};

/**
 * The rollup's cells (measure, sector code, sector name, district code, district name, debt group,
 * signed before the reform when unplaced, commune when no district) of the loans in the territory,
 * summed into groups of loans by sector code, district code and debt group, named by the smallest
 * name recorded in the group; a group exists while it holds a signed loan (measure `loans`).
 */
function positionGroups(cells: RollupCell[], territory: Territory): { groups: PositionGroup[]; repaid: number; writtenOff: number } {
  const byKey = new Map<string, PositionGroup>();
  let repaid = 0;
  let writtenOff = 0;
  for (const { cell, total } of cells) {
    const [measure, sectorCode, sectorName, districtCode, districtName, debtGroup, signedBeforeReform, communeCode] = cell;
    if (!rolledUpLoanInTerritory(territory, districtCode, communeCode, signedBeforeReform)) continue;
    if (measure === "repaid") repaid += total;
    else if (measure === "written_off") writtenOff += total;
    if (measure !== "loans" && measure !== "outstanding_negative" && !(measure! in GROUP_MEASURES)) continue;
    const key = JSON.stringify([sectorCode, districtCode, debtGroup]);
    let group = byKey.get(key);
    if (!group) {
      group = { sectorCode: sectorCode!, sectorName: sectorName!, districtCode, districtName, debtGroup: debtGroup === null ? null : Number(debtGroup), n: 0, overdue: 0, outstanding: 0, outstandingPositive: 0, par30: 0, disbursed: 0, par30Loans: 0, disbursedLoans: 0 };
      byKey.set(key, group);
    }
    group.sectorName = minText([group.sectorName, sectorName])!;
    group.districtName = minText([group.districtName, districtName]);
    // Outstanding of the loans with outstanding > 0 = all outstanding − the overpaid ones' (< 0).
    if (measure === "outstanding") group.outstandingPositive += total;
    else if (measure === "outstanding_negative") group.outstandingPositive -= total;
    if (measure !== "loans" && measure !== "outstanding_negative") group[GROUP_MEASURES[measure!]] += total;
  }
  return { groups: [...byKey.values()], repaid, writtenOff };
}

/**
 * The portfolio of a territory as of the date, read ONCE per request, date and territory from the
 * `portfolio` dated rollup (about one row per cell whatever the number of loans), from which the
 * headline figures and the three breakdowns are summed.
 */
function portfolio(ctx: FundContext, { asOf, territory }: PortfolioKey): Promise<Portfolio> {
  let byDate = portfolioMemo.get(ctx);
  if (!byDate) portfolioMemo.set(ctx, (byDate = new Map()));
  const memoKey = `${asOf}:${territory}`;
  let found = byDate.get(memoKey);
  if (!found) {
    found = (async () => {
      const [cells, thresholds] = await Promise.all([
        rollupTotals(ctx.dataSource, "portfolio", asOf),
        ctx.dataSource.query(`SELECT debt_group, name FROM debt_group_threshold ORDER BY debt_group`) as Promise<{ debt_group: number; name: string }[]>,
      ]);
      const { groups, repaid, writtenOff } = positionGroups(cells, territory);
      const sum = (pick: (g: PositionGroup) => number) => groups.reduce((total, g) => total + pick(g), 0);
      return {
        groups,
        debtGroups: thresholds.map((t) => ({ debtGroup: Number(t.debt_group), name: t.name })),
        totals: {
          loansOutstanding: sum((g) => g.n),
          principalOutstanding: sum((g) => g.outstanding),
          disbursedToDate: sum((g) => g.disbursed),
          principalRepaidToDate: repaid,
          writtenOffToDate: writtenOff,
          overdueLoanCount: sum((g) => g.overdue),
          par30Principal: sum((g) => g.par30),
        },
      };
    })();
    byDate.set(memoKey, found);
  }
  return found;
}

/** The fields of FundPortfolio that are the portfolio's totals of the same name. */
const HEADLINE_FIGURES: readonly (keyof Totals)[] = ["loansOutstanding", "principalOutstanding", "disbursedToDate", "principalRepaidToDate", "writtenOffToDate", "overdueLoanCount", "par30Principal"];

/** The portfolio's headline figures, shared by the fields of one request. */
async function totals(ctx: FundContext, key: PortfolioKey): Promise<Totals> {
  return (await portfolio(ctx, key)).totals;
}

/**
 * Sums groups into the slices of a breakdown by a key, in first-seen order; a slice is named by the
 * smallest name recorded among its groups.
 */
function slicesBy<K>(groups: readonly PositionGroup[], keyOf: (g: PositionGroup) => K, nameOf: (g: PositionGroup) => string | null) {
  const out = new Map<K, { key: K; name: string | null; figures: SliceFigures & SliceUnits }>();
  for (const g of groups) {
    const key = keyOf(g);
    const slice = out.get(key) ?? { key, name: null, figures: { loanCount: 0, principalOutstanding: 0, par30Principal: 0, disbursedToDate: 0, par30Loans: 0, disbursedLoans: 0 } };
    slice.name = minText([slice.name, nameOf(g)]);
    slice.figures.loanCount += g.n;
    slice.figures.principalOutstanding += g.outstanding;
    slice.figures.par30Principal += g.par30;
    slice.figures.disbursedToDate += g.disbursed;
    slice.figures.par30Loans += g.par30Loans;
    slice.figures.disbursedLoans += g.disbursedLoans;
    out.set(key, slice);
  }
  return [...out.values()];
}

/**
 * The breakdowns are public: a cell summing fewer loans than the disclosure threshold is withheld
 * from the public (shared/src/disclosure), each figure by the loans it sums.
 */
interface SliceUnits {
  loanCount: number;
  par30Loans: number;
  disbursedLoans: number;
}
const SLICE_COLUMNS: DisclosedColumn<SliceFigures & SliceUnits, keyof SliceFigures>[] = [
  { units: (s) => s.loanCount, figures: ["loanCount", "principalOutstanding"] },
  { units: (s) => s.par30Loans, figures: ["par30Principal"] },
  { units: (s) => s.disbursedLoans, figures: ["disbursedToDate"] },
];
interface SliceFigures {
  loanCount: number;
  principalOutstanding: number;
  par30Principal: number;
  disbursedToDate: number;
}
function disclosedSlices<T extends SliceFigures & SliceUnits>(rows: T[], viewer: Viewer) {
  return withholdSmallCells(rows, SLICE_COLUMNS as DisclosedColumn<T, keyof SliceFigures>[], viewer).map(({ par30Loans: _p, disbursedLoans: _d, ...slice }) => slice);
}

/** min() of text as PostgreSQL compares it here (C collation: code-unit order for these names). */
function minText(values: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  for (const v of values) if (v !== null && (best === null || v < best)) best = v;
  return best;
}

@Resolver(() => FundPortfolio)
export class PortfolioResolver {
  @Directive(CacheHint.report)
  @Query(() => FundPortfolio, { description: "The fund's portfolio as of a date (danh mục cho vay): public aggregate figures, no individual loans." })
  fundPortfolio(
    @Arg("asOf", () => DateScalar, { description: "The date (end of day)." }) asOf: string,
    @Arg("territory", () => Territory, {
      nullable: true,
      description: "The territory whose borrowers' loans are counted, by the borrower's place. Default: the province as it was on the date (OLD_CA_MAU before 2025-07-01, CA_MAU from then on).",
    })
    territory: Territory | null | undefined,
    @Ctx() ctx: FundContext,
  ): FundPortfolio {
    const root = { asOf, territory: territory ?? defaultTerritory(asOf) } as FundPortfolio;
    // Read lazily: a query that selects no headline figure reads no totals.
    for (const figure of HEADLINE_FIGURES) Object.defineProperty(root, figure, { enumerable: true, get: () => totals(ctx, root).then((t) => t[figure]) });
    return root;
  }

  @FieldResolver(() => Float, { description: "Portfolio at risk over 30 days (tỷ lệ nợ quá hạn trên 30 ngày): PAR30 principal / outstanding principal, 0 to 1; 0 when nothing is outstanding." })
  async par30Ratio(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<number> {
    const t = await totals(ctx, p);
    return t.principalOutstanding > 0 ? t.par30Principal / t.principalOutstanding : 0;
  }

  @FieldResolver(() => [DebtGroupSlice], { description: "Outstanding loans by debt group 1–5 (dư nợ theo nhóm nợ); every group is listed. Groups of fewer than 3 loans are withheld from the public (`suppressed`)." })
  async byDebtGroup(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<DebtGroupSlice[]> {
    const { groups, debtGroups } = await portfolio(ctx, p);
    const rows = debtGroups.map((t) => {
      const of = groups.filter((g) => g.debtGroup === t.debtGroup);
      return {
        debtGroup: t.debtGroup,
        name: t.name,
        loanCount: of.reduce((sum, g) => sum + g.n, 0),
        principalOutstanding: of.reduce((sum, g) => sum + g.outstandingPositive, 0),
      };
    });
    return withholdSmallCells(rows, [{ units: (s) => s.loanCount, figures: ["loanCount", "principalOutstanding"] }], ctx.viewer);
  }

  @FieldResolver(() => [SectorSlice], { description: "By the borrower's sector as recorded at application (theo lĩnh vực), largest outstanding first. Figures summing fewer than 3 loans are withheld from the public (`suppressed`)." })
  async bySector(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<SectorSlice[]> {
    const { groups } = await portfolio(ctx, p);
    const rows = slicesBy(groups, (g) => g.sectorCode, (g) => g.sectorName)
      .map(({ key, name, figures }) => ({ sectorCode: key, sectorName: name!, ...figures }))
      .sort((a, b) => b.principalOutstanding - a.principalOutstanding || (a.sectorCode < b.sectorCode ? -1 : a.sectorCode > b.sectorCode ? 1 : 0));
    return disclosedSlices(rows, ctx.viewer);
  }

  @FieldResolver(() => [DistrictSlice], { description: "By the borrower's district as recorded at application (theo huyện), by district code. Figures summing fewer than 3 loans are withheld from the public (`suppressed`)." })
  async byDistrict(@Root() p: FundPortfolio, @Ctx() ctx: FundContext): Promise<DistrictSlice[]> {
    const { groups } = await portfolio(ctx, p);
    const rows = slicesBy(groups, (g) => g.districtCode, (g) => g.districtName)
      .map(({ key, name, figures }) => ({ districtCode: key, districtName: name, ...figures }))
      // ORDER BY district_code NULLS LAST
      .sort((a, b) => (a.districtCode === b.districtCode ? 0 : a.districtCode === null ? 1 : b.districtCode === null ? -1 : a.districtCode < b.districtCode ? -1 : 1));
    return disclosedSlices(rows, ctx.viewer);
  }
}
