import { defaultTerritory, OncePerRequest, reportFromKey } from "@camau/shared";
import { Ctx, Directive, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { OutreachContext } from "../context";
import { compare, derivedFieldOf, FIGURES, ReportFigure } from "../domain/figures";
import { periodKey, reportKey } from "../loaders";
import { CollectiveEconomyReport, ComparisonStatus, PublishedFigureComparison, REQUIRED_FIGURES, REQUIRES_SELECTION } from "./CollectiveEconomyReport";

const FIGURE_ORDER = Object.keys(FIGURES) as ReportFigure[];

/**
 * The outreach subgraph's part of the period report. "Held within the period" means the class's
 * first day falls within [from, to] (both inclusive): each class counts in exactly one period of
 * a partition (months add up to the year) and a report never changes because a class
 * spanning the period's end finishes later. Cancelled classes never count.
 */
// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, {
    description:
      "Classes on state management of the collective economy for key commune officials whose first day falls within the period, cancelled classes excluded (số lớp bồi dưỡng nghiệp vụ quản lý nhà nước về KTTT).",
  })
  async stateManagementClassCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: OutreachContext): Promise<number> {
    return (await ctx.loaders.classCountsByPeriod.load(reportKey(r))).stateManagement;
  }

  @FieldResolver(() => Int, {
    description: "Outreach and vocational classes (OUTREACH plus VOCATIONAL) whose first day falls within the period, cancelled classes excluded (số lớp tuyên truyền, truyền nghề).",
  })
  async outreachClassCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: OutreachContext): Promise<number> {
    return (await ctx.loaders.classCountsByPeriod.load(reportKey(r))).outreach;
  }

  @Directive(`@requires(fields: "${REQUIRES_SELECTION}")`)
  @FieldResolver(() => [PublishedFigureComparison], {
    description:
      "Every figure recorded as published for exactly this period (for the province of the period: empty for another territory), beside the value derived from the records and the difference. Derived values of figures owned by other subgraphs reach this field through @requires; a figure whose field takes arguments (trade promotion by province) is NOT_DERIVED here: read its `derivedField` in the same query.",
  })
  async publishedFigures(@Root() r: CollectiveEconomyReport, @Ctx() ctx: OutreachContext): Promise<PublishedFigureComparison[]> {
    // Published figures are the province's, as it was in the period: none for another territory.
    if (r.territory !== defaultTerritory(r.to)) return [];
    const [published, counts] = await Promise.all([
      ctx.loaders.publishedFiguresByPeriod.load(periodKey(r.from, r.to)),
      ctx.loaders.classCountsByPeriod.load(reportKey(r)),
    ]);
    const local: Partial<Record<ReportFigure, number>> = {
      [ReportFigure.STATE_MANAGEMENT_CLASS_COUNT]: counts.stateManagement,
      [ReportFigure.OUTREACH_CLASS_COUNT]: counts.outreach,
    };
    const derivedOf = (figure: ReportFigure): number | null => {
      const definition = FIGURES[figure];
      if (definition.derivation === "LOCAL") return local[figure] ?? null;
      if (definition.derivation === "REQUIRED" && REQUIRED_FIGURES.includes(figure)) {
        const value = r[definition.field];
        return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
      }
      return null;
    };
    return [...published]
      .sort((a, b) => FIGURE_ORDER.indexOf(a.figure) - FIGURE_ORDER.indexOf(b.figure))
      .map((p) => {
        const comparison = compare(p.value, derivedOf(p.figure));
        return {
          publishedFigure: p,
          figure: p.figure,
          derivedField: derivedFieldOf(p.figure, p.province),
          publishedValue: p.value,
          derivedValue: comparison.derivedValue,
          difference: comparison.difference,
          status: ComparisonStatus[comparison.status],
        };
      });
  }
}

/**
 * Entity reference resolver. Keeps the period and the values of the required figures the gateway
 * put in the representation (they are what `publishedFigures` compares against).
 */
export const reportReference = {
  CollectiveEconomyReport: {
    __resolveReference: (ref: Record<string, unknown> & { from: string; to: string }) => {
      // Representations skip scalar and enum parsing: a malformed key must not reach SQL.
      const report: CollectiveEconomyReport | null = reportFromKey(ref);
      if (!report) return null;
      for (const figure of REQUIRED_FIGURES) {
        const field = FIGURES[figure].field;
        if (field in ref) report[field] = ref[field];
      }
      return report;
    },
  },
};
