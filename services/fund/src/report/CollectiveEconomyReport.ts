import { DateScalar, isCalendarDate, isTerritory, Territory } from "@camau/shared";
import { Directive, Field, ObjectType } from "type-graphql";

/**
 * The registry's period report, keyed by its period and territory: the fund adds its figures to
 * the same object (report/ReportResolver.ts). The key is declared exactly as in the registry.
 */
@Directive('@key(fields: "from to territory")')
@ObjectType("CollectiveEconomyReport", {
  description:
    "Report on the collective economy for a period (báo cáo kinh tế tập thể); every figure is derived from the records. Stock figures are as of `to`, flow figures count what happened within the period.",
})
export class CollectiveEconomyReport {
  @Field(() => DateScalar, { description: "First day of the period (inclusive)." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  to: string;

  @Field(() => Territory, { description: "The territory every figure covers: by default the province as it was at the end of the period (OLD_CA_MAU before 2025-07-01, CA_MAU from then on)." })
  territory: Territory;
}
