import { DateScalar } from "@camau/shared";
import { Directive, Field, ObjectType } from "type-graphql";

/**
 * The registry's period report, keyed by its period: the fund adds its figures to the same object
 * (report/ReportResolver.ts). `from` and `to` are the key, declared exactly as in the registry.
 */
@Directive('@key(fields: "from to")')
@ObjectType("CollectiveEconomyReport", {
  description:
    "Report on the collective economy for a period (báo cáo kinh tế tập thể); every figure is derived from the records. Stock figures are as of `to`, flow figures count what happened within the period.",
})
export class FundReport {
  @Field(() => DateScalar, { description: "First day of the period (inclusive)." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  to: string;
}

/** Entity reference resolver: the report is its period; nothing to look up. */
export const reportReference = {
  CollectiveEconomyReport: {
    __resolveReference: (ref: { from: string; to: string }) => ({ from: ref.from, to: ref.to }),
  },
};
