import { Contribution, dayNumber, isoOfDay, REFORM_DATE } from "@camau/shared";
import { DisbursementRow, FundDataset, InstallmentRow, LoanRecords, LoanRow, RepaymentRow, ScheduleRow } from "./generateFund";

/**
 * The fund's dated rollups (`outstanding_principal` and `portfolio`) computed from a generated
 * dataset in memory, for the demo-data loader: the rows `rollup_rebuild` would write, without
 * asking PostgreSQL to evaluate the rollup functions over every loan (the longest part of a
 * national seed). The SQL functions of the migrations (OutstandingByCommune, PortfolioRollup,
 * PortfolioByPlace) stay the rule: the seed test rebuilds both figures by them after a seed and
 * requires the same rows.
 */


/** A loan with its ledger rows, as the rollup functions read them from the tables. */
export interface LoanLedgerRows {
  loan: LoanRow;
  disbursements: DisbursementRow[];
  repayments: RepaymentRow[];
  schedules: ScheduleRow[];
  installments: InstallmentRow[];
}

/** Every loan of the dataset with its rows (in the dataset's loan order). */
export function ledgersOf(data: FundDataset): LoanRecords[] {
  const byLoan = new Map<string, LoanRecords>(data.loans.map((loan) => [loan.id, { loan, disbursements: [], repayments: [], schedules: [], installments: [], restructurings: [] }]));
  const of = (loanId: string) => {
    const rows = byLoan.get(loanId);
    if (!rows) throw new Error(`fund seed: a row names loan ${loanId}, which the dataset lacks`);
    return rows;
  };
  for (const d of data.disbursements) of(d.loanId).disbursements.push(d);
  for (const r of data.repayments) of(r.loanId).repayments.push(r);
  for (const s of data.schedules) of(s.loanId).schedules.push(s);
  for (const i of data.installments) of(i.loanId).installments.push(i);
  for (const r of data.restructurings) of(r.loanId).restructurings.push(r);
  return [...byLoan.values()];
}

const signedBeforeReform = (loan: LoanRow) => String(loan.signedOn < REFORM_DATE);

/** The earlier of closing and write-off (SQL least() ignores nulls). */
function endedOn(loan: LoanRow): string | null {
  if (loan.closedOn === null) return loan.writtenOffOn;
  if (loan.writtenOffOn === null) return loan.closedOn;
  return loan.closedOn < loan.writtenOffOn ? loan.closedOn : loan.writtenOffOn;
}

/** rollup_outstanding_principal: disbursements (+) and repaid principal (−) from signing until the loan ends. */
export function outstandingContributions({ loan, disbursements, repayments }: LoanLedgerRows): Contribution[] {
  const district = loan.borrower.districtCode;
  const cell = [district, signedBeforeReform(loan), district === null ? loan.borrower.communeCode : null];
  const ended = endedOn(loan);
  const byDay = new Map<string, number>();
  const move = (on: string, amount: number) => {
    const day = on > loan.signedOn ? on : loan.signedOn;
    if (ended !== null && day >= ended) return;
    byDay.set(day, (byDay.get(day) ?? 0) + amount);
  };
  for (const d of disbursements) move(d.disbursedOn, d.amount);
  for (const r of repayments) move(r.paidOn, -r.principalPart);
  const out: Contribution[] = [];
  let balance = 0;
  for (const [day, delta] of byDay) {
    balance += delta;
    if (delta !== 0) out.push({ cell, day: dayNumber(day), delta });
  }
  if (ended !== null && balance !== 0) out.push({ cell, day: dayNumber(ended), delta: -balance });
  return out;
}

/** The measures of a position, in the order of PortfolioRollup's cells. */
const MEASURES = ["loans", "n", "overdue", "outstanding", "outstanding_negative", "par30", "par30_loans", "disbursed", "disbursed_loans"] as const;

/** A debt group's threshold, as the debt_group_threshold table holds it. */
export interface Threshold {
  debtGroup: number;
  minDaysPastDue: number;
}

