import { DateScalar, MoneyScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { GoverningLaw, GroupStatus } from "../domain/enums";
import { AddressInput } from "./AddressInput";
import { MemberInput } from "./MemberInput";
import { registrationInput } from "./RegistrationInput";

@InputType({ description: "Registration of a cooperative group with the members of its cooperation contract (at least 2)." })
export class RegisterCooperativeGroupInput {
  @Field({ description: "Name of the group." })
  @Length(3, 255)
  name: string;

  @Field({ description: "Code of the commune whose People's Committee certified the contract." })
  @Matches(/^\d{2,5}$/, { message: "communeCode must be 2–5 digits" })
  communeCode: string;

  @Field({ description: "Sector code." })
  @Matches(/^[A-Z_]{1,40}$/, { message: "sectorCode is upper-case letters and underscores" })
  sectorCode: string;

  @Field(() => DateScalar, { description: "Date the cooperation contract was signed." })
  foundedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Date the commune certified it." })
  @IsOptional()
  certifiedOn?: string | null;

  @Field(() => [MemberInput], { description: "Members of the cooperation contract (at least 2)." })
  @ArrayMinSize(2)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  members: MemberInput[];
}

@InputType({ description: "Filters of the cooperative-group list." })
export class CooperativeGroupFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the name or location (commune and district, before and after the 2025 reform); case- and diacritic-insensitive, punctuation separates words, legal forms match their abbreviations (THT = tổ hợp tác), near spellings match. Results come by relevance unless `orderBy` says otherwise." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "District codes (mã huyện) of the pre-2025 tree: groups registered under them (history; groups registered since 2025-07-01 have no district)." })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^\d{2,5}$/, { each: true, message: "each district code is 2–5 digits" })
  districtCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Commune codes (mã xã). A new commune-level unit (since 2025-07-01) also finds the groups registered under each old commune that became (part of) it; an old commune split between new units is found under each of them. An old commune's code finds those registered under it." })
  @IsOptional()
  @ArrayMaxSize(200)
  @Matches(/^\d{2,5}$/, { each: true, message: "each commune code is 2–5 digits" })
  communeCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Sector codes." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z_]{1,40}$/, { each: true, message: "each sector code is upper-case letters and underscores" })
  sectorCodes?: string[] | null;

  @Field(() => GroupStatus, { nullable: true, description: "Only groups with this status." })
  @IsOptional()
  status?: GroupStatus | null;
}

export enum CooperativeGroupOrderField {
  NAME = "NAME",
  RELEVANCE = "RELEVANCE",
}
registerLabelledEnum(CooperativeGroupOrderField, {
  name: "CooperativeGroupOrderField",
  description: "Field to sort cooperative groups by.",
  labels: {
    NAME: { en: "Name", vi: "Tên tổ hợp tác", detail: "in Vietnamese alphabetical order (A Ă Â B C D Đ E Ê …), case-insensitive" },
    RELEVANCE: { en: "Relevance", vi: "Mức độ phù hợp", detail: "how well the group matches `filter.search`: whole words first, then word prefixes, then words inside words, then near spellings; ties by name in Vietnamese order. Default when searching; needs `filter.search`" },
  },
});

@InputType({ description: "The sort order of the cooperative-group list." })
export class CooperativeGroupOrder {
  @Field(() => CooperativeGroupOrderField, { description: "Field to sort by." })
  field: CooperativeGroupOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}

@InputType({ description: "Registration of a union of cooperatives with its founding member cooperatives." })
export class RegisterCooperativeUnionInput extends registrationInput("Union code: 10 digits, unique.") {
  @Field(() => DateScalar, { description: "Founding date." })
  foundedOn: string;

  @Field(() => GoverningLaw, { description: "Law the registration follows." })
  governingLaw: GoverningLaw;

  @Field(() => AddressInput, { description: "Head-office address." })
  @ValidateNested()
  address: AddressInput;

  @Field(() => MoneyScalar, { description: "Charter capital in đồng." })
  charterCapital: number;

  @Field({ description: "Name of the legal representative." })
  @Length(2, 255)
  legalRepresentative: string;

  @Field(() => [ID], { description: "Founding member cooperatives (ACTIVE; at least 3, or 4 under LAW_2012)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID("all", { each: true })
  memberCooperativeIds: string[];
}

@InputType({ description: "Cooperatives joining and leaving a union on one date." })
export class ChangeUnionMembersInput {
  @Field(() => ID, { description: "Union id." })
  @IsUUID()
  unionId: string;

  @Field(() => [ID], { defaultValue: [], description: "Cooperatives joining." })
  @ArrayMaxSize(500)
  @IsUUID("all", { each: true })
  add: string[];

  @Field(() => [ID], { defaultValue: [], description: "Cooperatives leaving." })
  @ArrayMaxSize(500)
  @IsUUID("all", { each: true })
  remove: string[];

  @Field(() => DateScalar, { description: "Date the changes take effect." })
  effectiveOn: string;
}
