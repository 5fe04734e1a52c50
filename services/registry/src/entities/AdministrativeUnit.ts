import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, Node, CacheHint } from "@camau/shared";
import { AdministrativeLevel } from "../domain/enums";

/** Versioned reference data: a unit exists in one code system between valid-from and valid-to. */
@Directive(CacheHint.reference)
@ObjectType({ description: "An administrative unit (đơn vị hành chính), versioned: valid between two dates in one code system.", implements: Node })
@Entity("administrative_unit")
@Index(["codeSystem", "code"], { unique: true })
@Index(["parentCode"])
export class AdministrativeUnit {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Official code (mã đơn vị hành chính), e.g. 96 for Cà Mau, 964 for Cà Mau city." })
  @Column({ type: "varchar", length: 10 })
  code: string;

  @Field({ description: "Official name, e.g. Huyện U Minh." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => AdministrativeLevel, { description: "Level of the unit." })
  @Column({ type: "varchar", length: 20 })
  level: AdministrativeLevel;

  @Field(() => String, { nullable: true, description: "Code of the parent unit in the same code system; null for a province." })
  @Column({ name: "parent_code", type: "varchar", length: 10, nullable: true })
  parentCode: string | null;

  @Field({ description: "Code system: PRE_2025 (three levels) or POST_2025 (two levels, after the July 2025 reform)." })
  @Column({ name: "code_system", type: "varchar", length: 20 })
  codeSystem: string;

  @Field(() => DateScalar, { description: "First day the unit existed in this form." })
  @Column({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day the unit existed in this form; null while current." })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;
}
