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

/**
 * What a caller replaying one loan forward in time (the demo generator) lets the accrual remember
 * between calls: the overdue-interest numerator accrued through a day. It stays valid while records
 * are only appended, dated after that day: a schedule taking effect later, or a repayment made on
 * or after it, changes no day before. Checked on use (otherwise accrued again from the start).
 */
export interface PenaltyMemo {
  checkpoint?: { through: string; numerator: bigint; schedules: number; repayments: number; lastSchedule: ScheduleVersion | undefined; lastRepayment: { on: string; principal: number } | undefined };
  /** Each schedule's instalments in date order, known once: a schedule's instalments never change. */
  installmentsByDate?: Map<ScheduleVersion, readonly Installment[]>;
}

function installmentsByDate(schedule: ScheduleVersion, memo: PenaltyMemo | undefined): readonly Installment[] {
  if (!memo) return inDateOrder(schedule.installments, (i) => i.dueDate);
  const known = (memo.installmentsByDate ??= new Map());
  let byDate = known.get(schedule);
  if (!byDate) known.set(schedule, (byDate = inDateOrder(schedule.installments, (i) => i.dueDate)));
  return byDate;
}

/** The index of the first record dated on or after `date` in records in date order. */
function firstOnOrAfter<T>(records: readonly T[], dateOf: (record: T) => string, date: string): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dateOf(records[middle]) < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkpointHolds(loan: LedgerLoan, c: NonNullable<PenaltyMemo["checkpoint"]>): boolean {
  if (loan.schedules.length < c.schedules || loan.repayments.length < c.repayments) return false;
  if (loan.schedules[c.schedules - 1] !== c.lastSchedule) return false;
  const last = loan.repayments[c.repayments - 1];
  if (c.lastRepayment ? !last || last.on !== c.lastRepayment.on || last.principal !== c.lastRepayment.principal : last !== undefined) return false;
  for (let k = c.schedules; k < loan.schedules.length; k++) if (loan.schedules[k].effectiveFrom <= c.through) return false;
  for (let k = c.repayments; k < loan.repayments.length; k++) if (loan.repayments[k].on < c.through) return false;
  return true;
}

/** The records sorted by date (stable), the array itself when it already is: it usually is, and this runs on every position. */
function inDateOrder<T>(records: readonly T[], dateOf: (record: T) => string): readonly T[] {
  for (let k = 1; k < records.length; k++) {
    if (dateOf(records[k - 1]) > dateOf(records[k])) return [...records].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
  }
  return records;
}

