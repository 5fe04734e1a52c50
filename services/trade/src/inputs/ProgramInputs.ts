import { DateScalar, MoneyScalar, registerLabelledEnum, VersionRead, Optional, OptionalText } from "@camau/shared";
import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import { BudgetSource, ProgramKind } from "../domain/enums";
import { OrderDirection } from "@camau/shared";

@InputType({ description: "A program's support policy: legal basis, share of eligible costs and cap per cooperative." })
export class SupportPolicyInput {
  @Field({ description: "Legal basis (căn cứ pháp lý), e.g. 'Nghị quyết 08/2020/NQ-HĐND tỉnh Cà Mau'." })
  @Length(3, 500)
  legalBasis: string;

  @Field(() => Float, { nullable: true, description: "Share of a cooperative's eligible costs covered, in per cent (more than 0, at most 100)." })
  @IsOptional()
  @Min(0.01)
  @Max(100)
  percentage?: number | null;

  @Optional(() => MoneyScalar, "Most a single cooperative may receive, in đồng.")
  capPerCooperative?: number | null;
}

@InputType({ description: "A new trade promotion program." })
export class CreateProgramInput {
  @Field({ description: "Name of the program." })
  @Length(3, 300)
  name: string;

  @Field(() => ProgramKind, { description: "Kind of program." })
  kind: ProgramKind;

  @Field({ description: "Organiser." })
  @Length(2, 300)
  organiser: string;

  @Field({ description: "Venue." })
  @Length(2, 300)
  venue: string;

  @Field({ description: "Province or city where it is held, e.g. 'Hà Nội'." })
  @Length(2, 100)
  province: string;

  @Field(() => DateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => DateScalar, { description: "Last day (inclusive), on or after startsOn." })
  endsOn: string;

  @Optional(() => MoneyScalar, "Budget in đồng.")
  budget?: number | null;

  @Optional(() => BudgetSource, "Source of the budget.")
  budgetSource?: BudgetSource | null;

  @OptionalText("Description.", { max: 5000 })
  description?: string | null;

  @Field(() => SupportPolicyInput, { nullable: true, description: "Support policy; without one, participants receive no support." })
  @IsOptional()
  @ValidateNested()
  supportPolicy?: SupportPolicyInput | null;
}

@InputType({ description: "Changes to a program; omitted fields stay as they are." })
export class UpdateProgramInput {
  @Field(() => ID, { description: "Program id." })
  @IsUUID("loose")
  id: string;

  @VersionRead()
  version: number;

  @OptionalText("New name.", { min: 3, max: 300 })
  name?: string | null;

  @Optional(() => ProgramKind, "New kind.")
  kind?: ProgramKind | null;

  @OptionalText("New organiser.", { min: 2, max: 300 })
  organiser?: string | null;

  @OptionalText("New venue.", { min: 2, max: 300 })
  venue?: string | null;

  @OptionalText("New province or city.", { min: 2, max: 100 })
  province?: string | null;

  @Optional(() => DateScalar, "New first day.")
  startsOn?: string | null;

  @Optional(() => DateScalar, "New last day.")
  endsOn?: string | null;

  @Optional(() => MoneyScalar, "New budget.")
  budget?: number | null;

  @Optional(() => BudgetSource, "New budget source.")
  budgetSource?: BudgetSource | null;

  @OptionalText("New description.", { max: 5000 })
  description?: string | null;

  @Field(() => SupportPolicyInput, { nullable: true, description: "New support policy (replaces the whole policy); support already granted must keep to it." })
  @IsOptional()
  @ValidateNested()
  supportPolicy?: SupportPolicyInput | null;

  @Optional(() => Boolean, "True to remove the support policy (only while no participant has been granted support).")
  removeSupportPolicy?: boolean | null;
}

@InputType({ description: "Filters of the program list; all given conditions must hold." })
export class ProgramFilter {
  @Optional(() => DateScalar, "Only programs still running on or after this day (period start, inclusive).")
  from?: string | null;

  @Optional(() => DateScalar, "Only programs begun on or before this day (period end, inclusive).")
  to?: string | null;

  @Field(() => [ProgramKind], { nullable: true, description: "Only these kinds." })
  @IsOptional()
  @ArrayMaxSize(6)
  kinds?: ProgramKind[] | null;

  @OptionalText("Only programs held in this province or city, compared case- and diacritic-insensitively ('ha noi' matches 'Hà Nội').", { max: 100 })
  province?: string | null;

  @OptionalText("Words to find in the name, organiser, venue or province; case- and diacritic-insensitive.", { max: 200 })
  search?: string | null;
}

export enum ProgramOrderField {
  STARTS_ON = "STARTS_ON",
  NAME = "NAME",
}
registerLabelledEnum(ProgramOrderField, {
  name: "ProgramOrderField",
  description: "Field to sort programs by.",
  labels: {
    STARTS_ON: { en: "Start date", vi: "Ngày bắt đầu", detail: "first day of the program" },
    NAME: { en: "Name", vi: "Tên chương trình" },
  },
});

@InputType({ description: "One sort key of the program list." })
export class ProgramOrder {
  @Field(() => ProgramOrderField, { description: "Field to sort by." })
  field: ProgramOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
