import { GraphQLJSONObject } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../graphql/scalars";

/**
 * One change made by a mutation, written in the mutation's own transaction (so a change and its
 * audit entry are committed or rolled back together). The table is append-only: a trigger of the
 * migration refuses UPDATE and DELETE. Every subgraph has its own `audit_entry` table in its own
 * database; the GraphQL type is @shareable because each subgraph declares the same one.
 */
@Directive("@shareable")
@ObjectType({
  description:
    "One change made through the API (nhật ký thay đổi): who made it, when, which mutation on which record, and the values before and after. Personal data (national ID, date of birth, phone) is never recorded: it shows as [REDACTED].",
})
@Entity("audit_entry")
@Index(["entityType", "entityId", "occurredAt"])
export class AuditEntry {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => DateTimeScalar, { description: "When the change was made (millisecond precision)." })
  @Column({ name: "occurred_at", type: "timestamptz", precision: 3, default: () => "clock_timestamp()" })
  occurredAt: Date;

  @Field({ description: "Subgraph (service) that made the change, e.g. registry." })
  @Column({ type: "varchar", length: 40 })
  service: string;

  @Field({ description: "Who made it: the subject of the caller's token." })
  @Column({ name: "actor_subject", type: "varchar", length: 255 })
  actorSubject: string;

  @Field({ description: "The caller's role when making it (OFFICER, ADMIN, COOPERATIVE_MANAGER, ...)." })
  @Column({ name: "actor_role", type: "varchar", length: 30 })
  actorRole: string;

  @Field({ description: "The mutation, e.g. updateCooperative." })
  @Column({ type: "varchar", length: 100 })
  operation: string;

  @Field({ description: "Type of the record changed, e.g. Cooperative." })
  @Column({ name: "entity_type", type: "varchar", length: 60 })
  entityType: string;

  @Field(() => ID, { description: "Id of the record changed." })
  @Column({ name: "entity_id", type: "varchar", length: 100 })
  entityId: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record (or its changed fields) before the change; null when it was created. Personal data redacted." })
  @Column({ name: "before_state", type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record (or its changed fields) after the change; null when it was removed. Personal data redacted." })
  @Column({ name: "after_state", type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;
}
