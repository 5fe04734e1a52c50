import { DateScalar } from "@camau/shared";
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { OrderDirection } from "@camau/shared";
import { TrainingClassKind, TrainingClassOrderField, TrainingClassStatus } from "../domain/enums";

@InputType({ description: "Filters of the class list; all given conditions must hold." })
export class TrainingClassFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the title; case- and diacritic-insensitive, punctuation separates words, legal forms match their abbreviations (HTX = hợp tác xã), near spellings match. Results come by relevance unless `orderBy` says otherwise." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Classes starting on or after this day (period start, inclusive)." })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Classes starting on or before this day (period end, inclusive). With `from`, the classes the report counts for that period (plus cancelled ones unless `statuses` excludes them)." })
  @IsOptional()
  to?: string | null;

  @Field(() => [TrainingClassKind], { nullable: true, description: "Kinds of class." })
  @IsOptional()
  @ArrayMaxSize(3)
  kinds?: TrainingClassKind[] | null;

  @Field(() => [String], { nullable: true, description: "District codes (pre-2025 tree), e.g. ['966']." })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^\d{3}$/, { each: true, message: "each district code is 3 digits" })
  districtCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Commune codes. A new commune-level unit (since 2025-07-01) also finds the classes held in each old commune that became (part of) it (a split commune under each of its successors)." })
  @IsOptional()
  @ArrayMaxSize(200)
  @Matches(/^\d{5}$/, { each: true, message: "each commune code is 5 digits" })
  communeCodes?: string[] | null;

  @Field(() => [TrainingClassStatus], { nullable: true, description: "Statuses; all by default (CANCELLED included)." })
  @IsOptional()
  @ArrayMaxSize(3)
  statuses?: TrainingClassStatus[] | null;
}

@InputType({ description: "One sort key of the class list." })
export class TrainingClassOrder {
  @Field(() => TrainingClassOrderField, { description: "Field to sort by." })
  field: TrainingClassOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
