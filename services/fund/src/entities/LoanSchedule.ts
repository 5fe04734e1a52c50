import { bigintTransformer } from "@camau/shared";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ScheduleReason } from "../domain/enums";
import { numericTransformer } from "./transformers";

/**
 * One version of a loan's repayment schedule. A new version is written when a tranche is
 * disbursed or the loan is restructured; older versions stay, so any past date is computed with
 * the schedule that was in force then.
 */
@Entity("loan_schedule")
@Index(["loanId", "version"], { unique: true })
export class LoanSchedule {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "loan_id", type: "uuid" })
  loanId: string;

  @Column({ type: "int" })
  version: number;

  @Column({ name: "effective_from", type: "date" })
  effectiveFrom: string;

  @Column({ type: "varchar", length: 20 })
  reason: ScheduleReason;

  @Column({ name: "annual_interest_rate", type: "numeric", precision: 7, scale: 4, transformer: numericTransformer })
  annualInterestRate: number;
}

@Entity("schedule_installment")
@Index(["scheduleId", "number"], { unique: true })
@Index(["loanId"])
export class ScheduleInstallment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "schedule_id", type: "uuid" })
  scheduleId: string;

  @Column({ name: "loan_id", type: "uuid" })
  loanId: string;

  @Column({ type: "int" })
  number: number;

  @Column({ name: "due_date", type: "date" })
  dueDate: string;

  @Column({ type: "bigint", transformer: bigintTransformer })
  principal: number;

  @Column({ type: "bigint", transformer: bigintTransformer })
  interest: number;
}
