import { envBool, envInt } from "@camau/shared";

/**
 * HTTP caching of public data: which fields of the API schema are public, and for how
 * long a shared cache (a CDN in front of the open-data portal) may keep an answer made only of them.
 * The gateway's cache-control plugin (cacheControlPlugin.ts) reads this table; anything not listed
 * here is not public, so a field added to the schema is uncacheable until someone lists it.
 *
 * Each entry maps a schema coordinate, `Type.field` or `Type.*` (every field of the type), to a tier:
 *
 * | tier | max-age (env, default) | for |
 * |---|---|---|
 * | `reference` | CACHE_MAX_AGE_REFERENCE, 3600 s | administrative units, sectors: change with reforms only |
 * | `report` | CACHE_MAX_AGE_REPORT, 300 s | the semi-annual report, published figures, the fund's portfolio |
 * | `public` | CACHE_MAX_AGE_PUBLIC, 60 s | lists and profiles the registry, trade and outreach change daily |
 * | `inherit` | none of its own | values inside any public answer (page info) |
 * | `restricted` | not cacheable | a field of a wildcarded type that needs a role or holds personal data |
 *
 * An answer's max-age is the smallest over its fields. `HTTP_CACHE=false` turns public caching off
 * (every GraphQL response is then `no-store`).
 *
 * How the restricted fields were found: every read in services/*\/src/resolvers that consults the
 * viewer (the access.ts rules of each subgraph: assertCanListMembersOf, assertCanReadLoansOf,
 * listScope, assertCanReadResults, canReadPersonalData, the audit logs' ADMIN check). Those fields
 * are either left out of this table or listed as `restricted` under a wildcard.
 */
export type CacheTier = "reference" | "report" | "public" | "inherit" | "restricted";

export const CACHE_POLICY: Readonly<Record<string, CacheTier>> = {
  // --- the semi-annual report (registry, outreach, trade, fund; no viewer-dependent reads) ---
  "Query.collectiveEconomyReport": "report",
  "CollectiveEconomyReport.*": "report",
  "DistrictCount.*": "report",
  "SectorCount.*": "report",
  "RatingBreakdown.*": "report",
  "RatingCount.*": "report",
  "PublishedFigureComparison.*": "report",
  // published figures (outreach: "Reading is public"; writes are OFFICER/ADMIN)
  "Query.publishedFigures": "report",
  "Query.publishedFigure": "report",
  "PublishedFigureConnection.*": "report",
  "PublishedFigureEdge.*": "report",
  "PublishedFigure.*": "report",
  // the fund's portfolio: aggregate figures, no individual loans (fund PortfolioResolver: public)
  "Query.fundPortfolio": "report",
  "FundPortfolio.*": "report",
  "DebtGroupSlice.*": "report",
  "SectorSlice.*": "report",
  "DistrictSlice.*": "report",

  // --- reference data for filters (registry ReferenceDataResolver: no checks) ---
  "Query.administrativeUnits": "reference",
  "AdministrativeUnit.*": "reference",
  "Query.sectors": "reference",
  "Sector.*": "reference",
  "Query.vsicSectorMappings": "reference",
  "VsicSectorMapping.*": "reference",
  // labels of enum values (every subgraph, from the tables beside its enums; no checks)
  "Query.enumLabels": "reference",
  "EnumLabels.*": "reference",
  "EnumValueLabel.*": "reference",

  // --- cooperatives (registry, extended by trade, outreach and fund) ---
  "Query.cooperatives": "public",
  "Query.cooperative": "public",
  "Query.cooperativeByCode": "public",
  "CooperativeConnection.*": "public",
  "CooperativeEdge.*": "public",
  "Cooperative.*": "public",
  // registry: officers, fund staff and the cooperative's own manager (assertCanListMembersOf);
  // members are natural persons (names, capital; national ID, birth date, phone for officers).
  "Cooperative.members": "restricted",
  // fund: fund staff, officers and the borrower's own manager (assertCanReadLoansOf).
  "Cooperative.loans": "restricted",
  "Cooperative.loanApplications": "restricted",
  "Cooperative.fundSummary": "restricted",
  "Address.*": "public",
  "Classification.*": "public",
  // history: what happened and when is public; who recorded it (a staff login and role) and the
  // free-form before/after details (member ids, changed names) are not offered to shared caches.
  "CooperativeEventConnection.*": "public",
  "CooperativeEventEdge.*": "public",
  "CooperativeEvent.id": "public",
  "CooperativeEvent.kind": "public",
  "CooperativeEvent.effectiveOn": "public",
  "CooperativeEvent.recordedAt": "public",
  "CooperativeEvent.statusAfter": "public",
  // groups and unions (registry)
  "Query.cooperativeGroups": "public",
  "Query.cooperativeGroup": "public",
  "CooperativeGroupConnection.*": "public",
  "CooperativeGroupEdge.*": "public",
  "CooperativeGroup.*": "public",
  "CooperativeGroup.members": "restricted", // assertCanListMembersOf(viewer, null): officers and fund staff
  "Query.cooperativeUnions": "public",
  "Query.cooperativeUnion": "public",
  "CooperativeUnionConnection.*": "public",
  "CooperativeUnionEdge.*": "public",
  "CooperativeUnion.*": "public",
  "UnionMembership.*": "public",

  // --- products and OCOP (trade: "public") ---
  "Query.products": "public",
  "Query.product": "public",
  "ProductConnection.*": "public",
  "ProductEdge.*": "public",
  "Product.*": "public",
  "ProductBrand.*": "public",
  "OcopCertification.*": "public",

  // --- trade promotion programs (trade: "public") ---
  "Query.tradePromotionPrograms": "public",
  "Query.tradePromotionProgram": "public",
  "TradePromotionProgramConnection.*": "public",
  "TradePromotionProgramEdge.*": "public",
  "TradePromotionProgram.*": "public",
  "SupportPolicy.*": "public",
  "Query.participation": "public",
  "ParticipationConnection.*": "public",
  "ParticipationEdge.*": "public",
  "Participation.*": "public",
  // trade: officers, fund staff and the cooperative's own manager (assertCanReadResults).
  "Participation.salesRevenue": "restricted",
  "Participation.agreements": "restricted",

  // --- training classes (outreach: reading is public) ---
  "Query.trainingClasses": "public",
  "Query.trainingClass": "public",
  "TrainingClassConnection.*": "public",
  "TrainingClassEdge.*": "public",
  "TrainingClass.*": "public",

  // --- the fund's public configuration (ProductResolver: "Public"; changed by CONFIGURERS) ---
  "Query.loanProducts": "public",
  "Query.loanProduct": "public",
  "LoanProduct.*": "public",
  "Query.debtGroupThresholds": "public",
  "DebtGroupThreshold.*": "public",

  // --- values inside any public answer ---
  "PageInfo.*": "inherit",
};

