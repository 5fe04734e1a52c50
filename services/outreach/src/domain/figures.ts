import { registerEnumType } from "type-graphql";

/**
 * The figures of the collective-economy report that can be recorded as published, in the order
 * of the provincial article on the first half of 2021 that the demo data reproduces. Each value names one field of `CollectiveEconomyReport` in the
 * supergraph (its `field`).
 */
export enum ReportFigure {
  COOPERATIVE_COUNT = "COOPERATIVE_COUNT",
  COOPERATIVE_GROUP_COUNT = "COOPERATIVE_GROUP_COUNT",
  MEMBER_COUNT = "MEMBER_COUNT",
  UNION_COUNT = "UNION_COUNT",
  UNION_MEMBER_COOPERATIVE_COUNT = "UNION_MEMBER_COOPERATIVE_COUNT",
  NEW_COOPERATIVE_COUNT = "NEW_COOPERATIVE_COUNT",
  STATE_MANAGEMENT_CLASS_COUNT = "STATE_MANAGEMENT_CLASS_COUNT",
  OUTREACH_CLASS_COUNT = "OUTREACH_CLASS_COUNT",
  NEW_ALLIANCE_MEMBER_COUNT = "NEW_ALLIANCE_MEMBER_COUNT",
  TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT = "TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT",
  FUNDED_PROJECT_COUNT = "FUNDED_PROJECT_COUNT",
}

/**
 * How this subgraph obtains the derived value of a figure:
 * - LOCAL: computed here (the outreach subgraph owns it);
 * - REQUIRED: read from the subgraph that owns it through `@requires` (the gateway fetches it
 *   first and hands it over in the entity representation);
 * - BESIDE: not obtainable here; the client reads `derivedField` in the same query. Used for a
 *   figure whose field takes arguments: the gateway (2.14) mixes up a `@requires` selection of
 *   such a field with a client selection of the same field under other arguments, so a
 *   comparison through `@requires` could silently show a wrong derived value.
 */
export type Derivation = "LOCAL" | "REQUIRED" | "BESIDE";

export interface FigureDefinition {
  /** Field of CollectiveEconomyReport holding the derived value. */
  field: string;
  /** Subgraph owning that field (name in the catalog, shared/src/catalog.ts). */
  owner: string;
  derivation: Derivation;
  /** Whether a published value may name a province it is about (the trade-promotion program's). */
  provinceScoped: boolean;
  description: string;
}

export const FIGURES: Record<ReportFigure, FigureDefinition> = {
  COOPERATIVE_COUNT: { field: "cooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Cooperatives in operation at the end of the period (số HTX)." },
  COOPERATIVE_GROUP_COUNT: { field: "cooperativeGroupCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Cooperative groups at the end of the period (số tổ hợp tác)." },
  MEMBER_COUNT: { field: "memberCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Members of cooperatives and groups at the end of the period (số thành viên)." },
  UNION_COUNT: { field: "unionCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Unions of cooperatives at the end of the period (số liên hiệp HTX)." },
  UNION_MEMBER_COOPERATIVE_COUNT: { field: "unionMemberCooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Member cooperatives of the unions (HTX thành viên của liên hiệp)." },
  NEW_COOPERATIVE_COUNT: { field: "newCooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "Cooperatives founded within the period (HTX thành lập mới)." },
  STATE_MANAGEMENT_CLASS_COUNT: { field: "stateManagementClassCount", owner: "outreach", derivation: "LOCAL", provinceScoped: false, description: "State-management classes for commune officials held within the period (lớp bồi dưỡng QLNN về KTTT)." },
  OUTREACH_CLASS_COUNT: { field: "outreachClassCount", owner: "outreach", derivation: "LOCAL", provinceScoped: false, description: "Outreach and vocational classes held within the period (lớp tuyên truyền, truyền nghề)." },
  NEW_ALLIANCE_MEMBER_COUNT: { field: "newAllianceMemberCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, description: "New members admitted to the provincial Cooperative Alliance within the period (kết nạp thành viên mới)." },
  TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT: {
    field: "tradePromotionSupportedCooperativeCount",
    owner: "trade",
    derivation: "BESIDE",
    provinceScoped: true,
    description: "Cooperatives supported to take part in trade promotion within the period, optionally in one province (HTX được hỗ trợ xúc tiến thương mại).",
  },
  FUNDED_PROJECT_COUNT: { field: "fundedProjectCount", owner: "fund", derivation: "REQUIRED", provinceScoped: false, description: "Projects given capital by the Cooperative Development Support Fund within the period (dự án được Quỹ hỗ trợ vốn)." },
};

registerEnumType(ReportFigure, {
  name: "ReportFigure",
  description: "A figure of the collective-economy report (chỉ tiêu báo cáo); each names a field of CollectiveEconomyReport.",
  valuesConfig: Object.fromEntries(Object.entries(FIGURES).map(([name, f]) => [name, { description: `${f.description} Field \`${f.field}\`.` }])),
});

/**
 * Figures read through `@requires`: those marked REQUIRED whose owning subgraph is registered
 * in the catalog. An @external field that no registered subgraph defines would make composition
 * fail, so a figure of a subgraph not (yet) in the supergraph is simply not derived.
 */
export function requiredFigures(registeredSubgraphs: readonly string[]): ReportFigure[] {
  return (Object.keys(FIGURES) as ReportFigure[]).filter((f) => FIGURES[f].derivation === "REQUIRED" && registeredSubgraphs.includes(FIGURES[f].owner));
}

/** Whether two figures of a report can be compared: the derived value exists. */
export type ComparisonStatus = "MATCHES" | "DIFFERS" | "NOT_DERIVED";

export interface Comparison {
  derivedValue: number | null;
  difference: number | null;
  status: ComparisonStatus;
}

/** Published beside derived: difference is derived − published (positive: the records hold more). */
export function compare(publishedValue: number, derivedValue: number | null | undefined): Comparison {
  if (derivedValue === null || derivedValue === undefined || !Number.isFinite(derivedValue)) {
    return { derivedValue: null, difference: null, status: "NOT_DERIVED" };
  }
  const difference = derivedValue - publishedValue;
  return { derivedValue, difference, status: difference === 0 ? "MATCHES" : "DIFFERS" };
}

/** The report field (with its arguments) where a client reads the derived value of a published figure. */
export function derivedFieldOf(figure: ReportFigure, province: string | null): string {
  const f = FIGURES[figure];
  if (f.provinceScoped && province) return `${f.field}(province: ${JSON.stringify(province)})`;
  return f.field;
}
