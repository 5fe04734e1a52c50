/**
 * Every GraphQL operation the report sends to the gateway, in one place. They select exactly the
 * aggregate fields the draft writes about and no field about a person.
 *
 * The report takes a territory and breaks cooperatives down by the units of the period
 * (`byArea`). A gateway whose composed schema does not have them yet is asked the same figures
 * without them (`byDistrict`, the province of the period): see gatewayFigures.ts.
 */

const REPORT_FIELDS = `
    cooperativeCount
    cooperativeGroupCount
    memberCount
    unionCount
    unionMemberCooperativeCount
    newCooperativeCount
    dissolvedCooperativeCount
    newModelCooperativeCount
    newAllianceMemberCount
    stateManagementClassCount
    outreachClassCount
    tradePromotionProgramCount
    tradePromotionSupportedCooperativeCount
    fundedProjectCount
    fundDisbursedAmount
    fundOutstandingPrincipal
    ocopProductCount
    bySector { sectorCode sectorName cooperativeCount goodOrFairCount }
    byRating { goodOrFairCount byRating { rating cooperativeCount } }
    publishedFigures { figure publishedValue derivedValue difference status publishedFigure { province } }`;

const FUND_FIELDS = `
    principalOutstanding
    loansOutstanding
    overdueLoanCount
    par30Ratio
    byDebtGroup { debtGroup name loanCount principalOutstanding suppressed }`;

const PROGRAM_PROVINCES = `
  programs: tradePromotionPrograms(filter: { from: $from, to: $to }, first: 100) { edges { node { province } } }`;

/** The period's figures, its breakdowns and the fund's portfolio at its end, for one territory. */
export const REPORT_FIGURES = `query ReportDraftFigures($from: Date!, $to: Date!, $territory: Territory) {
  report: collectiveEconomyReport(from: $from, to: $to, territory: $territory) {
    territory${REPORT_FIELDS}
    byArea { unitCode unitName level cooperativeCount goodOrFairCount }
  }
  fund: fundPortfolio(asOf: $to, territory: $territory) {${FUND_FIELDS}
  }${PROGRAM_PROVINCES}
}`;

/** The same without the territory, for a composed schema that has not got it yet. */
export const REPORT_FIGURES_BY_DISTRICT = `query ReportDraftFiguresByDistrict($from: Date!, $to: Date!) {
  report: collectiveEconomyReport(from: $from, to: $to) {${REPORT_FIELDS}
    byDistrict { districtCode districtName cooperativeCount goodOrFairCount }
  }
  fund: fundPortfolio(asOf: $to) {${FUND_FIELDS}
  }${PROGRAM_PROVINCES}
}`;

/**
 * The scalar figures of several periods in one request (the comparisons and the chart's series):
 * one round trip instead of one per period.
 */
export function comparedFigures(count: number, withTerritory: boolean): string {
  const variables = Array.from({ length: count }, (_, i) => `$f${i}: Date!, $t${i}: Date!`).join(", ");
  const reports = Array.from(
    { length: count },
    (_, i) => `  r${i}: collectiveEconomyReport(from: $f${i}, to: $t${i}${withTerritory ? ", territory: $territory" : ""}) {${REPORT_FIELDS.split("bySector")[0]}
    byRating { goodOrFairCount }
  }`,
  ).join("\n");
  return withTerritory
    ? `query ReportDraftComparedFigures($territory: Territory, ${variables}) {\n${reports}\n}`
    : `query ReportDraftComparedFiguresByDistrict(${variables}) {\n${reports}\n}`;
}

/** Cooperatives supported in trade promotion per province where the period's programs were held. */
export function tradePromotionByProvince(count: number, withTerritory: boolean): string {
  const variables = Array.from({ length: count }, (_, i) => `$p${i}: String!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `p${i}: tradePromotionSupportedCooperativeCount(province: $p${i})`).join("\n    ");
  return withTerritory
    ? `query ReportDraftTradePromotion($from: Date!, $to: Date!, $territory: Territory, ${variables}) {
  report: collectiveEconomyReport(from: $from, to: $to, territory: $territory) {
    ${fields}
  }
}`
    : `query ReportDraftTradePromotionByDistrict($from: Date!, $to: Date!, ${variables}) {
  report: collectiveEconomyReport(from: $from, to: $to) {
    ${fields}
  }
}`;
}
