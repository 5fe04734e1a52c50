import { CacheHint, Connection } from "@camau/shared";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { Repayment } from "../entities/Repayment";

/** The fund's connection types, declared once. */
export const LoanConnection = Connection(Loan, "Loan", "loan");
export const LoanApplicationConnection = Connection(LoanApplication, "LoanApplication", "loan application");
export const RepaymentConnection = Connection(Repayment, "Repayment", "repayment");