/** Overdue interest accrued from the first disbursement through `asOf` (inclusive). */
export function accruedPenalty(loan: LedgerLoan, asOf: string, memo?: PenaltyMemo): number {
  if (!loan.schedules.length || loan.overdueMultiplierPercent === 0) return 0;
  let end = asOf;
  if (loan.closedOn) end = minDate(end, loan.closedOn);
  if (loan.writtenOffOn) end = minDate(end, loan.writtenOffOn);
  const start = loan.schedules.reduce((min, s) => (s.effectiveFrom < min ? s.effectiveFrom : min), loan.schedules[0].effectiveFrom);
  if (end <= start) return 0;
  // The penalty is a sum over days: each day's principal past due (due before the day by the
  // schedule in force, less the principal repaid before it) × the schedule's rate. Accrued from
  // a remembered day on when the memo allows it.
  let from = start;
  let numerator = 0n;
  const remembered = memo?.checkpoint;
  if (remembered && remembered.through > start && remembered.through <= end && checkpointHolds(loan, remembered)) {
    from = remembered.through;
    numerator = remembered.numerator;
  }
  const repayments = inDateOrder(loan.repayments, (r) => r.on);
  // The latest record's day: no record to come changes a day before it (see PenaltyMemo).
  let latest = start;
  for (const s of loan.schedules) if (s.effectiveFrom > latest) latest = s.effectiveFrom;
  if (repayments.length && repayments[repayments.length - 1].on > latest) latest = repayments[repayments.length - 1].on;
  const keepFrom = latest <= end ? latest : null;
  // The overdue principal changes only the day after a due date or a payment, or when a new
  // schedule takes effect: accrue segment by segment between those days. Only the records
  // dated from `from` to `end` matter, found by bisection in date order (a replay calls this on
  // every position of a loan whose records are mostly before `from`).
  const breaks = new Set<string>();
  for (const s of loan.schedules) {
    if (s.effectiveFrom > from && s.effectiveFrom <= end) breaks.add(s.effectiveFrom);
    const byDate = installmentsByDate(s, memo);
    for (let k = firstOnOrAfter(byDate, (i) => i.dueDate, from); k < byDate.length && byDate[k].dueDate < end; k++) breaks.add(addDays(byDate[k].dueDate, 1));
  }
  for (let k = firstOnOrAfter(repayments, (r) => r.on, from); k < repayments.length && repayments[k].on < end; k++) breaks.add(addDays(repayments[k].on, 1));
  if (keepFrom !== null && keepFrom > from) breaks.add(keepFrom);
  const first = addDays(from, 1);
  const days = [...breaks].filter((d) => d > first && d <= end).sort();
  const segmentStarts = [first, ...days];
  // Segments come in date order, so the principal paid before a segment and the principal each
  // schedule has due before it are running sums.
  let repaid = 0;
  let nextRepayment = 0;
  const dueSoFar = new Map<ScheduleVersion, { next: number; due: number; byDate: readonly Installment[] }>();
  let kept: bigint | null = null;
  for (let k = 0; k < segmentStarts.length; k++) {
    const segment = segmentStarts[k];
    if (segment === keepFrom) kept = numerator;
    const to = k + 1 < segmentStarts.length ? segmentStarts[k + 1] : addDays(end, 1);
    const length = daysBetween(segment, to);
    if (length <= 0) continue;
    while (nextRepayment < repayments.length && repayments[nextRepayment].on < segment) repaid += repayments[nextRepayment++].principal;
    // Principal of the schedule in force on the segment's first day that fell due before it, not paid before it.
    const schedule = scheduleAt(loan, segment);
    if (!schedule) continue;
    let running = dueSoFar.get(schedule);
    if (!running) dueSoFar.set(schedule, (running = { next: 0, due: 0, byDate: installmentsByDate(schedule, memo) }));
    while (running.next < running.byDate.length && running.byDate[running.next].dueDate < segment) running.due += running.byDate[running.next++].principal;
    const amount = Math.max(0, running.due - repaid);
    if (amount > 0) numerator += BigInt(amount) * BigInt(length) * BigInt(schedule.annualRateE4);
  }
  if (memo && kept !== null) {
    const lastRepayment = loan.repayments[loan.repayments.length - 1];
    memo.checkpoint = {
      through: addDays(keepFrom!, -1),
      numerator: kept,
      schedules: loan.schedules.length,
      repayments: loan.repayments.length,
      lastSchedule: loan.schedules[loan.schedules.length - 1],
      lastRepayment: lastRepayment && { on: lastRepayment.on, principal: lastRepayment.principal },
    };
  }
  // amount × days × (rateE4 / 10^4 / 100) × (multiplier / 100) / 365
  return Number(divideRounded(numerator * BigInt(loan.overdueMultiplierPercent), 365n * 10_000n * 100n * 100n));
}

/** The loan's position at the end of `asOf`, including repayments made on that day. */
export function positionAsOf(loan: LedgerLoan, asOf: string, memo?: PenaltyMemo): LoanPosition {
  const disbursed = sum(loan.disbursements.filter((d) => d.on <= asOf).map((d) => d.amount));
  const paid = paidUpTo(loan, asOf);
  const writtenOff = loan.writtenOffOn !== null && loan.writtenOffOn <= asOf;
  const closed = loan.closedOn !== null && loan.closedOn <= asOf;
  const writtenOffPrincipal = writtenOff ? (loan.writtenOffPrincipal ?? 0) : 0;
  // Object literals written out, not spread from a common part: spreading made building the
  // result the costliest step of a position (the demo generator computes millions of them).
  if (writtenOff || closed) {
    return {
      asOf,
      disbursed,
      principalRepaid: paid.principal,
      interestRepaid: paid.interest,
      overdueInterestRepaid: paid.overdueInterest,
      writtenOffPrincipal,
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
  const penaltyInterest = Math.max(0, accruedPenalty(loan, asOf, memo) - paid.overdueInterest);
  return {
    asOf,
    disbursed,
    principalRepaid: paid.principal,
    interestRepaid: paid.interest,
    overdueInterestRepaid: paid.overdueInterest,
    writtenOffPrincipal,
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

/**
 * Splits a repayment made on `on`: overdue interest → interest due → principal (due, then ahead).
 * `known`: the loan's position on `on` (`positionAsOf` of this ledger), when the caller has it.
 */
export function allocateRepayment(loan: LedgerLoan, on: string, amount: number, memo?: PenaltyMemo, known?: LoanPosition): Allocation {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError("a repayment must be a positive whole number of đồng");
  // The demo generator has just computed the position on that day, of the same ledger: one position fewer per repayment.
  const before = known ?? positionAsOf(loan, on, memo);
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
  const after = positionAsOf(withPayment, on, memo);
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
