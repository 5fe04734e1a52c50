import { GraphQLError } from "graphql";
import { createHash } from "node:crypto";
import { lastPeriods, Period, previousPeriod, samePeriodLastYear, shortPeriodLabel } from "../domain/periods";
import { defaultTerritory, Territory } from "../domain/territory";
import { GatewayValidationError, queryGateway } from "./gatewayClient";
import { comparedFigures, REPORT_FIGURES, REPORT_FIGURES_BY_DISTRICT, tradePromotionByProvince } from "./operations";

/** The scalar figures of one period, as the graph's report names them. */
export interface ScalarFigures {
  cooperativeCount: number;
  cooperativeGroupCount: number;
  memberCount: number;
  unionCount: number;
  unionMemberCooperativeCount: number;
  newCooperativeCount: number;
  dissolvedCooperativeCount: number;
  newModelCooperativeCount: number;
  newAllianceMemberCount: number;
  stateManagementClassCount: number;
  outreachClassCount: number;
  tradePromotionProgramCount: number;
  tradePromotionSupportedCooperativeCount: number;
  fundedProjectCount: number;
  fundDisbursedAmount: number;
  fundOutstandingPrincipal: number;
  ocopProductCount: number;
  goodOrFairCount: number;
}

export const SCALAR_FIGURES: readonly (keyof ScalarFigures)[] = [
  "cooperativeCount",
  "cooperativeGroupCount",
  "memberCount",
  "unionCount",
  "unionMemberCooperativeCount",
  "newCooperativeCount",
  "dissolvedCooperativeCount",
  "newModelCooperativeCount",
  "newAllianceMemberCount",
  "stateManagementClassCount",
  "outreachClassCount",
  "tradePromotionProgramCount",
  "tradePromotionSupportedCooperativeCount",
  "fundedProjectCount",
  "fundDisbursedAmount",
  "fundOutstandingPrincipal",
  "ocopProductCount",
  "goodOrFairCount",
];

/** Figures in đồng (written with words); the others are counts. */
export const MONEY_FIGURES: ReadonlySet<keyof ScalarFigures> = new Set(["fundDisbursedAmount", "fundOutstandingPrincipal"]);

export interface BreakdownRow {
  code: string;
  name: string;
  cooperativeCount: number;
  goodOrFairCount: number;
}

export interface DebtGroupRow {
  debtGroup: number;
  name: string;
  /** Null when the fund withholds it from this caller (fewer loans than disclosure allows). */
  loanCount: number | null;
  principalOutstanding: number | null;
  suppressed: boolean;
}

export interface DraftFigures {
  period: Period;
  territory: Territory;
  current: ScalarFigures;
  samePeriodLastYear: { period: Period; figures: ScalarFigures };
  previousPeriod: { period: Period; figures: ScalarFigures };
  bySector: BreakdownRow[];
  /** Active cooperatives by the administrative units of the period. */
  byArea: BreakdownRow[];
  ratings: { rating: string | null; cooperativeCount: number }[];
  fund: { principalOutstanding: number; loansOutstanding: number; overdueLoanCount: number; par30Ratio: number; byDebtGroup: DebtGroupRow[] };
  tradePromotionByProvince: { province: string; cooperativeCount: number }[];
  /** Figures published for the period beside those derived from the records (a province-scoped one derived here). */
  published: { figure: string; province: string | null; publishedValue: number; derivedValue: number | null; difference: number | null; status: string }[];
  /** Cooperatives and members over the last periods of the same kind, oldest first (the chart). */
  series: { label: string; period: Period; cooperativeCount: number; memberCount: number }[];
}

/** Periods in the chart's series. */
export const SERIES_LENGTH = 6;

type RawScalars = Omit<ScalarFigures, "goodOrFairCount"> & { byRating: { goodOrFairCount: number } };

interface RawReport extends RawScalars {
  territory?: Territory;
  bySector: { sectorCode: string; sectorName: string; cooperativeCount: number; goodOrFairCount: number }[];
  byRating: { goodOrFairCount: number; byRating: { rating: string | null; cooperativeCount: number }[] };
  byArea?: { unitCode: string; unitName: string; cooperativeCount: number; goodOrFairCount: number }[];
  byDistrict?: { districtCode: string; districtName: string | null; cooperativeCount: number; goodOrFairCount: number }[];
  publishedFigures: { figure: string; publishedValue: number; derivedValue: number | null; difference: number | null; status: string; publishedFigure: { province: string | null } }[];
}

interface RawFigures {
  report: RawReport;
  fund: DraftFigures["fund"];
  programs: { edges: { node: { province: string } }[] };
}

function scalars(raw: RawScalars): ScalarFigures {
  const figures = {} as ScalarFigures;
  for (const key of SCALAR_FIGURES) figures[key] = key === "goodOrFairCount" ? raw.byRating.goodOrFairCount : Number(raw[key]);
  return figures;
}

/**
 * Whether the composed schema has the report's territory. Learnt from the gateway's first answer
 * and kept for the life of the process: a gateway is redeployed with a new supergraph, and a
 * subgraph restart follows any schema change of its own.
 */
let territorySupported: boolean | undefined;

