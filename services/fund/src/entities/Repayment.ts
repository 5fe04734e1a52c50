import { bigintTransformer, DateScalar, DateTimeScalar, MoneyScalar } from "@camau/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A repayment, split when recorded: overdue interest first, then interest, then principal. */
@ObjectType({ description: "A repayment by the borrower (một lần trả nợ), split into overdue interest, interest and principal." })
@Entity("repayment")
@Index(["loanId", "paidOn"])
@Index(["paidOn"])
export class Repayment {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "loan_id", type: "uuid" })
  loanId: string;

  @Field(() => DateScalar, { description: "Date paid (ngày trả nợ)." })
  @Column({ name: "paid_on", type: "date" })
  paidOn: string;

  @Field(() => MoneyScalar, { description: "Amount paid in đồng (số tiền trả)." })
  @Column({ type: "bigint", transformer: bigintTransformer })
  amount: number;

  @Field(() => MoneyScalar, { description: "Part that paid overdue interest (trả lãi quá hạn)." })
  @Column({ name: "overdue_interest_part", type: "bigint", transformer: bigintTransformer })
  overdueInterestPart: number;

  @Field(() => MoneyScalar, { description: "Part that paid interest due (trả lãi)." })
  @Column({ name: "interest_part", type: "bigint", transformer: bigintTransformer })
  interestPart: number;

  @Field(() => MoneyScalar, { description: "Part that repaid principal (trả gốc)." })
  @Column({ name: "principal_part", type: "bigint", transformer: bigintTransformer })
  principalPart: number;

  @Field({ description: "The client's idempotency key: the same key again returns this repayment instead of recording it twice." })
  @Column({ name: "idempotency_key", type: "varchar", length: 100, unique: true })
  idempotencyKey: string;

  @Field({ description: "Who recorded it (token subject)." })
  @Column({ name: "recorded_by", type: "varchar", length: 255 })
  recordedBy: string;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
