import { CacheHint } from "@camau/shared";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, VersionColumn } from "typeorm";

/** Configurable data: the days-past-due thresholds of the State Bank's debt groups 1–5. */
@Directive(CacheHint.public)
@ObjectType({ description: "A debt group (nhóm nợ) of the State Bank classification and the days past due from which a loan falls in it." })
@Entity("debt_group_threshold")
export class DebtGroupThreshold {
  @Field(() => Int, { description: "Debt group 1 to 5 (nhóm nợ)." })
  @PrimaryColumn({ name: "debt_group", type: "int" })
  debtGroup: number;

  @Field(() => Int, { description: "Smallest number of days past due in this group (số ngày quá hạn từ)." })
  @Column({ name: "min_days_past_due", type: "int" })
  minDaysPastDue: number;

  @Field({ description: "Vietnamese name, e.g. Nợ cần chú ý." })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => Int, { description: "Version of the configuration row." })
  @VersionColumn()
  version: number;
}
