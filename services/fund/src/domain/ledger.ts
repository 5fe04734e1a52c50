import { addDays, daysBetween, minDate } from "@camau/shared";
import { InstallmentStatus } from "./enums";
import { DomainError, divideRounded, sum } from "./money";
import { Installment } from "./schedule";

/**
 * A loan's account as of any date, computed from its records: the schedule versions, the
 * disbursements and the repayments (each already split into its parts when it was recorded).
 *
 * Rules (the SQL in report/positionsSql.ts computes the same figures in aggregate, and a test
 * checks that the two agree on the demo data):
 * - The schedule in force on a date is the latest version whose `effectiveFrom` is on or before it.
 * - An instalment is due on its due date and past due from the next day. Payments cover the
 *   instalments in order: principal paid covers the principal parts, interest paid the interest
 *   parts, cumulatively.
 * - Days past due (số ngày quá hạn) = days since the due date of the oldest instalment whose
 *   principal or interest is not yet covered; 0 when nothing due is unpaid.
 * - Overdue interest (lãi quá hạn, the penalty) accrues each day on the principal past due at the
 *   start of that day, at the schedule's rate × the product's multiplier (150 % in practice),
 *   actual/365, and is rounded to the đồng once, on the total.
 * - A repayment goes to overdue interest first, then interest due, then principal (due first, then
 *   ahead of schedule); paying more than the outstanding principal plus what is due is refused.
 * - Closed and written-off loans owe nothing after the closing or write-off date.
 */

export interface ScheduleVersion {
  version: number;
  effectiveFrom: string;
  annualRateE4: number;
  installments: readonly Installment[];
}

export interface LedgerDisbursement {
  on: string;
  amount: number;
}

export interface LedgerRepayment {
  on: string;
  overdueInterest: number;
  interest: number;
  principal: number;
}

export interface LedgerLoan {
  /** Overdue-interest multiplier in per cent of the rate (150 = 1.5 × the rate). */
  overdueMultiplierPercent: number;
  schedules: readonly ScheduleVersion[];
  disbursements: readonly LedgerDisbursement[];
  repayments: readonly LedgerRepayment[];
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOffPrincipal: number | null;
}

export interface LoanPosition {
  asOf: string;
  disbursed: number;
  principalRepaid: number;
  interestRepaid: number;
  overdueInterestRepaid: number;
  outstandingPrincipal: number;
  writtenOffPrincipal: number;
  /** Principal and interest of instalments due on or before the date, not yet paid. */
  principalDue: number;
  interestDue: number;
  /** Of those, the part past its due date. */
  overduePrincipal: number;
  overdueInterest: number;
  /** Overdue interest (penalty) accrued and not yet paid. */
  penaltyInterest: number;
  daysPastDue: number;
  oldestUnpaidDueDate: string | null;
  /** Everything owed on the date: outstanding principal, interest due and penalty. */
  payoffAmount: number;
}

export interface InstallmentStanding extends Installment {
  principalPaid: number;
  interestPaid: number;
  status: InstallmentStatus;
}

/** The schedule version in force on a date, or null before the first disbursement. */
export function scheduleAt(loan: Pick<LedgerLoan, "schedules">, date: string): ScheduleVersion | null {
  let found: ScheduleVersion | null = null;
  for (const s of loan.schedules) {
    if (s.effectiveFrom <= date && (!found || s.version > found.version)) found = s;
  }
  return found;
}

function paidUpTo(loan: LedgerLoan, date: string, strictlyBefore = false) {
  let principal = 0;
  let interest = 0;
  let overdueInterest = 0;
  for (const r of loan.repayments) {
    if (strictlyBefore ? r.on < date : r.on <= date) {
      principal += r.principal;
      interest += r.interest;
      overdueInterest += r.overdueInterest;
    }
  }
  return { principal, interest, overdueInterest };
}

