import type { Disbursement } from "../entities/Disbursement";
import type { Loan } from "../entities/Loan";
import type { LoanSchedule, ScheduleInstallment } from "../entities/LoanSchedule";
import type { Repayment } from "../entities/Repayment";
import { LedgerLoan, ScheduleVersion } from "./ledger";
import { rateE4 } from "./money";

/**
 * The stored rows of a loan as the ledger sees them: read by the loaders (positions as of a date)
 * and by the loan service (rules checked inside a mutation's transaction) alike.
 */
/** Builds the domain ledger of a loan from its rows. */
export function ledgerFrom(loan: Loan, schedules: LoanSchedule[], installments: ScheduleInstallment[], disbursements: Disbursement[], repayments: Repayment[]): LedgerLoan {
  const bySchedule = new Map<string, ScheduleInstallment[]>();
  for (const i of installments) {
    const list = bySchedule.get(i.scheduleId);
    if (list) list.push(i);
    else bySchedule.set(i.scheduleId, [i]);
  }
  const versions: ScheduleVersion[] = schedules
    .map((s) => ({
      version: s.version,
      effectiveFrom: s.effectiveFrom,
      annualRateE4: rateE4(s.annualInterestRate),
      installments: (bySchedule.get(s.id) ?? [])
        .sort((a, b) => a.number - b.number)
        .map((i) => ({ number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest })),
    }))
    .sort((a, b) => a.version - b.version);
  return {
    overdueMultiplierPercent: loan.overdueInterestPercent,
    schedules: versions,
    disbursements: disbursements.map((d) => ({ on: d.disbursedOn, amount: d.amount })),
    repayments: repayments.map((r) => ({ on: r.paidOn, overdueInterest: r.overdueInterestPart, interest: r.interestPart, principal: r.principalPart })),
    closedOn: loan.closedOn,
    writtenOffOn: loan.writtenOffOn,
    writtenOffPrincipal: loan.writtenOffPrincipal,
  };
}
