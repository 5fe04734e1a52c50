import { addMonths } from "@camau/shared";
import { RepaymentMethod } from "./enums";
import { assertMoney, DomainError, monthlyInterest, sum } from "./money";

/**
 * Repayment schedules (lịch trả nợ), pure and exact: amounts are whole đồng, interest is one
 * month's interest on the scheduled balance (rate / 12, rounded half up), and the principal parts
 * always sum exactly to the principal because the last instalment takes whatever is left (it
 * absorbs the rounding of the others).
 *
 * Methods, after `graceMonths` months of interest only (ân hạn gốc):
 * - EQUAL_PRINCIPAL: each remaining month repays floor(principal / months); the last the rest.
 * - ANNUITY: the same total every month, P·r / (1 − (1 + r)^−n) rounded to the đồng; its principal
 *   part grows as interest falls; the last instalment repays the remaining balance.
 * - BULLET: interest monthly, all principal in the last instalment (grace has no effect).
 */

export interface Installment {
  /** 1-based position in the loan's schedule. */
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
}

export interface ScheduleTerms {
  principal: number;
  /** Annual rate in units of 10^-4 per cent (see money.ts). */
  annualRateE4: number;
  termMonths: number;
  graceMonths: number;
  method: RepaymentMethod;
  /** Date the money was disbursed: instalments fall due monthly from it. */
  startDate: string;
}

export interface AmortizeOptions {
  balance: number;
  annualRateE4: number;
  method: RepaymentMethod;
  dueDates: readonly string[];
  /** How many of the first instalments are interest only. */
  graceCount: number;
  firstNumber: number;
  /** Interest carried into the first instalment (unpaid interest deferred by a restructuring). */
  carriedInterest?: number;
}

function annuityPayment(balance: number, annualRateE4: number, months: number): number {
  if (annualRateE4 === 0) return Math.ceil(balance / months);
  const r = annualRateE4 / (12 * 100 * 10_000);
  return Math.round((balance * r) / (1 - Math.pow(1 + r, -months)));
}

/** Spreads a balance over the given due dates by a method. The core of every schedule. */
export function amortize(options: AmortizeOptions): Installment[] {
  const { balance, annualRateE4, method, dueDates, firstNumber } = options;
  assertMoney(balance, "the balance");
  const n = dueDates.length;
  if (n === 0) throw new DomainError("a schedule needs at least one instalment");
  const grace = Math.max(0, Math.min(options.graceCount, n - 1));
  const amortizing = n - grace;
  const equalPart = Math.floor(balance / amortizing);
  const payment = method === RepaymentMethod.ANNUITY ? annuityPayment(balance, annualRateE4, amortizing) : 0;
  const out: Installment[] = [];
  let remaining = balance;
  for (let i = 0; i < n; i++) {
    const interest = monthlyInterest(remaining, annualRateE4) + (i === 0 ? (options.carriedInterest ?? 0) : 0);
    let principal: number;
    if (i === n - 1) principal = remaining;
    else if (i < grace) principal = 0;
    else if (method === RepaymentMethod.EQUAL_PRINCIPAL) principal = Math.min(remaining, equalPart);
    else if (method === RepaymentMethod.ANNUITY) principal = Math.min(remaining, Math.max(0, payment - monthlyInterest(remaining, annualRateE4)));
    else principal = 0;
    remaining -= principal;
    out.push({ number: firstNumber + i, dueDate: dueDates[i], principal, interest });
  }
  return out;
}

export function validateTerms(terms: Pick<ScheduleTerms, "termMonths" | "graceMonths">): void {
  if (!Number.isInteger(terms.termMonths) || terms.termMonths < 1 || terms.termMonths > 600) throw new DomainError("the term must be 1 to 600 months");
  if (!Number.isInteger(terms.graceMonths) || terms.graceMonths < 0) throw new DomainError("grace months cannot be negative");
  if (terms.graceMonths >= terms.termMonths) throw new DomainError("the grace period must be shorter than the term");
}