/** Overdue interest accrued from the first disbursement through `asOf` (inclusive). */
export function accruedPenalty(loan: LedgerLoan, asOf: string): number {
  if (!loan.schedules.length || loan.overdueMultiplierPercent === 0) return 0;
  let end = asOf;
  if (loan.closedOn) end = minDate(end, loan.closedOn);
  if (loan.writtenOffOn) end = minDate(end, loan.writtenOffOn);
  const start = loan.schedules.reduce((min, s) => (s.effectiveFrom < min ? s.effectiveFrom : min), loan.schedules[0].effectiveFrom);
  if (end <= start) return 0;
  // The overdue principal changes only the day after a due date or a payment, or when a new
  // schedule takes effect: accrue segment by segment between those days.
  const breaks = new Set<string>();
  for (const s of loan.schedules) {
    breaks.add(s.effectiveFrom);
    for (const i of s.installments) breaks.add(addDays(i.dueDate, 1));
  }
  for (const r of loan.repayments) breaks.add(addDays(r.on, 1));
  const days = [...breaks].filter((d) => d > start && d <= end).sort();
  const segmentStarts = [addDays(start, 1), ...days.filter((d) => d > addDays(start, 1))];
  // Segments come in date order, so the principal paid before a segment and the principal each
  // schedule has due before it are running sums (the ledger is replayed on every due date by the
  // demo generator: one pass here instead of one per segment).
  const repayments = [...loan.repayments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let repaid = 0;
  let nextRepayment = 0;
  const dueSoFar = new Map<ScheduleVersion, { next: number; due: number; byDate: readonly Installment[] }>();
  let numerator = 0n;
  for (let k = 0; k < segmentStarts.length; k++) {
    const from = segmentStarts[k];
    const to = k + 1 < segmentStarts.length ? segmentStarts[k + 1] : addDays(end, 1);
    const length = daysBetween(from, to);
    if (length <= 0) continue;
    while (nextRepayment < repayments.length && repayments[nextRepayment].on < from) repaid += repayments[nextRepayment++].principal;
    // Principal of the schedule in force on `from` that fell due before it, not paid before it.
    const schedule = scheduleAt(loan, from);
    if (!schedule) continue;
    let running = dueSoFar.get(schedule);
    if (!running) dueSoFar.set(schedule, (running = { next: 0, due: 0, byDate: [...schedule.installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)) }));
    while (running.next < running.byDate.length && running.byDate[running.next].dueDate < from) running.due += running.byDate[running.next++].principal;
    const amount = Math.max(0, running.due - repaid);
    if (amount > 0) numerator += BigInt(amount) * BigInt(length) * BigInt(schedule.annualRateE4);
  }
  // amount × days × (rateE4 / 10^4 / 100) × (multiplier / 100) / 365
  return Number(divideRounded(numerator * BigInt(loan.overdueMultiplierPercent), 365n * 10_000n * 100n * 100n));
}

/** The loan's position at the end of `asOf`, including repayments made on that day. */
export function positionAsOf(loan: LedgerLoan, asOf: string): LoanPosition {
  const disbursed = sum(loan.disbursements.filter((d) => d.on <= asOf).map((d) => d.amount));
  const paid = paidUpTo(loan, asOf);
  const writtenOff = loan.writtenOffOn !== null && loan.writtenOffOn <= asOf;
  const closed = loan.closedOn !== null && loan.closedOn <= asOf;
  const base = {
    asOf,
    disbursed,
    principalRepaid: paid.principal,
    interestRepaid: paid.interest,
    overdueInterestRepaid: paid.overdueInterest,
    writtenOffPrincipal: writtenOff ? (loan.writtenOffPrincipal ?? 0) : 0,
  };
  if (writtenOff || closed) {
    return {
      ...base,
      outstandingPrincipal: 0,
      principalDue: 0,
      interestDue: 0,
      overduePrincipal: 0,
      overdueInterest: 0,
      penaltyInterest: 0,
      daysPastDue: 0,
      oldestUnpaidDueDate: null,
      payoffAmount: 0,
    };
  }
  const schedule = scheduleAt(loan, asOf);
  let cumPrincipal = 0;
  let cumInterest = 0;
  let duePrincipal = 0;
  let dueInterest = 0;
  let pastPrincipal = 0;
  let pastInterest = 0;
  let oldest: string | null = null;
  for (const i of schedule?.installments ?? []) {
    if (i.dueDate > asOf) break;
    cumPrincipal += i.principal;
    cumInterest += i.interest;
    duePrincipal = cumPrincipal;
    dueInterest = cumInterest;
    if (i.dueDate < asOf) {
      pastPrincipal = cumPrincipal;
      pastInterest = cumInterest;
    }
    if (oldest === null && (cumPrincipal > paid.principal || cumInterest > paid.interest)) oldest = i.dueDate;
  }
  const outstandingPrincipal = disbursed - paid.principal;
  const principalDue = Math.min(outstandingPrincipal, Math.max(0, duePrincipal - paid.principal));
  const interestDue = Math.max(0, dueInterest - paid.interest);
  const penaltyInterest = Math.max(0, accruedPenalty(loan, asOf) - paid.overdueInterest);
  return {
    ...base,
    outstandingPrincipal,
    principalDue,
    interestDue,
    overduePrincipal: Math.min(outstandingPrincipal, Math.max(0, pastPrincipal - paid.principal)),
    overdueInterest: Math.max(0, pastInterest - paid.interest),
    penaltyInterest,
    daysPastDue: oldest ? daysBetween(oldest, asOf) : 0,
    oldestUnpaidDueDate: oldest,
    payoffAmount: outstandingPrincipal + interestDue + penaltyInterest,
  };
}

