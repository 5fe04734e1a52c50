import { CacheHint, labelledDescription, registerLabelledEnum, reportEntityType, ReportKey, SUBGRAPHS } from "@camau/shared";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { FIGURES, ReportFigure, requiredFigures } from "../domain/figures";
import { PublishedFigure } from "../entities/PublishedFigure";

export enum ComparisonStatus {
  MATCHES = "MATCHES",
  DIFFERS = "DIFFERS",
  NOT_DERIVED = "NOT_DERIVED",
}
registerLabelledEnum(ComparisonStatus, {
  name: "ComparisonStatus",
  description: "How a published figure compares with the figure derived from the records.",
  labels: {
    MATCHES: { en: "Matches", vi: "Khớp", detail: "the derived value equals the published one" },
    DIFFERS: { en: "Differs", vi: "Chênh lệch", detail: "the derived value differs from the published one" },
    NOT_DERIVED: { en: "Not derived here", vi: "Không tính tại trường này", detail: "the derived value is not available in this field: read `derivedField` of the report in the same query" },
  },
});

@Directive(CacheHint.report)
@ObjectType({ description: "A published figure beside the figure derived from the records (so sánh số liệu công bố với số liệu hệ thống)." })
export class PublishedFigureComparison {
  @Field(() => PublishedFigure, { description: "The published figure as recorded: report, publisher, period, value." })
  publishedFigure: PublishedFigure;

  @Field(() => ReportFigure, { description: "Which figure." })
  figure: ReportFigure;

  @Field({ description: "The field of CollectiveEconomyReport, with its arguments, holding the derived value, e.g. `cooperativeCount` or `tradePromotionSupportedCooperativeCount(province: \"Hà Nội\")`." })
  derivedField: string;

  @Field(() => Int, { description: "The value as published." })
  publishedValue: number;

  @Field(() => Int, { nullable: true, description: "The value derived from the records for the same period; null when status is NOT_DERIVED." })
  derivedValue: number | null;

  @Field(() => Int, { nullable: true, description: "derivedValue − publishedValue: positive when the records hold more than was published; null when not derived." })
  difference: number | null;

  @Field(() => ComparisonStatus, { description: "Whether the two agree." })
  status: ComparisonStatus;
}

/** Figures this subgraph reads from the other subgraphs through @requires (see domain/figures.ts). */
export const REQUIRED_FIGURES: readonly ReportFigure[] = requiredFigures(SUBGRAPHS.map((s) => s.name));

/** The @requires selection of `publishedFigures`: every required figure, none with arguments. */
export const REQUIRES_SELECTION = REQUIRED_FIGURES.map((f) => FIGURES[f].field).join(" ");

/**
 * The report entity, owned by the registry and keyed by its period and territory. This subgraph adds the
 * class counts and the comparison of published figures; the figures owned elsewhere are
 * declared @external (added below) so that `publishedFigures` can @require them.
 */
export const CollectiveEconomyReport = reportEntityType();
/** Values of the required figures, filled in by the gateway in the entity representation. */
export type CollectiveEconomyReport = ReportKey & { [field: string]: unknown };

// External declarations of the required figures. Their types must equal the owners' exactly
// (composition rejects `Int` against `Int!`); every report figure is `Int!`.
for (const figure of REQUIRED_FIGURES) {
  const { field, owner, label } = FIGURES[figure];
  Directive("@external")(CollectiveEconomyReport.prototype, field);
  Field(() => Int, { description: `${labelledDescription(label)} Owned by the ${owner} subgraph.` })(CollectiveEconomyReport.prototype, field);
}
