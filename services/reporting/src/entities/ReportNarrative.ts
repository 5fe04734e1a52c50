import { DateScalar, DateTimeScalar, registerLabelledEnum } from "@camau/shared";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from "typeorm";
import { Territory } from "../domain/territory";

/** The parts of a report no record holds, written by officers. */
export enum NarrativeSection {
  DIFFICULTIES = "DIFFICULTIES",
  NEXT_TASKS = "NEXT_TASKS",
}

registerLabelledEnum(NarrativeSection, {
  name: "NarrativeSection",
  description: "A section of the report that officers write (phần nhận định).",
  labels: {
    DIFFICULTIES: { en: "Difficulties and shortcomings", vi: "Khó khăn, hạn chế" },
    NEXT_TASKS: { en: "Main tasks for the next period", vi: "Nhiệm vụ trọng tâm kỳ tới" },
  },
});

@ObjectType({ description: "An officer's text for one section of the report of one period and territory (Markdown)." })
@Entity("report_narrative")
@Unique("report_narrative_period_section", ["from", "to", "territory", "section"])
export class ReportNarrative {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  @Column({ name: "period_from", type: "date" })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  @Column({ name: "period_to", type: "date" })
  to: string;

  @Field(() => Territory, { description: "The territory of the report." })
  @Column({ type: "varchar", length: 20 })
  territory: Territory;

  @Field(() => NarrativeSection, { description: "Which section." })
  @Column({ type: "varchar", length: 20 })
  section: NarrativeSection;

  @Field({ description: "The text (Markdown; HTML is shown as text)." })
  @Column({ type: "text" })
  body: string;

  @Field({ description: "Who wrote the current text." })
  @Column({ name: "updated_by", type: "varchar", length: 255 })
  updatedBy: string;

  @Field(() => DateTimeScalar, { description: "When the current text was written." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