export interface Allocation {
  overdueInterest: number;
  interest: number;
  principal: number;
  /** The position after the repayment. */
  after: LoanPosition;
  /** True when nothing is owed any more: the loan closes. */
  settles: boolean;
}

/** Splits a repayment made on `on`: overdue interest → interest due → principal (due, then ahead). */
export function allocateRepayment(loan: LedgerLoan, on: string, amount: number): Allocation {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError("a repayment must be a positive whole number of đồng");
  const before = positionAsOf(loan, on);
  if (amount > before.payoffAmount) {
    throw new DomainError(`the repayment exceeds what is owed on ${on}: at most ${before.payoffAmount} đồng (principal ${before.outstandingPrincipal}, interest due ${before.interestDue}, overdue interest ${before.penaltyInterest})`);
  }
  let rest = amount;
  const overdueInterest = Math.min(rest, before.penaltyInterest);
  rest -= overdueInterest;
  const interest = Math.min(rest, before.interestDue);
  rest -= interest;
  const principal = Math.min(rest, before.outstandingPrincipal);
  const withPayment: LedgerLoan = { ...loan, repayments: [...loan.repayments, { on, overdueInterest, interest, principal }] };
  const after = positionAsOf(withPayment, on);
  return { overdueInterest, interest, principal, after, settles: after.payoffAmount === 0 && after.outstandingPrincipal === 0 };
}

/** Each instalment of a schedule with what has been paid towards it as of a date. */
export function installmentStandings(loan: LedgerLoan, schedule: ScheduleVersion, asOf: string): InstallmentStanding[] {
  const paid = paidUpTo(loan, asOf);
  const settled = (loan.closedOn !== null && loan.closedOn <= asOf) || (loan.writtenOffOn !== null && loan.writtenOffOn <= asOf);
  let principalLeft = paid.principal;
  let interestLeft = paid.interest;
  return schedule.installments.map((i) => {
    const principalPaid = Math.min(i.principal, principalLeft);
    const interestPaid = Math.min(i.interest, interestLeft);
    principalLeft -= principalPaid;
    interestLeft -= interestPaid;
    const full = principalPaid === i.principal && interestPaid === i.interest;
    let status: InstallmentStatus;
    if (full || (settled && loan.closedOn !== null)) status = InstallmentStatus.PAID;
    else if (i.dueDate < asOf) status = InstallmentStatus.OVERDUE;
    else if (i.dueDate === asOf) status = InstallmentStatus.DUE;
    else status = principalPaid + interestPaid > 0 ? InstallmentStatus.PARTLY_PAID : InstallmentStatus.UPCOMING;
    return { ...i, principalPaid, interestPaid, status };
  });
}
