import { DateScalar } from "@camau/shared";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Territory } from "../domain/territory";

@ObjectType({ description: "One figure of a draft as read from the graph, with the values it is compared with." })
export class DraftFigure {
  @Field({ description: "The report field it comes from, e.g. `cooperativeCount`, `goodOrFairCount`." })
  key: string;

  @Field(() => Float, { description: "Its value for the period." })
  value: number;

  @Field(() => Float, { description: "Its value for the same period of the previous year." })
  samePeriodLastYear: number;

  @Field(() => Float, { description: "Its value for the previous period (the other half-year, the previous year, or as many days just before)." })
  previousPeriod: number;

  @Field({ description: "`đồng` for amounts, `count` for the others." })
  unit: string;
}

@ObjectType({ description: "Active cooperatives at the end of the period in one administrative unit of the period (district before the 2025 reform, commune after)." })
export class DraftAreaRow {
  @Field({ description: "Code of the unit (the administrative code of the period)." })
  code: string;

  @Field({ description: "Name of the unit, e.g. Huyện U Minh." })
  name: string;

  @Field(() => Int, { description: "Active cooperatives there at the end of the period." })
  cooperativeCount: number;

  @Field(() => Int, { description: "Of which rated good or fair (khá, tốt)." })
  goodOrFairCount: number;
}

@ObjectType({ description: "A draft of the collective-economy report (dự thảo báo cáo), written from the graph's figures with a template; its figures as data beside the text." })
export class ReportDraft {
  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Territory, { description: "The territory the draft covers." })
  territory: Territory;

  @Field({ description: "The period as officers name it, e.g. `6 tháng đầu năm 2021`, `năm 2026`." })
  periodName: string;

  @Field(() => Int, { nullable: true, description: "The template version it was written with; null for a preview of an unsaved template." })
  templateVersion: number | null;

  @Field({ description: "A hash of every figure the draft was written from: it changes exactly when the data does." })
  dataVersion: string;

  @Field({ description: "The draft as Markdown." })
  markdown: string;

  @Field({ description: "The draft as an HTML fragment (no script; the chart as an image from `chartUrl`)." })
  html: string;

  @Field({ description: "Where the gateway serves the chart of the main series (PNG)." })
  chartUrl: string;

  @Field(() => [DraftFigure], { description: "The draft's figures with their comparisons." })
  figures: DraftFigure[];

  @Field(() => [DraftAreaRow], { description: "Cooperatives by the administrative units of the period." })
  byArea: DraftAreaRow[];
}

@ObjectType({ description: "An export of a draft as a file: started by the first request, then polled until DONE." })
export class ReportExport {
  @Field({ description: "RUNNING, DONE or FAILED." })
  status: string;

  @Field(() => Float, { description: "How far the export is, 0 to 1." })
  progress: number;

  @Field({ description: "What it is doing (Vietnamese), for a progress display." })
  step: string;

  @Field(() => String, { nullable: true, description: "Name to save the file under, once DONE." })
  fileName: string | null;

  @Field(() => String, { nullable: true, description: "Its media type, once DONE." })
  mediaType: string | null;

  @Field(() => Int, { nullable: true, description: "Its size in bytes, once DONE." })
  byteLength: number | null;

  @Field(() => String, { nullable: true, description: "The file, base64, once DONE. The gateway's `/reports/draft.*` routes serve it as a download." })
  contentBase64: string | null;

  @Field(() => Int, { nullable: true, description: "The template version the file was written with, once DONE." })
  templateVersion: number | null;

  @Field(() => String, { nullable: true, description: "The data version of the figures in the file, once DONE." })
  dataVersion: string | null;

  @Field(() => String, { nullable: true, description: "Why it FAILED." })
  error: string | null;
}