interface Recorded {
  day: string;
  disbursed: number;
  principal: number;
  interest: number;
  version: number | null;
}

/**
 * rollup_portfolio (PortfolioRollup with the places of PortfolioByPlace): the loan's position on
 * each date something is recorded about it and on each date its days past due cross a threshold,
 * as changes of each measure in the cell of its debt group.
 */
export function portfolioContributions({ loan, disbursements, repayments, schedules, installments }: LoanLedgerRows, thresholds: readonly Threshold[]): Contribution[] {
  const b = loan.borrower;
  const place = [b.districtCode === null && b.communeCode === null ? signedBeforeReform(loan) : null, b.districtCode === null ? b.communeCode : null];
  // One array per cell of the loan, so FigureTotals knows it again by identity.
  const cells = new Map<string, (string | null)[]>();
  const cellOf = (measure: string, group: number | null) => {
    const key = `${measure}:${group}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = [measure, b.sectorCode, b.sectorName, b.districtCode, b.districtName, group === null ? null : String(group), ...place]));
    return cell;
  };
  const ended = endedOn(loan);

  // What changes on each date something is recorded (nothing counts before signing).
  const recorded = new Map<string, Recorded>();
  const record = (on: string, disbursed: number, principal: number, interest: number, version: number | null) => {
    const day = on > loan.signedOn ? on : loan.signedOn;
    let r = recorded.get(day);
    if (!r) recorded.set(day, (r = { day, disbursed: 0, principal: 0, interest: 0, version: null }));
    r.disbursed += disbursed;
    r.principal += principal;
    r.interest += interest;
    if (version !== null && (r.version === null || version > r.version)) r.version = version;
  };
  record(loan.signedOn, 0, 0, 0, null);
  if (ended !== null) record(ended, 0, 0, 0, null);
  for (const d of disbursements) record(d.disbursedOn, d.amount, 0, 0, null);
  for (const r of repayments) record(r.paidOn, 0, r.principalPart, r.interestPart, null);
  for (const s of schedules) record(s.effectiveFrom, 0, 0, 0, s.version);
  for (const i of installments) record(i.dueDate, 0, 0, 0, null);
  const days = [...recorded.values()].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));

  // Each schedule's instalments with the totals due to date (the InstallmentRunningTotals columns).
  const bySchedule = new Map<number, { dueDate: string; number: number; principalToDate: number; interestToDate: number }[]>();
  const versionOf = new Map(schedules.map((s) => [s.id, s.version]));
  for (const s of schedules) bySchedule.set(s.version, []);
  for (const i of [...installments].sort((x, y) => x.number - y.number)) {
    const list = bySchedule.get(versionOf.get(i.scheduleId)!)!;
    const last = list[list.length - 1];
    list.push({ dueDate: i.dueDate, number: i.number, principalToDate: (last?.principalToDate ?? 0) + i.principal, interestToDate: (last?.interestToDate ?? 0) + i.interest });
  }
  // Totals to date never decrease along a schedule whose parts are not negative (every schedule the
  // domain builds): then the first instalment not covered is found by bisection, not by a scan of
  // the schedule on every recorded date.
  const rising = new Set<readonly unknown[]>();
  for (const list of bySchedule.values()) if (list.every((i, k) => k === 0 || (i.principalToDate >= list[k - 1].principalToDate && i.interestToDate >= list[k - 1].interestToDate))) rising.add(list);
  /** The first instalment (by total to date, then number) whose total to date exceeds what was paid. */
  const firstNotCovered = (list: readonly { dueDate: string; number: number; principalToDate: number; interestToDate: number }[], paid: number, key: "principalToDate" | "interestToDate") => {
    if (rising.has(list)) {
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (list[middle][key] > paid) high = middle;
        else low = middle + 1;
      }
      return low < list.length ? list[low].dueDate : null;
    }
    let best: (typeof list)[number] | null = null;
    for (const i of list) {
      if (i[key] > paid && (best === null || i[key] < best[key] || (i[key] === best[key] && i.number < best.number))) best = i;
    }
    return best?.dueDate ?? null;
  };

  const crossings = [...new Set([1, 31, ...thresholds.map((t) => t.minDaysPastDue)])];
  interface Point {
    at: number;
    ended: boolean;
    disbursed: number;
    balance: number;
    oldest: number | null;
  }
  const points: Point[] = [];
  let disbursed = 0;
  let principal = 0;
  let interest = 0;
  let version: number | null = null;
  for (let k = 0; k < days.length; k++) {
    const r = days[k];
    disbursed += r.disbursed;
    principal += r.principal;
    interest += r.interest;
    if (r.version !== null && (version === null || r.version > version)) version = r.version;
    const day = dayNumber(r.day);
    const next = k + 1 < days.length ? dayNumber(days[k + 1].day) : null;
    const list = version === null ? undefined : bySchedule.get(version);
    let oldest: number | null = null;
    if (list) {
      const up = firstNotCovered(list, principal, "principalToDate");
      const ui = firstNotCovered(list, interest, "interestToDate");
      const least = up === null ? ui : ui === null ? up : up < ui ? up : ui;
      if (least !== null && least <= r.day) oldest = dayNumber(least);
    }
    const isEnded = ended !== null && r.day >= ended;
    const balance = disbursed - principal;
    // Literals, not spreads of a common part: spreading was a costly step of the seed.
    points.push({ at: day, ended: isEnded, disbursed, balance, oldest });
    // Again on each date its days past due cross a threshold before the next recorded date.
    if (!isEnded && oldest !== null) {
      for (const c of crossings) {
        const at = oldest + c;
        if (at > day && (next === null || at < next)) points.push({ at, ended: isEnded, disbursed, balance, oldest });
      }
    }
  }
  points.sort((x, y) => x.at - y.at);

  const out: Contribution[] = [];
  let previous: { group: number | null; values: number[] } | null = null;
  for (const p of points) {
    const outstanding = p.ended ? 0 : p.balance;
    const dpd = p.ended || p.oldest === null ? 0 : p.at - p.oldest;
    const overdue = !p.ended && p.oldest !== null && p.oldest < p.at;
    let group: number | null = null;
    if (!p.ended) for (const t of thresholds) if (t.minDaysPastDue <= dpd && (group === null || t.debtGroup > group)) group = t.debtGroup;
    const values = [1, outstanding > 0 ? 1 : 0, overdue && outstanding > 0 ? 1 : 0, outstanding, Math.min(outstanding, 0), dpd > 30 ? outstanding : 0, dpd > 30 && outstanding > 0 ? 1 : 0, p.disbursed, p.disbursed > 0 ? 1 : 0];
    const day = p.at;
    const sameCell = previous !== null && previous.group === group;
    for (let m = 0; m < MEASURES.length; m++) {
      const before = previous?.values[m] ?? 0;
      const here = values[m] - (sameCell ? before : 0);
      if (here !== 0) out.push({ cell: cellOf(MEASURES[m], group), day, delta: here });
      if (!sameCell && previous !== null && before !== 0) out.push({ cell: cellOf(MEASURES[m], previous.group), day, delta: -before });
    }
    previous = { group, values };
  }

  const repaid = new Map<string, number>();
  for (const r of repayments) repaid.set(r.paidOn, (repaid.get(r.paidOn) ?? 0) + r.principalPart);
  for (const [day, amount] of repaid) if (amount !== 0) out.push({ cell: cellOf("repaid", null), day: dayNumber(day), delta: amount });
  if (loan.writtenOffOn !== null && (loan.writtenOffPrincipal ?? 0) !== 0) out.push({ cell: cellOf("written_off", null), day: dayNumber(loan.writtenOffOn), delta: loan.writtenOffPrincipal! });
  return out;
}
