import { ClassType, Directive, Field, ObjectType } from "type-graphql";
import { Territory } from "../reference/areas";
import { reportFromKey, ReportKey } from "./reportPeriod";
import { DateScalar } from "./scalars";

/** How one subgraph declares the report beside the common key. */
export interface ReportEntityOptions {
  /** Interfaces the owner's type implements (the registry's report is a Node). */
  implements?: Function[];
  /** Further directives on the type, e.g. the owner's cache hint. */
  directives?: string[];
}

/**
 * The period report `CollectiveEconomyReport`, keyed by its period and territory, as every subgraph
 * declares it: the registry owns it, fund, trade and outreach add their figures to the same object
 * with a `@Resolver(() => CollectiveEconomyReport)` class. A class of its own per subgraph, because
 * type-graphql attaches field resolvers to the class (see registryCooperativeType). The key and
 * the description are the same word for word in every subgraph, so composition reports no
 * inconsistency.
 */
export function reportEntityType(options: ReportEntityOptions = {}): ClassType<ReportKey> {
  @ObjectType("CollectiveEconomyReport", {
    description:
      "Report on the collective economy for a period (báo cáo kinh tế tập thể); every figure is derived from the records. Stock figures are as of `to`, flow figures count what happened within the period.",
    implements: options.implements,
  })
  class CollectiveEconomyReport implements ReportKey {
    @Field(() => DateScalar, { description: "First day of the period (inclusive)." })
    from: string;

    @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
    to: string;

    @Field(() => Territory, { description: "The territory every figure covers: by default the province as it was at the end of the period (OLD_CA_MAU before 2025-07-01, CA_MAU from then on)." })
    territory: Territory;
  }
  for (const directive of [...(options.directives ?? []), '@key(fields: "from to territory")']) Directive(directive)(CollectiveEconomyReport);
  return CollectiveEconomyReport;
}

/**
 * Entity reference resolver of the report: the report is its key, nothing to look up. Representations
 * skip scalar and enum parsing, so a malformed key resolves to null before it can reach SQL.
 */
export const reportReference = {
  CollectiveEconomyReport: {
    __resolveReference: (ref: { from?: unknown; to?: unknown; territory?: unknown }) => reportFromKey(ref),
  },
};
