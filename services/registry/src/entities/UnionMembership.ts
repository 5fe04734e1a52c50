import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, CacheHint } from "@camau/shared";
import { CooperativeUnion } from "./CooperativeUnion";

@Directive(CacheHint.public)
@ObjectType({ description: "A cooperative's membership of a union (HTX thành viên của liên hiệp), with its dates." })
@Entity("union_membership")
@Index(["cooperativeId"])
@Index(["unionId"])
export class UnionMembership {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "union_id", type: "uuid" })
  unionId: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Field(() => DateScalar, { description: "Date the cooperative joined the union." })
  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  /** Filled when loaded together with its union (see loaders). */
  union?: CooperativeUnion;

  @Field(() => DateScalar, { nullable: true, description: "Date it left the union; null while a member." })
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;
}
