import { CacheHint, Node, reportEntityType, ReportKey } from "@camau/shared";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { AdministrativeLevel, Rating } from "../domain/enums";

/**
 * The semi-annual (or any period's) report. An entity keyed by its period and territory, so the
 * fund, trade-promotion and outreach subgraphs add their own figures to the same object.
 */
export const CollectiveEconomyReport = reportEntityType({ implements: [Node], directives: [CacheHint.report] });
export type CollectiveEconomyReport = ReportKey;

@Directive(CacheHint.report)
@ObjectType({ description: "A count of cooperatives for one administrative unit of the period: a district-level unit for periods ending before 2025-07-01, a new commune-level unit from then on." })
export class AreaCount {
  @Field({ description: "Official code of the unit (code system of the period)." })
  unitCode: string;

  @Field({ description: "Name of the unit." })
  unitName: string;

  @Field(() => AdministrativeLevel, { description: "DISTRICT before the reform, COMMUNE after." })
  level: AdministrativeLevel;

  @Field(() => Int, { description: "Cooperatives ACTIVE at the end of the period in this unit." })
  cooperativeCount: number;

  @Field(() => Int, { description: "Of those, how many whose latest rating is GOOD or FAIR (khá, mạnh)." })
  goodOrFairCount: number;
}

@Directive(CacheHint.report)
@ObjectType({ description: "A count of cooperatives for one sector." })
export class SectorCount {
  @Field({ description: "Sector code." })
  sectorCode: string;

  @Field({ description: "Sector name (Vietnamese)." })
  sectorName: string;

  @Field(() => Int, { description: "Cooperatives ACTIVE at the end of the period in this sector." })
  cooperativeCount: number;

  @Field(() => Int, { description: "Of those, how many whose latest rating is GOOD or FAIR (khá, mạnh)." })
  goodOrFairCount: number;
}

@Directive(CacheHint.report)
@ObjectType({ description: "A count of cooperatives for one district." })
export class DistrictCount {
  @Field({ description: "District code (pre-2025 tree)." })
  districtCode: string;

  @Field(() => String, { nullable: true, description: "District name." })
  districtName: string | null;

  @Field(() => Int, { description: "Cooperatives ACTIVE at the end of the period in this district." })
  cooperativeCount: number;

  @Field(() => Int, { description: "Of those, how many whose latest rating is GOOD or FAIR (khá, mạnh)." })
  goodOrFairCount: number;
}

@Directive(CacheHint.report)
@ObjectType({ description: "A count of cooperatives for one rating of their latest classification." })
export class RatingCount {
  @Field(() => Rating, { nullable: true, description: "The rating; null for cooperatives not yet rated." })
  rating: Rating | null;

  @Field(() => Int, { description: "Cooperatives ACTIVE at the end of the period with this latest rating." })
  cooperativeCount: number;
}

@Directive(CacheHint.report)
@ObjectType({ description: "Cooperatives by the rating of their latest classification approved by the end of the period." })
export class RatingBreakdown {
  @Field(() => [RatingCount], { description: "One row per rating (and one for not rated)." })
  byRating: RatingCount[];

  @Field(() => Int, { description: "Cooperatives rated GOOD or FAIR (khá, mạnh), the article's measure." })
  goodOrFairCount: number;
}
