import { EnumValueLabel, registerLabelledEnum } from "@camau/shared";

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
  /** How clients show the figure; its description in the schema is made from it. */
  label: EnumValueLabel;
}

export const FIGURES: Record<ReportFigure, FigureDefinition> = {
  COOPERATIVE_COUNT: { field: "cooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "Cooperatives", vi: "Số HTX", detail: "in operation at the end of the period" } },
  COOPERATIVE_GROUP_COUNT: { field: "cooperativeGroupCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "Cooperative groups", vi: "Số tổ hợp tác", detail: "at the end of the period" } },
  MEMBER_COUNT: { field: "memberCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "Members", vi: "Số thành viên", detail: "of cooperatives and groups at the end of the period" } },
  UNION_COUNT: { field: "unionCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "Unions of cooperatives", vi: "Số liên hiệp HTX", detail: "at the end of the period" } },
  UNION_MEMBER_COOPERATIVE_COUNT: { field: "unionMemberCooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "Member cooperatives of unions", vi: "HTX thành viên của liên hiệp" } },
  NEW_COOPERATIVE_COUNT: { field: "newCooperativeCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "New cooperatives", vi: "HTX thành lập mới", detail: "founded within the period" } },
  STATE_MANAGEMENT_CLASS_COUNT: { field: "stateManagementClassCount", owner: "outreach", derivation: "LOCAL", provinceScoped: false, label: { en: "State-management classes", vi: "Lớp bồi dưỡng QLNN về KTTT", detail: "for commune officials, held within the period" } },
  OUTREACH_CLASS_COUNT: { field: "outreachClassCount", owner: "outreach", derivation: "LOCAL", provinceScoped: false, label: { en: "Outreach and vocational classes", vi: "Lớp tuyên truyền, truyền nghề", detail: "held within the period" } },
  NEW_ALLIANCE_MEMBER_COUNT: { field: "newAllianceMemberCount", owner: "registry", derivation: "REQUIRED", provinceScoped: false, label: { en: "New Alliance members", vi: "Kết nạp thành viên mới", detail: "admitted to the provincial Cooperative Alliance within the period" } },
  TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT: {
    field: "tradePromotionSupportedCooperativeCount",
    owner: "trade",
    derivation: "BESIDE",
    provinceScoped: true,
    label: { en: "Cooperatives supported in trade promotion", vi: "HTX được hỗ trợ xúc tiến thương mại", detail: "within the period, optionally in one province" },
  },
  FUNDED_PROJECT_COUNT: { field: "fundedProjectCount", owner: "fund", derivation: "REQUIRED", provinceScoped: false, label: { en: "Funded projects", vi: "Dự án được Quỹ hỗ trợ vốn", detail: "given capital by the Cooperative Development Support Fund within the period" } },
};

registerLabelledEnum(ReportFigure, {
  name: "ReportFigure",
  description: "A figure of the collective-economy report (chỉ tiêu báo cáo); each names a field of CollectiveEconomyReport.",
  labels: Object.fromEntries(
    Object.entries(FIGURES).map(([name, f]) => [name, { ...f.label, detail: [f.label.detail, `field \`${f.field}\``].filter(Boolean).join("; ") }]),
  ) as Record<ReportFigure, EnumValueLabel>,
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
