import { ChangePayload } from "@camau/shared";
import { Field, ObjectType } from "type-graphql";
import { DebtGroupThreshold } from "../entities/DebtGroupThreshold";
import { Disbursement } from "../entities/Disbursement";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { LoanProduct } from "../entities/LoanProduct";
import { LoanRestructuring } from "../entities/LoanRestructuring";
import { Repayment } from "../entities/Repayment";

export const LoanApplicationPayload = ChangePayload("LoanApplicationPayload", "application", LoanApplication, "loan application", "application");
export type LoanApplicationPayload = InstanceType<typeof LoanApplicationPayload>;

@ObjectType({ description: "Result of signing a loan contract." })
export class SignLoanContractPayload {
  @Field(() => LoanApplication, { description: "The approved application." })
  application: LoanApplication;

  @Field(() => Loan, { description: "The loan created by the contract." })
  loan: Loan;
}

@ObjectType({ description: "Result of a disbursement (or of repeating one with the same idempotency key)." })
export class DisbursementPayload {
  @Field(() => Disbursement, { description: "The tranche recorded." })
  disbursement: Disbursement;

  @Field(() => Loan, { description: "The loan after the disbursement." })
  loan: Loan;

  @Field({ description: "True when the idempotency key had been used before: nothing new was recorded." })
  replayed: boolean;
}

@ObjectType({ description: "Result of recording a repayment (or of repeating one with the same idempotency key)." })
export class RepaymentPayload {
  @Field(() => Repayment, { description: "The repayment recorded, with its split." })
  repayment: Repayment;

  @Field(() => Loan, { description: "The loan after the repayment; CLOSED when nothing is owed any more." })
  loan: Loan;

  @Field({ description: "True when the idempotency key had been used before: nothing new was recorded." })
  replayed: boolean;
}

@ObjectType({ description: "Result of restructuring a loan." })
export class RestructureLoanPayload {
  @Field(() => Loan, { description: "The loan with its new schedule." })
  loan: Loan;

  @Field(() => LoanRestructuring, { description: "The restructuring recorded." })
  restructuring: LoanRestructuring;
}

export const LoanPayload = ChangePayload("LoanPayload", "loan", Loan, "loan");
export type LoanPayload = InstanceType<typeof LoanPayload>;

export const LoanProductPayload = ChangePayload("LoanProductPayload", "product", LoanProduct, "loan product", "product");
export type LoanProductPayload = InstanceType<typeof LoanProductPayload>;

@ObjectType({ description: "Result of configuring the debt groups." })
export class DebtGroupThresholdsPayload {
  @Field(() => [DebtGroupThreshold], { description: "The thresholds now in force, group 1 first." })
  thresholds: DebtGroupThreshold[];
}
