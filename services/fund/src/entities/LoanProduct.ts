import { DateTimeScalar, MoneyScalar, Node, bigintTransformer, CacheHint } from "@camau/shared";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { LoanProductKind, RepaymentMethod } from "../domain/enums";
import { numericTransformer } from "./transformers";

/** A loan product is configuration data: the fund changes its terms without a deployment. */
@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A loan product of the fund (sản phẩm cho vay): the terms an application is made and appraised against.", implements: Node })
@Entity("loan_product")
export class LoanProduct {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Short code, e.g. DA-DAU-TU (mã sản phẩm)." })
  @Column({ type: "varchar", length: 40, unique: true })
  code: string;

  @Field({ description: "Vietnamese name (tên sản phẩm), e.g. Cho vay dự án đầu tư." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => LoanProductKind, { description: "Kind of loan (loại cho vay)." })
  @Column({ type: "varchar", length: 30 })
  kind: LoanProductKind;

  @Field(() => MoneyScalar, { description: "Largest amount one loan may have, in đồng (mức cho vay tối đa)." })
  @Column({ name: "max_amount", type: "bigint", transformer: bigintTransformer })
  maxAmount: number;

  @Field(() => Int, { description: "Longest term in months (thời hạn cho vay tối đa)." })
  @Column({ name: "max_term_months", type: "int" })
  maxTermMonths: number;

  @Field(() => Float, { description: "Standard interest rate, per cent per year (lãi suất cho vay, %/năm); the monthly rate is a twelfth of it." })
  @Column({ name: "annual_interest_rate", type: "numeric", precision: 7, scale: 4, transformer: numericTransformer })
  annualInterestRate: number;

  @Field(() => Int, { description: "Months of interest-only payments before principal falls due (thời gian ân hạn gốc)." })
  @Column({ name: "grace_months", type: "int" })
  graceMonths: number;

  @Field({ description: "Whether a loan needs collateral (yêu cầu tài sản bảo đảm)." })
  @Column({ name: "collateral_required", type: "boolean" })
  collateralRequired: boolean;

  @Field(() => RepaymentMethod, { description: "How the principal is repaid (phương thức trả nợ)." })
  @Column({ name: "repayment_method", type: "varchar", length: 20 })
  repaymentMethod: RepaymentMethod;

  @Column({ name: "overdue_interest_percent", type: "int" })
  overdueInterestPercent: number;

  @Field(() => Float, { description: "Overdue interest (lãi quá hạn) as a multiple of the loan's rate, e.g. 1.5 for 150 %; it accrues daily on principal past due." })
  get overdueInterestMultiplier(): number {
    return this.overdueInterestPercent / 100;
  }

  @Field({ description: "Whether new applications may use it (đang áp dụng)." })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when updating." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the product was created." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the product was last changed." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
