import { DateScalar, VersionRead, Optional, OptionalText } from "@camau/shared";
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ReportFigure } from "../domain/figures";

/** Largest published value accepted (GraphQL Int). */
const MAX_VALUE = 2_147_483_647;

@InputType({ description: "One figure of a published report and its value." })
export class PublishedFigureValueInput {
  @Field(() => ReportFigure, { description: "Which figure." })
  figure: ReportFigure;

  @Field(() => Int, { description: "The value as published." })
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE)
  value: number;

  @OptionalText("Province the figure is about; only for TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT (e.g. Hà Nội for a program held there).", { min: 2, max: 100 })
  province?: string | null;

  @OptionalText("Remarks, e.g. the wording of the report.", { max: 1000 })
  note?: string | null;
}

@InputType({ description: "Figures as one report published them for one period." })
export class RecordPublishedFiguresInput {
  @Field({ description: "Title of the report, e.g. Báo cáo tình hình KTTT 6 tháng đầu năm 2021." })
  @Length(3, 500)
  reportTitle: string;

  @OptionalText("Reference of the report (document number or address).", { min: 1, max: 255 })
  reportReference?: string | null;

  @Field({ description: "Who published it, e.g. Liên minh Hợp tác xã tỉnh Cà Mau." })
  @Length(2, 255)
  publisher: string;

  @Optional(() => DateScalar, "Date of publication; not in the future and not before the period ends.")
  publishedOn?: string | null;

  @Field(() => DateScalar, { description: "First day of the period the figures are about." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period the figures are about." })
  to: string;

  @Field(() => [PublishedFigureValueInput], { description: "The figures (1–50), each figure (and province) at most once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  figures: PublishedFigureValueInput[];
}

@InputType({ description: "A correction of a recorded published figure (a misread value or remark)." })
export class CorrectPublishedFigureInput {
  @Field(() => ID, { description: "Published figure id." })
  @IsUUID()
  id: string;

  @VersionRead("The version you read.")
  version: number;

  @Field(() => Int, { nullable: true, description: "The value as published." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE)
  value?: number | null;

  @OptionalText("New remarks.", { max: 1000 })
  note?: string | null;
}

@InputType({ description: "Removal of a published figure recorded by mistake." })
export class RemovePublishedFigureInput {
  @Field(() => ID, { description: "Published figure id." })
  @IsUUID()
  id: string;

  @VersionRead("The version you read.")
  version: number;
}

@InputType({ description: "Filters of the list of published figures; all given conditions must hold." })
export class PublishedFigureFilter {
  @Optional(() => DateScalar, "Figures about periods starting on or after this day.")
  from?: string | null;

  @Optional(() => DateScalar, "Figures about periods ending on or before this day.")
  to?: string | null;

  @Field(() => [ReportFigure], { nullable: true, description: "Which figures." })
  @IsOptional()
  @ArrayMaxSize(20)
  figures?: ReportFigure[] | null;

  @OptionalText("Publisher, exactly as recorded.", { max: 255 })
  publisher?: string | null;
}
