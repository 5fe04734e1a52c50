import { AuditEntry } from "@camau/shared";
import { DebtGroupThreshold } from "./DebtGroupThreshold";
import { Disbursement } from "./Disbursement";
import { Loan } from "./Loan";
import { LoanApplication } from "./LoanApplication";
import { LoanProduct } from "./LoanProduct";
import { LoanRestructuring } from "./LoanRestructuring";
import { LoanSchedule, ScheduleInstallment } from "./LoanSchedule";
import { Repayment } from "./Repayment";

/** Every table of the fund's database (the audit log's table is the shared one). */
export const fundEntities = [DebtGroupThreshold, Disbursement, Loan, LoanApplication, LoanProduct, LoanRestructuring, LoanSchedule, ScheduleInstallment, Repayment, AuditEntry];
