import { groupLoader, nestedPageLoader, rowLoader } from "@camau/shared";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { DebtGroupBand, debtGroupFor } from "../domain/debtGroups";
import { LoanStatus } from "../domain/enums";
import { LedgerLoan, LoanPosition, positionAsOf } from "../domain/ledger";
import { ledgerFrom } from "../domain/ledgerFromRows";
import { DebtGroupThreshold } from "../entities/DebtGroupThreshold";
import { Disbursement } from "../entities/Disbursement";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { LoanProduct } from "../entities/LoanProduct";
import { LoanRestructuring } from "../entities/LoanRestructuring";
import { LoanSchedule, ScheduleInstallment } from "../entities/LoanSchedule";
import { Repayment } from "../entities/Repayment";
import { loanPositionsSql } from "../report/positionsSql";

/** A cooperative's figures with the fund as of a date (Cooperative.fundSummary). */
export interface CooperativeFundFigures {
  cooperativeId: string;
  loanCount: number;
  activeLoanCount: number;
  outstandingPrincipal: number;
  disbursedToDate: number;
  overdueLoanCount: number;
  overdueAmount: number;
  maxDaysPastDue: number;
  worstDebtGroup: number | null;
}

/** A loan's position with its status and debt group (status/debtGroup null before signing). */
export interface LoanStanding extends LoanPosition {
  status: LoanStatus | null;
  debtGroup: number | null;
}

/** Status as of a date from the stored lifecycle dates and the position (mirrors positionsSql). */
export function statusOf(loan: Loan, position: LoanPosition, restructurings: readonly { effectiveOn: string }[], asOf: string): LoanStatus | null {
  if (loan.signedOn > asOf) return null;
  if (loan.writtenOffOn && loan.writtenOffOn <= asOf) return LoanStatus.WRITTEN_OFF;
  if (loan.closedOn && loan.closedOn <= asOf) return LoanStatus.CLOSED;
  if (position.daysPastDue > 0) return LoanStatus.OVERDUE;
  if (restructurings.some((r) => r.effectiveOn <= asOf)) return LoanStatus.RESTRUCTURED;
  return LoanStatus.ACTIVE;
}

/**
 * DataLoaders of one request. Every cross-entity field and every computed loan figure goes
 * through these, so statements per request do not grow with the number of loans returned.
 */
