import { DateScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LegalStatus, Rating } from "../domain/enums";

@InputType({ description: "Filters of the cooperative list; all given conditions must hold." })
export class CooperativeFilter {
  @Field(() => String, { nullable: true, description: "Words to find in name, foreign name, abbreviation or code; case- and diacritic-insensitive ('hop tac xa u minh' finds 'Hợp tác xã U Minh')." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "District codes (mã huyện) of the pre-2025 tree, e.g. ['966']: cooperatives registered under them (history; addresses recorded since 2025-07-01 have no district)." })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^\d{2,5}$/, { each: true, message: "each district code is 2–5 digits" })
  districtCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Commune codes (mã xã). A new commune-level unit (since 2025-07-01) also finds the cooperatives registered under each old commune that became (part of) it; an old commune split between new units is found under each of them. An old commune's code finds those registered under it." })
  @IsOptional()
  @ArrayMaxSize(200)
  @Matches(/^\d{2,5}$/, { each: true, message: "each commune code is 2–5 digits" })
  communeCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Sector codes, e.g. ['AGRICULTURE', 'FISHERIES']." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z_]{1,40}$/, { each: true, message: "each sector code is upper-case letters and underscores" })
  sectorCodes?: string[] | null;

  @Field(() => [LegalStatus], { nullable: true, description: "Legal statuses (current)." })
  @IsOptional()
  statuses?: LegalStatus[] | null;

  @Field(() => [Rating], { nullable: true, description: "Ratings of the latest classification." })
  @IsOptional()
  latestRatings?: Rating[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Founded on or after this date." })
  @IsOptional()
  foundedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Founded on or before this date." })
  @IsOptional()
  foundedTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only new-model cooperatives (true) or only the others (false)." })
  @IsOptional()
  isNewModel?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only members of the provincial Cooperative Alliance (true) or only non-members (false)." })
  @IsOptional()
  isAllianceMember?: boolean | null;
}

export enum CooperativeOrderField {
  NAME = "NAME",
  CODE = "CODE",
  FOUNDED_ON = "FOUNDED_ON",
  CHARTER_CAPITAL = "CHARTER_CAPITAL",
}
registerLabelledEnum(CooperativeOrderField, {
  name: "CooperativeOrderField",
  description: "Field to sort cooperatives by.",
  labels: {
    NAME: { en: "Name", vi: "Tên HTX", detail: "the registered name" },
    CODE: { en: "Code", vi: "Mã số HTX" },
    FOUNDED_ON: { en: "Founding date", vi: "Ngày thành lập" },
    CHARTER_CAPITAL: { en: "Charter capital", vi: "Vốn điều lệ" },
  },
});

@InputType({ description: "One sort key of the cooperative list." })
export class CooperativeOrder {
  @Field(() => CooperativeOrderField, { description: "Field to sort by." })
  field: CooperativeOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
