import { DateScalar } from "@camau/shared";
import { Directive, Field, ObjectType } from "type-graphql";

/**
 * The registry's period report, keyed by its period: the fund adds its figures to the same object
 * (ReportResolver). `from` and `to` are the key, declared exactly as in the registry.
 */
@Directive('@key(fields: "from to")')
@ObjectType({
  description:
    "Report on the collective economy for a period (báo cáo kinh tế tập thể); every figure is derived from the records. Stock figures are as of `to`, flow figures count what happened within the period.",
})
export class CollectiveEconomyReport {
  @Field(() => DateScalar, { description: "First day of the period (inclusive)." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  to: string;
}