/** Monthly due dates from a start date: start + 1 month, …, start + `months` months. */
export function monthlyDueDates(startDate: string, months: number): string[] {
  return Array.from({ length: months }, (_, k) => addMonths(startDate, k + 1));
}

/** The schedule of a principal disbursed at once on `startDate`. */
export function buildSchedule(terms: ScheduleTerms): Installment[] {
  validateTerms(terms);
  if (terms.principal <= 0) throw new DomainError("the principal must be positive");
  return amortize({
    balance: terms.principal,
    annualRateE4: terms.annualRateE4,
    method: terms.method,
    dueDates: monthlyDueDates(terms.startDate, terms.termMonths),
    graceCount: terms.graceMonths,
    firstNumber: 1,
  });
}

/**
 * A further tranche (giải ngân bổ sung) disbursed on `on`: instalments due on or before it stay as
 * they were; the scheduled balance plus the tranche is spread over the remaining due dates (the
 * maturity does not move), with what is left of the grace period.
 */
export function rescheduleForTranche(
  current: readonly Installment[],
  tranche: { on: string; amount: number; annualRateE4: number; method: RepaymentMethod; graceMonths: number },
): Installment[] {
  assertMoney(tranche.amount, "the tranche");
  const kept = current.filter((i) => i.dueDate <= tranche.on);
  const future = current.filter((i) => i.dueDate > tranche.on);
  if (future.length === 0) throw new DomainError("the loan has reached maturity: no tranche can be disbursed after the last instalment");
  const balance = sum(current.map((i) => i.principal)) - sum(kept.map((i) => i.principal)) + tranche.amount;
  return [
    ...kept,
    ...amortize({
      balance,
      annualRateE4: tranche.annualRateE4,
      method: tranche.method,
      dueDates: future.map((i) => i.dueDate),
      graceCount: Math.max(0, tranche.graceMonths - kept.length),
      firstNumber: kept.length + 1,
    }),
  ];
}

/**
 * Restructuring (cơ cấu lại thời hạn trả nợ) on `on`: the instalments due by then are reduced to
 * what was actually paid towards them (so nothing stays past due), interest due but unpaid is
 * deferred into the first new instalment, and the disbursed principal not covered by the kept
 * instalments is spread over `remainingMonths` new monthly instalments from `on`, with
 * `graceMonths` of interest only, at the (possibly new) rate.
 */
export function restructureSchedule(
  current: readonly Installment[],
  change: {
    on: string;
    disbursed: number;
    principalPaid: number;
    interestPaid: number;
    annualRateE4: number;
    method: RepaymentMethod;
    remainingMonths: number;
    graceMonths: number;
  },
): Installment[] {
  validateTerms({ termMonths: change.remainingMonths, graceMonths: change.graceMonths });
  let principalLeft = change.principalPaid;
  let interestLeft = change.interestPaid;
  let deferredInterest = 0;
  const kept: Installment[] = [];
  for (const i of current.filter((x) => x.dueDate <= change.on)) {
    const principal = Math.min(i.principal, principalLeft);
    const interest = Math.min(i.interest, interestLeft);
    principalLeft -= principal;
    interestLeft -= interest;
    deferredInterest += i.interest - interest;
    kept.push({ ...i, principal, interest });
  }
  const balance = change.disbursed - sum(kept.map((i) => i.principal));
  if (balance <= 0) throw new DomainError("nothing is left to restructure: the disbursed principal is repaid");
  return [
    ...kept,
    ...amortize({
      balance,
      annualRateE4: change.annualRateE4,
      method: change.method,
      dueDates: monthlyDueDates(change.on, change.remainingMonths),
      graceCount: change.graceMonths,
      firstNumber: kept.length + 1,
      carriedInterest: deferredInterest,
    }),
  ];
}

export function totalPrincipal(installments: readonly Installment[]): number {
  return sum(installments.map((i) => i.principal));
}
