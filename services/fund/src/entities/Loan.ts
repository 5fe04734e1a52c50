import { DateScalar, DateTimeScalar, MoneyScalar, Node, bigintTransformer } from "@camau/shared";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { LoanStatus, RepaymentMethod } from "../domain/enums";
import { BorrowerSnapshot } from "./BorrowerSnapshot";
import { numericTransformer } from "./transformers";

/**
 * A loan (khoản vay), created when the contract of an approved application is signed. The
 * stored `lifecycle` is ACTIVE, RESTRUCTURED, CLOSED or WRITTEN_OFF; the status as of a date
 * (which may be OVERDUE) is derived from the schedule and the repayments.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A loan of the fund to a cooperative under a signed contract (khoản vay theo hợp đồng tín dụng).", implements: Node })
@Entity("loan")
@Index(["cooperativeId", "signedOn"])
@Index(["firstDisbursedOn"])
export class Loan {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Contract number (số hợp đồng tín dụng), e.g. QHT-2021-0007." })
  @Column({ name: "contract_number", type: "varchar", length: 40, unique: true })
  contractNumber: string;

  @Column({ name: "application_id", type: "uuid", unique: true })
  applicationId: string;

  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Column({ name: "product_id", type: "uuid" })
  productId: string;

  @Field(() => DateScalar, { description: "Date the contract was signed (ngày ký hợp đồng)." })
  @Column({ name: "signed_on", type: "date" })
  signedOn: string;

  @Field({ description: "Who signed for the fund (token subject)." })
  @Column({ name: "signed_by", type: "varchar", length: 255 })
  signedBy: string;

  @Field(() => MoneyScalar, { description: "Contract amount: the approved principal, the most that may be disbursed in total (số tiền cho vay theo hợp đồng)." })
  @Column({ type: "bigint", transformer: bigintTransformer })
  principal: number;

  @Field(() => Float, { description: "Current interest rate, per cent per year (lãi suất, %/năm); a restructuring may change it." })
  @Column({ name: "annual_interest_rate", type: "numeric", precision: 7, scale: 4, transformer: numericTransformer })
  annualInterestRate: number;

  @Field(() => Int, { description: "Term in months from the first disbursement, as signed (thời hạn vay)." })
  @Column({ name: "term_months", type: "int" })
  termMonths: number;

  @Field(() => Int, { description: "Months of interest only before principal falls due (ân hạn gốc)." })
  @Column({ name: "grace_months", type: "int" })
  graceMonths: number;

  @Field(() => RepaymentMethod, { description: "How the principal is repaid (phương thức trả nợ)." })
  @Column({ name: "repayment_method", type: "varchar", length: 20 })
  repaymentMethod: RepaymentMethod;

  @Column({ name: "overdue_interest_percent", type: "int" })
  overdueInterestPercent: number;

  @Field(() => DateScalar, { nullable: true, description: "Date of the first disbursement (ngày giải ngân lần đầu); the project counts as funded in that period." })
  @Column({ name: "first_disbursed_on", type: "date", nullable: true })
  firstDisbursedOn: string | null;

  @Column({ name: "last_event_on", type: "date" })
  lastEventOn: string;

  @Column({ type: "varchar", length: 20 })
  lifecycle: LoanStatus;

  @Field(() => DateScalar, { nullable: true, description: "Date of the latest restructuring (ngày cơ cấu lại nợ gần nhất)." })
  @Column({ name: "restructured_on", type: "date", nullable: true })
  restructuredOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date the loan was fully repaid and closed (ngày tất toán)." })
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date the loan was written off (ngày xóa nợ)." })
  @Column({ name: "written_off_on", type: "date", nullable: true })
  writtenOffOn: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Principal written off as a loss, in đồng (dư nợ gốc đã xử lý rủi ro)." })
  @Column({ name: "written_off_principal", type: "bigint", nullable: true, transformer: bigintTransformer })
  writtenOffPrincipal: number | null;

  @Field(() => String, { nullable: true, description: "Who approved the write-off (token subject)." })
  @Column({ name: "written_off_by", type: "varchar", length: 255, nullable: true })
  writtenOffBy: string | null;

  @Field(() => String, { nullable: true, description: "Reason for the write-off (lý do xử lý rủi ro)." })
  @Column({ name: "write_off_reason", type: "text", nullable: true })
  writeOffReason: string | null;

  @Field(() => BorrowerSnapshot, { description: "The borrower's sector and district from the registry, as on the application." })
  @Column(() => BorrowerSnapshot, { prefix: false })
  borrower: BorrowerSnapshot;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when restructuring or writing off." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the loan was recorded." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the loan last changed." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Float, { description: "Overdue interest (lãi quá hạn) as a multiple of the rate, from the product when signed." })
  get overdueInterestMultiplier(): number {
    return this.overdueInterestPercent / 100;
  }
}
