import { bigintTransformer, DateScalar, DateTimeScalar, MoneyScalar } from "@camau/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "One tranche of money paid out under a loan contract (một lần giải ngân)." })
@Entity("disbursement")
@Index(["loanId", "trancheNumber"], { unique: true })
@Index(["disbursedOn"])
export class Disbursement {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "loan_id", type: "uuid" })
  loanId: string;

  @Field(() => Int, { description: "1 for the first tranche, 2 for the second… (lần giải ngân)." })
  @Column({ name: "tranche_number", type: "int" })
  trancheNumber: number;

  @Field(() => DateScalar, { description: "Date paid out (ngày giải ngân)." })
  @Column({ name: "disbursed_on", type: "date" })
  disbursedOn: string;

  @Field(() => MoneyScalar, { description: "Amount in đồng (số tiền giải ngân)." })
  @Column({ type: "bigint", transformer: bigintTransformer })
  amount: number;

  @Field({ description: "The client's idempotency key: the same key again returns this tranche instead of paying twice." })
  @Column({ name: "idempotency_key", type: "varchar", length: 100, unique: true })
  idempotencyKey: string;

  @Field(() => String, { nullable: true, description: "Note, e.g. what the tranche finances." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field({ description: "Who recorded it (token subject)." })
  @Column({ name: "recorded_by", type: "varchar", length: 255 })
  recordedBy: string;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
