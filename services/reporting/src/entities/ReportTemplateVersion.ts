import { DateTimeScalar } from "@camau/shared";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "One saved version of the report template (mẫu báo cáo): Markdown with Liquid placeholders. Versions are never changed; each save adds one." })
@Entity("report_template_version")
export class ReportTemplateVersion {
  @Field(() => Int, { description: "Version number, 1 for the template the system starts with; the highest is the one drafts use." })
  @PrimaryGeneratedColumn({ type: "integer" })
  version: number;

  @Field({ description: "The template: Markdown with Liquid placeholders and filters (docs/report-templates.md)." })
  @Column({ type: "text" })
  body: string;

  @Field(() => String, { nullable: true, description: "What changed in this version, in the author's words." })
  @Column({ type: "varchar", length: 500, nullable: true })
  note: string | null;

  @Field({ description: "Who saved it (the token's subject)." })
  @Column({ name: "created_by", type: "varchar", length: 255 })
  createdBy: string;

  @Field(() => DateTimeScalar, { description: "When it was saved." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
