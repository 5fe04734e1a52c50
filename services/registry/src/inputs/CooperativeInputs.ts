import { DateScalar, MoneyScalar, VersionRead, Optional, OptionalText } from "@camau/shared";
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { GoverningLaw, LegalStatus } from "../domain/enums";
import { AddressInput } from "./AddressInput";
import { MemberInput } from "./MemberInput";
import { registrationInput } from "./RegistrationInput";

@InputType({ description: "Registration of a new cooperative with its founding members." })
export class RegisterCooperativeInput extends registrationInput("Cooperative code (mã số HTX): 10 digits, unique.") {
  @Field(() => DateScalar, { description: "Founding (registration) date." })
  foundedOn: string;

  @Field(() => GoverningLaw, { description: "Law the registration follows." })
  governingLaw: GoverningLaw;

  @Field({ description: "Sector code, e.g. AGRICULTURE." })
  @Matches(/^[A-Z_]{1,40}$/, { message: "sectorCode is upper-case letters and underscores" })
  sectorCode: string;

  @Field(() => [String], { description: "Business lines as VSIC codes (up to 5 digits each)." })
  @ArrayMaxSize(50)
  @Matches(/^\d{2,5}$/, { each: true, message: "each business line is a VSIC code of 2–5 digits" })
  businessLines: string[];

  @Field(() => AddressInput, { description: "Head-office address." })
  @ValidateNested()
  address: AddressInput;

  @Field(() => MoneyScalar, { description: "Charter capital in đồng." })
  charterCapital: number;

  @Field({ description: "Name of the legal representative." })
  @Length(2, 255)
  legalRepresentative: string;

  @Field({ defaultValue: false, description: "Whether it is a new-model cooperative (HTX kiểu mới)." })
  isNewModel: boolean;

  @Field(() => [MemberInput], { description: "Founding members: at least 5 official members under LAW_2023, 7 under LAW_2012." })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  foundingMembers: MemberInput[];
}

@InputType({ description: "Changes to a cooperative's registration data; omitted fields stay as they are." })
export class UpdateCooperativeInput {
  @Field(() => ID, { description: "Cooperative id." })
  @IsUUID()
  id: string;

  @VersionRead()
  version: number;

  @Optional(() => DateScalar, "Date the change took effect (default today).")
  effectiveOn?: string | null;

  @OptionalText("New name.", { min: 3, max: 255 })
  name?: string | null;

  @OptionalText("New foreign name.", { max: 255 })
  foreignName?: string | null;

  @OptionalText("New abbreviation.", { max: 100 })
  abbreviation?: string | null;

  @Field(() => AddressInput, { nullable: true, description: "New head-office address." })
  @IsOptional()
  @ValidateNested()
  address?: AddressInput | null;

  @Optional(() => MoneyScalar, "New charter capital.")
  charterCapital?: number | null;

  @OptionalText("New legal representative.", { min: 2, max: 255 })
  legalRepresentative?: string | null;

  @Optional(() => Boolean, "New-model cooperative or not.")
  isNewModel?: boolean | null;

  @Field(() => [String], { nullable: true, description: "New business lines (VSIC codes)." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^\d{2,5}$/, { each: true, message: "each business line is a VSIC code of 2–5 digits" })
  businessLines?: string[] | null;

  @Field(() => String, { nullable: true, description: "New sector code." })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/, { message: "sectorCode is upper-case letters and underscores" })
  sectorCode?: string | null;
}

@InputType({ description: "A change of legal status; only transitions the law allows are accepted." })
export class ChangeCooperativeStatusInput {
  @Field(() => ID, { description: "Cooperative id." })
  @IsUUID()
  id: string;

  @Field(() => LegalStatus, { description: "The new status." })
  status: LegalStatus;

  @Field(() => DateScalar, { description: "Date the new status took effect." })
  effectiveOn: string;

  @OptionalText("Reason or decision number.", { max: 500 })
  reason?: string | null;
}

@InputType({ description: "An annual classification of a cooperative." })
export class RecordClassificationInput {
  @Field(() => ID, { description: "Cooperative id." })
  @IsUUID()
  cooperativeId: string;

  @Field(() => Int, { description: "Year assessed." })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Int, { description: "Score out of 100." })
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @Field(() => DateScalar, { description: "Date the classification was approved." })
  classifiedOn: string;
}

@InputType({ description: "Admission of a cooperative to the provincial Cooperative Alliance." })
export class AdmitToAllianceInput {
  @Field(() => ID, { description: "Cooperative id." })
  @IsUUID()
  cooperativeId: string;

  @Field(() => DateScalar, { description: "Date of admission." })
  joinedOn: string;
}
