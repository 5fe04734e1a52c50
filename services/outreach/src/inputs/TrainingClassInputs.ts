import { DateScalar, VersionRead, Optional, OptionalText } from "@camau/shared";
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_ATTENDING_COOPERATIVES, MAX_CO_ORGANISERS } from "../domain/classRules";
import { TrainingAudience, TrainingClassKind } from "../domain/enums";

const DISTRICT = /^\d{3}$/;
const COMMUNE = /^\d{5}$/;

@InputType({ description: "A new class; it starts SCHEDULED until its attendance is recorded." })
export class CreateTrainingClassInput {
  @Field(() => TrainingClassKind, { description: "Kind of class." })
  kind: TrainingClassKind;

  @Field({ description: "Title, in Vietnamese (3–500 characters)." })
  @Length(3, 500)
  title: string;

  @Field({ description: "Organiser, e.g. Liên minh Hợp tác xã tỉnh Cà Mau." })
  @Length(2, 255)
  organiser: string;

  @Field(() => [String], { defaultValue: [], description: `Co-organisers, e.g. Sở Kế hoạch và Đầu tư, UBND huyện U Minh (at most ${MAX_CO_ORGANISERS}).` })
  @ArrayMaxSize(MAX_CO_ORGANISERS)
  @Length(2, 255, { each: true })
  coOrganisers: string[];

  @Field(() => String, { nullable: true, description: "District code (pre-2025 tree: 964, 966–973). Derived from the commune when omitted; not allowed for classes starting on or after 2025-07-01." })
  @IsOptional()
  @Matches(DISTRICT, { message: "districtCode is 3 digits" })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: "Commune or ward code (5 digits), in the code system in force on the first day." })
  @IsOptional()
  @Matches(COMMUNE, { message: "communeCode is 5 digits" })
  communeCode?: string | null;

  @Field(() => DateScalar, { description: "First day." })
  startDate: string;

  @Field(() => DateScalar, { description: "Last day (on or after the first day)." })
  endDate: string;

  @Field(() => TrainingAudience, { description: "Target audience." })
  audience: TrainingAudience;
}

@InputType({ description: "Changes to a class; omitted fields stay as they are. A cancelled class no longer changes." })
export class UpdateTrainingClassInput {
  @Field(() => ID, { description: "Class id." })
  @IsUUID()
  id: string;

  @VersionRead()
  version: number;

  @Optional(() => TrainingClassKind, "New kind.")
  kind?: TrainingClassKind | null;

  @OptionalText("New title.", { min: 3, max: 500 })
  title?: string | null;

  @OptionalText("New organiser.", { min: 2, max: 255 })
  organiser?: string | null;

  @Field(() => [String], { nullable: true, description: "New co-organisers (replace the list)." })
  @IsOptional()
  @ArrayMaxSize(MAX_CO_ORGANISERS)
  @Length(2, 255, { each: true })
  coOrganisers?: string[] | null;

  @Field(() => String, { nullable: true, description: "New district code. Giving a district or a commune replaces the place as a whole: give both (or the commune alone, and the district is derived)." })
  @IsOptional()
  @Matches(DISTRICT, { message: "districtCode is 3 digits" })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: "New commune code (see districtCode)." })
  @IsOptional()
  @Matches(COMMUNE, { message: "communeCode is 5 digits" })
  communeCode?: string | null;

  @Optional(() => DateScalar, "New first day.")
  startDate?: string | null;

  @Optional(() => DateScalar, "New last day.")
  endDate?: string | null;

  @Optional(() => TrainingAudience, "New audience.")
  audience?: TrainingAudience | null;
}

@InputType({ description: "Cancellation of a scheduled class (a held class cannot be cancelled)." })
export class CancelTrainingClassInput {
  @Field(() => ID, { description: "Class id." })
  @IsUUID()
  id: string;

  @VersionRead("The version you read.")
  version: number;

  @Field({ description: "Why the class is cancelled." })
  @Length(3, 500)
  reason: string;

  @Optional(() => DateScalar, "Date of the decision to cancel (default today); not in the future.")
  cancelledOn?: string | null;
}

@InputType({ description: "Attendance of a class: how many took part and which cooperatives sent them. Recording again replaces it." })
export class RecordAttendanceInput {
  @Field(() => ID, { description: "Class id." })
  @IsUUID()
  id: string;

  @VersionRead("The version you read.")
  version: number;

  @Field(() => Int, { description: "Number of participants (at least one per cooperative listed)." })
  @IsInt()
  @Min(0)
  @Max(100_000)
  participantCount: number;

  @Field(() => [ID], { defaultValue: [], description: `Ids of the cooperatives (registry) that sent participants, each once (at most ${MAX_ATTENDING_COOPERATIVES}).` })
  @ArrayMaxSize(MAX_ATTENDING_COOPERATIVES)
  @ArrayUnique({ message: "cooperativeIds lists a cooperative more than once" })
  @IsUUID("all", { each: true, message: "each of cooperativeIds is a cooperative id (UUID)" })
  cooperativeIds: string[];
}
