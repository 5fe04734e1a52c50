import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, MoneyScalar, Node, bigintTransformer } from "@camau/shared";
import { MemberKind, MembershipType } from "../domain/enums";

/**
 * A membership of a cooperative or of a cooperative group (exactly one of the two). The
 * personal fields are resolved by MemberResolver, which checks who may read them.
 */
@ObjectType({ description: "A member (thành viên) of a cooperative or cooperative group, with the dates of the membership.", implements: Node })
@Entity("member")
@Index(["cooperativeId", "joinedOn"])
@Index(["groupId"])
export class Member {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cooperative_id", type: "uuid", nullable: true })
  cooperativeId: string | null;

  @Column({ name: "group_id", type: "uuid", nullable: true })
  groupId: string | null;

  @Field(() => MemberKind, { description: "Individual, household or organisation." })
  @Column({ type: "varchar", length: 20 })
  kind: MemberKind;

  @Field({ description: "Full name of the person, household head or organisation (họ tên)." })
  @Column({ name: "full_name", type: "varchar", length: 255 })
  fullName: string;

  @Field(() => MembershipType, { description: "Type of membership." })
  @Column({ name: "membership_type", type: "varchar", length: 30 })
  membershipType: MembershipType;

  @Field(() => DateScalar, { description: "Date the membership began (ngày kết nạp)." })
  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Date the membership ended; null while in force." })
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;

  @Field(() => MoneyScalar, { description: "Capital contributed in đồng (vốn góp)." })
  @Column({ name: "capital_contributed", type: "bigint", transformer: bigintTransformer, default: 0 })
  capitalContributed: number;

  @Column({ name: "national_id", type: "varchar", length: 12, nullable: true })
  nationalId: string | null;

  @Column({ name: "date_of_birth", type: "date", nullable: true })
  dateOfBirth: string | null;

  @Column({ type: "varchar", length: 15, nullable: true })
  phone: string | null;
}
