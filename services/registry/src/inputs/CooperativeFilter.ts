import { DateScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LegalStatus, Rating } from "../domain/enums";

@InputType({ description: "Filters of the cooperative list; all given conditions must hold." })
export class CooperativeFilter {
  @Field(() => String, { nullable: true, description: "Words to find in name, foreign name, abbreviation, code or location (commune and district, before and after the 2025 reform); case- and diacritic-insensitive, punctuation separates words, legal forms match their abbreviations (HTX = hợp tác xã), near spellings match ('htx nong nghep' finds 'Hợp tác xã Nông nghiệp …', 'huyen u minh' the cooperatives located there). Results come by relevance unless `orderBy` says otherwise." })
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
  RELEVANCE = "RELEVANCE",
}
registerLabelledEnum(CooperativeOrderField, {
  name: "CooperativeOrderField",
  description: "Field to sort cooperatives by.",
  labels: {
    NAME: { en: "Name", vi: "Tên HTX", detail: "the registered name, in Vietnamese alphabetical order (A Ă Â B C D Đ E Ê …), case-insensitive" },
    CODE: { en: "Code", vi: "Mã số HTX" },
    FOUNDED_ON: { en: "Founding date", vi: "Ngày thành lập" },
    CHARTER_CAPITAL: { en: "Charter capital", vi: "Vốn điều lệ" },
    RELEVANCE: { en: "Relevance", vi: "Mức độ phù hợp", detail: "how well the item matches `filter.search`: whole words first, then word prefixes, then words inside words, then near spellings; ties by name in Vietnamese order. Default when searching; needs `filter.search`" },
  },
});

@InputType({ description: "One sort key of the cooperative list." })
export class CooperativeOrder {
  @Field(() => CooperativeOrderField, { description: "Field to sort by." })
  field: CooperativeOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
