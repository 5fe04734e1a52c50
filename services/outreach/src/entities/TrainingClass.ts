import { DateScalar, DateTimeScalar, Node, SearchRankColumn, CacheHint } from "@camau/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { TrainingAudience, TrainingClassKind, TrainingClassStatus } from "../domain/enums";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({
  implements: Node,
  description:
    "A class the provincial Cooperative Alliance runs or co-organises (lớp bồi dưỡng, tuyên truyền, truyền nghề): state-management classes for commune officials, outreach classes and vocational classes.",
})
@Entity("training_class")
export class TrainingClass {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => TrainingClassKind, { description: "Kind of class (loại lớp)." })
  @Column({ type: "varchar", length: 20 })
  kind: TrainingClassKind;

  @Field({ description: "Title (tên lớp), in Vietnamese." })
  @Column({ type: "varchar", length: 500 })
  title: string;

  @Field({ description: "Organiser (đơn vị tổ chức), e.g. Liên minh Hợp tác xã tỉnh Cà Mau." })
  @Column({ type: "varchar", length: 255 })
  organiser: string;

  @Field(() => [String], { description: "Co-organisers (đơn vị phối hợp): departments, district People's Committees." })
  @Column({ name: "co_organisers", type: "varchar", length: 255, array: true, default: () => "'{}'" })
  coOrganisers: string[];

  @Field(() => String, { nullable: true, description: "District-level unit where the class was held (mã huyện, pre-2025 tree: 964, 966–973); null for classes after the July 2025 reform or of no single district." })
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => String, { nullable: true, description: "Commune or ward where the class was held (mã xã), in the code system in force on its first day." })
  @Column({ name: "commune_code", type: "varchar", length: 10, nullable: true })
  communeCode: string | null;

  @Field(() => DateScalar, { description: "First day (ngày khai giảng). A class counts in the report of the period this day falls in." })
  @Column({ name: "start_date", type: "date" })
  startDate: string;

  @Field(() => DateScalar, { description: "Last day (ngày bế giảng)." })
  @Column({ name: "end_date", type: "date" })
  endDate: string;

  @Field(() => TrainingAudience, { description: "Target audience (đối tượng)." })
  @Column({ type: "varchar", length: 30 })
  audience: TrainingAudience;

  @Field(() => Int, { nullable: true, description: "Number of participants (số học viên); null until attendance is recorded." })
  @Column({ name: "participant_count", type: "int", nullable: true })
  participantCount: number | null;

  @Field(() => TrainingClassStatus, { description: "Status (tình trạng)." })
  @Column({ type: "varchar", length: 20 })
  status: TrainingClassStatus;

  @Field(() => DateScalar, { nullable: true, description: "Date the class was cancelled; null unless CANCELLED." })
  @Column({ name: "cancelled_on", type: "date", nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true, description: "Why the class was cancelled (lý do hủy)." })
  @Column({ name: "cancellation_reason", type: "varchar", length: 500, nullable: true })
  cancellationReason: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when changing the class." })
  @VersionColumn()
  version: number;

  @Column({ name: "created_by", type: "varchar", length: 255 })
  createdBy: string;

  @Field(() => DateTimeScalar, { description: "When the class was recorded." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the class was last changed." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  /** Relevance to the search being answered (smaller is better); only set by a search. */
  @SearchRankColumn()
  searchRank?: number | null;
}
