import { Node, CacheHint } from "@camau/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Directive(CacheHint.reference)
@ObjectType({ description: "A statistical sector (lĩnh vực) of the collective economy, e.g. agriculture (nông nghiệp).", implements: Node })
@Entity("sector")
export class Sector {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Code, e.g. AGRICULTURE, FISHERIES." })
  @Column({ type: "varchar", length: 40, unique: true })
  code: string;

  @Field({ description: "Vietnamese name, e.g. Nông nghiệp." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field({ description: "English name." })
  @Column({ name: "name_en", type: "varchar", length: 255 })
  nameEn: string;

  @Field(() => Int, { description: "Position in reports." })
  @Column({ name: "sort_order", type: "int" })
  sortOrder: number;
}
