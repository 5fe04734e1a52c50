/**
 * The operation mix of the benchmark, taken from the real screens: the portal's filtered
 * cooperative list, a cooperative's profile across every subgraph, the diacritic-insensitive
 * search, the semi-annual report and the fund's portfolio. Each operation rotates through a
 * set of variables (districts, sectors, cooperatives, search words) so no answer is trivially
 * the same, and says which subgraph serves it alone (for the direct, gateway-less comparison).
 */

export interface Operation {
  name: string;
  description: string;
  query: string;
  /** Variables of the i-th request (the harness rotates i). */
  variables(i: number): Record<string, unknown>;
  /** The one subgraph that serves it when it touches one only (the federation-overhead comparison). */
  singleSubgraph?: string;
  /** Sent with a bearer token (fields for officers); anonymous (the public portal) otherwise. */
  asOfficer?: boolean;
  /** Share of the mix. */
  weight: number;
  /** Measured with fewer connections (--heavy-connections): aggregates over whole tables (seconds at national scale), and the probe compared with them. */
  heavy?: boolean;
}

export interface Samples {
  /** District and sector codes that hold cooperatives. */
  filters: { districtCode: string; sectorCode: string }[];
  /** Cooperative ids to open profiles of (some with products, classes and loans). */
  cooperativeIds: string[];
  hasFund: boolean;
}

/** Search words as people type them on the portal: no diacritics, lower case. */
export const SEARCH_WORDS = ["hop tac xa nong nghiep", "thuy san", "nuoi tom", "dich vu", "u minh", "tan", "lua tom", "muoi", "van tai", "phat dat", "hung thinh", "rung"];