// Never public, whatever is added above: Member, Loan*, Repayment*, Disbursement, AuditEntry*,
// TradeAgreement, FundSummary, every Mutation field, and Query.loan*, Query.loans,
// Query.loanApplication(s), Query.registryAuditLog, Query.outreachAuditLog (not listed, so not public).

/** Seconds per tier; a tier at 0 makes answers touching it uncacheable. */
export interface CacheMaxAges {
  reference: number;
  report: number;
  public: number;
}

export const DEFAULT_CACHE_MAX_AGES: Readonly<CacheMaxAges> = { reference: 3600, report: 300, public: 60 };

export interface CacheSettings {
  /** HTTP_CACHE (default true): false makes every GraphQL response `no-store`. */
  enabled: boolean;
  maxAges: CacheMaxAges;
  policy: Readonly<Record<string, CacheTier>>;
}

function nonNegative(name: string, fallback: number): number {
  const value = envInt(name, fallback);
  if (value < 0) throw new Error(`${name} must be 0 or more seconds`);
  return value;
}

/** The settings from the environment (see the table above), overridable per call (tests). */
export function cacheSettings(overrides: Partial<CacheSettings> = {}): CacheSettings {
  return {
    enabled: overrides.enabled ?? envBool("HTTP_CACHE", true),
    maxAges: overrides.maxAges ?? {
      reference: nonNegative("CACHE_MAX_AGE_REFERENCE", DEFAULT_CACHE_MAX_AGES.reference),
      report: nonNegative("CACHE_MAX_AGE_REPORT", DEFAULT_CACHE_MAX_AGES.report),
      public: nonNegative("CACHE_MAX_AGE_PUBLIC", DEFAULT_CACHE_MAX_AGES.public),
    },
    policy: overrides.policy ?? CACHE_POLICY,
  };
}
