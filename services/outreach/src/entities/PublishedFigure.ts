import { DateScalar, DateTimeScalar, Node, CacheHint } from "@camau/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { ReportFigure } from "../domain/figures";

@Directive('@key(fields: "id")')
@Directive(CacheHint.report)
@ObjectType({
  implements: Node,
  description:
    "A figure as a report published it (số liệu đã công bố): who published it, in which report, for which period. Kept beside the figure the system derives from its records so the two can be compared.",
})
@Entity("published_figure")
export class PublishedFigure {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Title of the report that published the figure (tên báo cáo), e.g. Báo cáo tình hình KTTT 6 tháng đầu năm 2021." })
  @Column({ name: "report_title", type: "varchar", length: 500 })
  reportTitle: string;

  @Field(() => String, { nullable: true, description: "Reference of the report (số hiệu văn bản), e.g. 45/BC-LMHTX, or its address." })
  @Column({ name: "report_reference", type: "varchar", length: 255, nullable: true })
  reportReference: string | null;

  @Field({ description: "Who published it (cơ quan công bố), e.g. Liên minh Hợp tác xã tỉnh Cà Mau." })
  @Column({ type: "varchar", length: 255 })
  publisher: string;

  @Field(() => DateScalar, { nullable: true, description: "Date of publication (ngày công bố), when known." })
  @Column({ name: "published_on", type: "date", nullable: true })
  publishedOn: string | null;

  @Field(() => DateScalar, { description: "First day of the period the figure is about (inclusive)." })
  @Column({ name: "period_from", type: "date" })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period the figure is about (inclusive)." })
  @Column({ name: "period_to", type: "date" })
  to: string;

  @Field(() => ReportFigure, { description: "Which figure of the report (chỉ tiêu)." })
  @Column({ type: "varchar", length: 60 })
  figure: ReportFigure;

  @Field(() => String, { nullable: true, description: "Province the figure is about, for TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT only (the province of the trade-promotion program, e.g. Hà Nội); null means all provinces." })
  @Column({ type: "varchar", length: 100, nullable: true })
  province: string | null;

  @Field(() => Int, { description: "The value as published (giá trị công bố)." })
  @Column({ type: "int" })
  value: number;

  @Field(() => String, { nullable: true, description: "Remarks, e.g. the wording of the report." })
  @Column({ type: "varchar", length: 1000, nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when correcting or removing the record." })
  @VersionColumn()
  version: number;

  @Column({ name: "recorded_by", type: "varchar", length: 255 })
  recordedBy: string;

  @Field(() => DateTimeScalar, { description: "When the figure was recorded." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the record was last corrected." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