export const LIST_QUERY = `query PortalList($district: String!, $sector: String!, $asOf: Date) {
  cooperatives(filter: { districtCodes: [$district], sectorCodes: [$sector], statuses: [ACTIVE] }, first: 20) {
    totalCount
    edges { cursor node {
      id code name status
      district { code name }
      sector { code name }
      latestClassification { year rating }
      ocopProductCount(asOf: $asOf)
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The registry's part of the portal list, as the gateway's plan asks it (the key and __typename for trade's hop). */
export const LIST_REGISTRY_QUERY = `query PortalListRegistry($district: String!, $sector: String!) {
  cooperatives(filter: { districtCodes: [$district], sectorCodes: [$sector], statuses: [ACTIVE] }, first: 20) {
    totalCount
    edges { cursor node { __typename id code name status district { code name } sector { code name } latestClassification { year rating } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SEARCH_QUERY = `query Search($q: String!) {
  cooperatives(filter: { search: $q }, first: 20) {
    totalCount
    edges { node { id code name status foundedOn district { name } sector { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PROFILE_FIELDS = `
    id code name foreignName abbreviation status statusSince foundedOn governingLaw businessLines charterCapital
    legalRepresentative isNewModel isAllianceMember allianceJoinedOn memberCount
    sector { code name } district { code name } commune { code name }
    address { street }
    classifications { year rating score }
    latestClassification { year rating }
    unionMembership { joinedOn }
    history(first: 5) { totalCount edges { node { kind effectiveOn } } }
    products(first: 10) { totalCount edges { node { id name productGroup ocopStars } } }
    ocopProductCount
    participations(first: 5) { totalCount edges { node { id supportAmount salesRevenue } } }
    trainingClasses(first: 5) { totalCount edges { node { id title startDate } } }`;

const FUND_PROFILE_FIELDS = `
    fundSummary { loanCount activeLoanCount outstandingPrincipal overdueAmount worstDebtGroup }
    loans(first: 5) { totalCount edges { node { id } } }`;

const REPORT_REGISTRY_FIELDS = `
    cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount
    newCooperativeCount newAllianceMemberCount dissolvedCooperativeCount newModelCooperativeCount
    bySector { sectorCode cooperativeCount goodOrFairCount }
    byDistrict { districtCode cooperativeCount goodOrFairCount }
    byRating { goodOrFairCount byRating { rating cooperativeCount } }`;

const REPORT_OTHER_FIELDS = `
    stateManagementClassCount outreachClassCount
    publishedFigures { figure publishedValue derivedValue difference status }
    tradePromotionProgramCount tradePromotionSupportedCooperativeCount(province: "Hà Nội") ocopProductCount`;

const REPORT_FUND_FIELDS = `
    fundedProjectCount fundDisbursedAmount fundOutstandingPrincipal`;

const PORTFOLIO_QUERY = `query Portfolio($asOf: Date!) {
  fundPortfolio(asOf: $asOf) {
    asOf loansOutstanding principalOutstanding disbursedToDate principalRepaidToDate writtenOffToDate
    overdueLoanCount par30Principal par30Ratio
    byDebtGroup { debtGroup loanCount principalOutstanding }
    bySector { sectorCode loanCount principalOutstanding }
    byDistrict { districtCode loanCount principalOutstanding }
  }
}`;

/** Report periods: the article's half-year first, then other half-years of the dataset. */
const PERIODS: ReadonlyArray<readonly [string, string]> = [
  ["2021-01-01", "2021-06-30"], ["2021-07-01", "2021-12-31"], ["2022-01-01", "2022-06-30"], ["2020-07-01", "2020-12-31"],
  ["2023-01-01", "2023-06-30"], ["2019-07-01", "2019-12-31"], ["2024-01-01", "2024-06-30"], ["2022-07-01", "2022-12-31"],
];
const AS_OF = ["2021-06-30", "2022-12-31", "2023-06-30", "2024-12-31", "2020-12-31", "2025-06-30"];

export function operations(samples: Samples): Operation[] {
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
  const ops: Operation[] = [
    {
      name: "list",
      description: "portal list: page of 20 filtered by district, sector and status, with district, sector, latest rating (registry) and OCOP product count (trade)",
      query: LIST_QUERY,
      variables: (i) => ({ district: pick(samples.filters, i).districtCode, sector: pick(samples.filters, i).sectorCode, asOf: pick(AS_OF, i) }),
      weight: 40,
    },
    {
      name: "list-registry",
      description: "the registry's part of the portal list alone (single subgraph): the registry's CPU per list, and the gateway's fixed cost on a short answer",
      query: LIST_REGISTRY_QUERY,
      variables: (i) => ({ district: pick(samples.filters, i).districtCode, sector: pick(samples.filters, i).sectorCode }),
      singleSubgraph: "registry",
      weight: 0,
    },
    {
      name: "search",
      description: "diacritic-insensitive search, page of 20 (registry only)",
      query: SEARCH_QUERY,
      variables: (i) => ({ q: pick(SEARCH_WORDS, i) }),
      singleSubgraph: "registry",
      weight: 20,
    },
    {
      name: "profile",
      description: `cooperative profile across every subgraph (registry, trade, outreach${samples.hasFund ? ", fund" : ""}), as an officer`,
      query: `query Profile($id: ID!) { cooperative(id: $id) { ${PROFILE_FIELDS}${samples.hasFund ? FUND_PROFILE_FIELDS : ""} } }`,
      variables: (i) => ({ id: pick(samples.cooperativeIds, i) }),
      asOfficer: true,
      weight: 20,
    },
    {
      name: "report",
      description: "semi-annual report, every figure of every subgraph",
      query: `query Report($from: Date!, $to: Date!) { collectiveEconomyReport(from: $from, to: $to) { from to ${REPORT_REGISTRY_FIELDS}${REPORT_OTHER_FIELDS}${samples.hasFund ? REPORT_FUND_FIELDS : ""} } }`,
      variables: (i) => ({ from: pick(PERIODS, i)[0], to: pick(PERIODS, i)[1] }),
      weight: 10,
      heavy: true,
    },
    {
      name: "report-registry",
      description: "the registry's part of the report alone (SQL aggregates; single subgraph)",
      query: `query RegistryReport($from: Date!, $to: Date!) { collectiveEconomyReport(from: $from, to: $to) { from to ${REPORT_REGISTRY_FIELDS} } }`,
      variables: (i) => ({ from: pick(PERIODS, i)[0], to: pick(PERIODS, i)[1] }),
      singleSubgraph: "registry",
      weight: 0,
      heavy: true,
    },
    {
      name: "reference",
      description: "reference data of the filters (sectors, administrative units as of a date): a short single-subgraph answer (a few ms directly), so the gateway's fixed per-request cost shows, as it will for report-registry once its SQL is fast",
      query: `query Reference($asOf: Date) { sectors { code name } administrativeUnits(asOf: $asOf) { code name level } }`,
      variables: (i) => ({ asOf: pick(AS_OF, i) }),
      singleSubgraph: "registry",
      weight: 0,
      heavy: true,
    },
  ];
  if (samples.hasFund) {
    ops.push({
      name: "portfolio",
      description: "the fund's portfolio as of a date (fund only)",
      query: PORTFOLIO_QUERY,
      variables: (i) => ({ asOf: pick(AS_OF, i) }),
      singleSubgraph: "fund",
      weight: 10,
      heavy: true,
    });
  }
  return ops;
}

/** A small deterministic generator for the mix's order (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
