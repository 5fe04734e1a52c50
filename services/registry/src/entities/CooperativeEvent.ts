import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, DateTimeScalar, CacheHint } from "@camau/shared";
import { CooperativeEventKind, LegalStatus } from "../domain/enums";

/** One change in a cooperative's history; figures "as of" a date are computed from these. */
@ObjectType({ description: "An event in a cooperative's history (lịch sử HTX), with when it took effect and who recorded it." })
@Entity("cooperative_event")
@Index(["cooperativeId", "effectiveOn"])
export class CooperativeEvent {
  @Directive(CacheHint.public)
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Directive(CacheHint.public)
  @Field(() => CooperativeEventKind, { description: "What happened." })
  @Column({ type: "varchar", length: 30 })
  kind: CooperativeEventKind;

  @Directive(CacheHint.public)
  @Field(() => DateScalar, { description: "Date the change took effect (legal date)." })
  @Column({ name: "effective_on", type: "date" })
  effectiveOn: string;

  @Directive(CacheHint.public)
  @Field(() => DateTimeScalar, { description: "When the change was recorded in the system." })
  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt: Date;

  /** Exposed through CooperativeEventResolver: staff only. */
  @Column({ name: "actor_subject", type: "varchar", length: 255 })
  actorSubject: string;

  @Directive(CacheHint.restricted)
  @Field({ description: "Role of who recorded it." })
  @Column({ name: "actor_role", type: "varchar", length: 30 })
  actorRole: string;

  @Directive(CacheHint.public)
  @Field(() => LegalStatus, { nullable: true, description: "Legal status after the event (FOUNDED and STATUS_CHANGED events)." })
  @Column({ name: "status_after", type: "varchar", length: 20, nullable: true })
  statusAfter: LegalStatus | null;

  /** Exposed through CooperativeEventResolver: without people for non-staff. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  details: Record<string, unknown>;
}