export function createLoaders(ds: DataSource) {
  let thresholds: Promise<DebtGroupBand[]> | undefined;
  const positions = new Map<string, Promise<LoanStanding>>();
  const summaries = new Map<string, DataLoader<string, CooperativeFundFigures>>();
  const loaders = {
    productById: rowLoader<string, LoanProduct>((ids) => ds.getRepository(LoanProduct).findBy({ id: In([...ids]) }), (p) => p.id),
    applicationById: rowLoader<string, LoanApplication>((ids) => ds.getRepository(LoanApplication).findBy({ id: In([...ids]) }), (a) => a.id),
    loanById: rowLoader<string, Loan>((ids) => ds.getRepository(Loan).findBy({ id: In([...ids]) }), (l) => l.id),
    loanByApplication: rowLoader<string, Loan>((ids) => ds.getRepository(Loan).findBy({ applicationId: In([...ids]) }), (l) => l.applicationId),
    disbursementsByLoan: groupLoader<string, Disbursement>(
      (ids) => ds.getRepository(Disbursement).find({ where: { loanId: In([...ids]) }, order: { trancheNumber: "ASC" } }),
      (d) => d.loanId,
    ),
    repaymentsByLoan: groupLoader<string, Repayment>(
      (ids) => ds.getRepository(Repayment).find({ where: { loanId: In([...ids]) }, order: { paidOn: "ASC", recordedAt: "ASC", id: "ASC" } }),
      (r) => r.loanId,
    ),
    schedulesByLoan: groupLoader<string, LoanSchedule>(
      (ids) => ds.getRepository(LoanSchedule).find({ where: { loanId: In([...ids]) }, order: { version: "ASC" } }),
      (s) => s.loanId,
    ),
    installmentsByLoan: groupLoader<string, ScheduleInstallment>(
      (ids) => ds.getRepository(ScheduleInstallment).find({ where: { loanId: In([...ids]) }, order: { number: "ASC" } }),
      (i) => i.loanId,
    ),
    restructuringsByLoan: groupLoader<string, LoanRestructuring>(
      (ids) => ds.getRepository(LoanRestructuring).find({ where: { loanId: In([...ids]) }, order: { effectiveOn: "ASC", recordedAt: "ASC" } }),
      (r) => r.loanId,
    ),

    /** The debt-group thresholds, read once per request. */
    debtGroupBands(): Promise<DebtGroupBand[]> {
      thresholds ??= ds.getRepository(DebtGroupThreshold).find({ order: { debtGroup: "ASC" } });
      return thresholds;
    },

    async ledgerOf(loan: Loan): Promise<LedgerLoan> {
      const [schedules, installments, disbursements, repayments] = await Promise.all([
        loaders.schedulesByLoan.load(loan.id),
        loaders.installmentsByLoan.load(loan.id),
        loaders.disbursementsByLoan.load(loan.id),
        loaders.repaymentsByLoan.load(loan.id),
      ]);
      return ledgerFrom(loan, schedules, installments, disbursements, repayments);
    },

    /** A loan's position, status and debt group as of a date (memoised per loan and date). */
    standingOf(loan: Loan, asOf: string): Promise<LoanStanding> {
      const key = `${loan.id}|${loan.version}|${asOf}`;
      let found = positions.get(key);
      if (!found) {
        found = (async () => {
          const [ledger, restructurings, bands] = await Promise.all([loaders.ledgerOf(loan), loaders.restructuringsByLoan.load(loan.id), loaders.debtGroupBands()]);
          const position = positionAsOf(ledger, asOf);
          const status = statusOf(loan, position, restructurings, asOf);
          const live = status !== null && status !== LoanStatus.CLOSED && status !== LoanStatus.WRITTEN_OFF;
          return { ...position, status, debtGroup: live ? debtGroupFor(position.daysPastDue, bands) : null };
        })();
        positions.set(key, found);
      }
      return found;
    },

    /** Cooperative.fundSummary for many cooperatives in one aggregate statement per date. */
    fundFiguresAsOf(asOf: string): DataLoader<string, CooperativeFundFigures> {
      let loader = summaries.get(asOf);
      if (!loader) {
        loader = new DataLoader<string, CooperativeFundFigures>(async (ids) => {
          const rows: Record<string, string | null>[] = await ds.query(
            `SELECT p.cooperative_id,
                    count(*) AS loan_count,
                    count(*) FILTER (WHERE p.status NOT IN ('CLOSED', 'WRITTEN_OFF')) AS active_loan_count,
                    coalesce(sum(p.outstanding), 0) AS outstanding,
                    coalesce(sum(p.disbursed), 0) AS disbursed,
                    count(*) FILTER (WHERE p.status = 'OVERDUE') AS overdue_loan_count,
                    coalesce(sum(p.overdue_principal + p.overdue_interest), 0) AS overdue_amount,
                    coalesce(max(p.dpd), 0) AS max_dpd,
                    max(p.debt_group) AS worst_debt_group
               FROM (${loanPositionsSql("$1::date", "l.cooperative_id = ANY($2::uuid[])")}) p
              GROUP BY p.cooperative_id`,
            [asOf, ids],
          );
          const byId = new Map(rows.map((r) => [String(r.cooperative_id), r]));
          return ids.map((id) => {
            const r = byId.get(id);
            return {
              cooperativeId: id,
              loanCount: Number(r?.loan_count ?? 0),
              activeLoanCount: Number(r?.active_loan_count ?? 0),
              outstandingPrincipal: Number(r?.outstanding ?? 0),
              disbursedToDate: Number(r?.disbursed ?? 0),
              overdueLoanCount: Number(r?.overdue_loan_count ?? 0),
              overdueAmount: Number(r?.overdue_amount ?? 0),
              maxDaysPastDue: Number(r?.max_dpd ?? 0),
              worstDebtGroup: r?.worst_debt_group == null ? null : Number(r.worst_debt_group),
            };
          });
        });
        summaries.set(asOf, loader);
      }
      return loader;
    },

    applicationsOfCooperative: nestedPageLoader<LoanApplication>(ds, {
      entity: LoanApplication,
      parentColumn: "cooperative_id",
      sortKeys: [{ expression: "w.submitted_on", direction: "DESC", valueOf: (a) => a.submittedOn }],
    }),
    loansOfCooperative: nestedPageLoader<Loan>(ds, {
      entity: Loan,
      parentColumn: "cooperative_id",
      sortKeys: [{ expression: "w.signed_on", direction: "DESC", valueOf: (l) => l.signedOn }],
    }),
    repaymentsOfLoan: nestedPageLoader<Repayment>(ds, {
      entity: Repayment,
      parentColumn: "loan_id",
      sortKeys: [{ expression: "w.paid_on", direction: "ASC", valueOf: (r) => r.paidOn }],
    }),
  };
  return loaders;
}

export type FundLoaders = ReturnType<typeof createLoaders>;