/** Reads the figures of a draft from the graph as the caller (Authorization forwarded). */
export async function fetchDraftFigures(period: Period, requested: Territory | undefined, authorization: string | undefined): Promise<DraftFigures> {
  const territory = requested ?? defaultTerritory(period);
  const ask = async <T>(withTerritory: string, byDistrict: string, p: Period, extra: Record<string, unknown> = {}): Promise<T> => {
    if (territorySupported !== false) {
      try {
        const data = await queryGateway<T>(withTerritory, { from: p.from, to: p.to, territory, ...extra }, authorization);
        territorySupported = true;
        return data;
      } catch (error) {
        if (!(error instanceof GatewayValidationError) || territorySupported === true) throw error;
        territorySupported = false;
      }
    }
    if (territory !== defaultTerritory(p) && territory !== defaultTerritory(period)) {
      throw new GraphQLError(`The graph does not break the report down by territory yet: only the province of the period (${defaultTerritory(period)}) can be written`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return queryGateway<T>(byDistrict, { from: p.from, to: p.to, ...extra }, authorization);
  };

  const main = await ask<RawFigures>(REPORT_FIGURES, REPORT_FIGURES_BY_DISTRICT, period);
  const provinces = [...new Set(main.programs.edges.map((e) => e.node.province))].sort((a, b) => a.localeCompare(b, "vi")).slice(0, 20);
  let tradePromotion: DraftFigures["tradePromotionByProvince"] = [];
  if (provinces.length) {
    const variables = Object.fromEntries(provinces.map((p, i) => [`p${i}`, p]));
    const answer = await ask<{ report: Record<string, number> }>(tradePromotionByProvince(provinces.length, true), tradePromotionByProvince(provinces.length, false), period, variables);
    tradePromotion = provinces.map((province, i) => ({ province, cooperativeCount: answer.report[`p${i}`] })).filter((row) => row.cooperativeCount > 0);
  }
  const lastYear = samePeriodLastYear(period);
  const previous = previousPeriod(period);
  const seriesPeriods = lastPeriods(period, SERIES_LENGTH);
  const keyOf = (p: Period) => `${p.from}/${p.to}`;
  const known = new Map<string, ScalarFigures>([[keyOf(period), scalars(main.report)]]);
  const missing = [lastYear, previous, ...seriesPeriods].filter((p, i, all) => !known.has(keyOf(p)) && all.findIndex((q) => keyOf(q) === keyOf(p)) === i);
  if (missing.length) {
    const variables = Object.fromEntries(missing.flatMap((p, i) => [[`f${i}`, p.from], [`t${i}`, p.to]]));
    const answer = await ask<Record<string, RawScalars>>(comparedFigures(missing.length, true), comparedFigures(missing.length, false), period, variables);
    missing.forEach((p, i) => known.set(keyOf(p), scalars(answer[`r${i}`])));
  }
  const figuresOf = (p: Period) => known.get(keyOf(p))!;
  const lastYearFigures = figuresOf(lastYear);
  const previousFigures = figuresOf(previous);
  const series: DraftFigures["series"] = seriesPeriods.map((p) => ({ label: shortPeriodLabel(p), period: p, cooperativeCount: figuresOf(p).cooperativeCount, memberCount: figuresOf(p).memberCount }));

  const r = main.report;
  const byArea: BreakdownRow[] = r.byArea
    ? r.byArea.map((a) => ({ code: a.unitCode, name: a.unitName, cooperativeCount: a.cooperativeCount, goodOrFairCount: a.goodOrFairCount }))
    : (r.byDistrict ?? []).map((d) => ({ code: d.districtCode, name: d.districtName ?? d.districtCode, cooperativeCount: d.cooperativeCount, goodOrFairCount: d.goodOrFairCount }));
  return {
    period,
    territory: r.territory ?? territory,
    current: scalars(r),
    samePeriodLastYear: { period: lastYear, figures: lastYearFigures },
    previousPeriod: { period: previous, figures: previousFigures },
    bySector: r.bySector.map((s) => ({ code: s.sectorCode, name: s.sectorName, cooperativeCount: s.cooperativeCount, goodOrFairCount: s.goodOrFairCount })),
    byArea,
    ratings: r.byRating.byRating,
    fund: { ...main.fund, principalOutstanding: Number(main.fund.principalOutstanding) },
    tradePromotionByProvince: tradePromotion,
    published: r.publishedFigures.map(({ publishedFigure, ...row }) => {
      const province = publishedFigure.province;
      // The graph leaves a figure about one province underived; the draft has read it per province.
      const derived = row.status === "NOT_DERIVED" && province ? tradePromotion.find((t) => t.province === province)?.cooperativeCount ?? 0 : undefined;
      if (derived === undefined) return { ...row, province };
      return { ...row, province, derivedValue: derived, difference: derived - row.publishedValue, status: derived === row.publishedValue ? "MATCHES" : "DIFFERS" };
    }),
    series,
  };
}

/** The data version of a draft: a hash of every figure it was written from. */
export function dataVersionOf(figures: DraftFigures): string {
  return createHash("sha256").update(JSON.stringify(figures)).digest("hex").slice(0, 16);
}
