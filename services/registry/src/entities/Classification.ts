import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, Node, CacheHint } from "@camau/shared";
import { Rating } from "../domain/enums";

@Directive(CacheHint.public)
@ObjectType({ description: "Annual classification of a cooperative (xếp loại HTX hằng năm) on the 100-point scale.", implements: Node })
@Entity("classification")
@Index(["cooperativeId", "year"], { unique: true })
export class Classification {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Field(() => Int, { description: "Year assessed (năm đánh giá)." })
  @Column({ type: "int" })
  year: number;

  @Field(() => Int, { description: "Score out of 100 (điểm)." })
  @Column({ type: "int" })
  score: number;

  @Field(() => Rating, { description: "Rating derived from the score by the scheme's bands." })
  @Column({ type: "varchar", length: 10 })
  rating: Rating;

  @Field({ description: "Classification scheme, e.g. TT01-2020 (Circular 01/2020/TT-BKHĐT)." })
  @Column({ type: "varchar", length: 20 })
  scheme: string;

  @Field(() => DateScalar, { description: "Date the classification was approved (ngày xếp loại)." })
  @Column({ name: "classified_on", type: "date" })
  classifiedOn: string;
}
