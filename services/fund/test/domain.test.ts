import { expect } from "chai";
import { addMonths, daysBetween } from "@camau/shared";
import { debtGroupBandsProblem, debtGroupFor, STATE_BANK_DEBT_GROUPS } from "../src/domain/debtGroups";
import { ApplicationStatus, LoanStatus, RepaymentMethod } from "../src/domain/enums";
import { accruedPenalty, allocateRepayment, installmentStandings, LedgerLoan, LedgerRepayment, PenaltyMemo, positionAsOf } from "../src/domain/ledger";
import {
  APPLICATION_ACTIONS_FROM,
  ApplicationAction,
  applicationActionProblem,
  isTerminalApplication,
  LOAN_ACTIONS_FROM,
  LoanAction,
  loanActionProblem,
  makerCheckerProblem,
} from "../src/domain/lifecycle";
import { DomainError, monthlyInterest, rateE4 } from "../src/domain/money";
import { buildSchedule, Installment, rescheduleForTranche, restructureSchedule, totalPrincipal } from "../src/domain/schedule";

const total = (xs: Installment[], k: "principal" | "interest") => xs.reduce((s, i) => s + i[k], 0);

describe("fund domain: schedules, ledger, debt groups, lifecycles", () => {
  describe("calendar", () => {
    it("adds months without drifting from month ends", () => {
      expect(addMonths("2023-01-31", 1)).to.equal("2023-02-28");
      expect(addMonths("2024-01-31", 1)).to.equal("2024-02-29");
      expect(addMonths("2023-01-31", 2)).to.equal("2023-03-31");
      expect(addMonths("2023-11-15", 3)).to.equal("2024-02-15");
      expect(daysBetween("2023-02-01", "2023-03-01")).to.equal(28);
    });
  });

  describe("interest", () => {
    it("takes a twelfth of the annual rate, rounded half up to the đồng, exactly", () => {
      expect(monthlyInterest(500_000_000, rateE4(6.6))).to.equal(2_750_000);
      expect(monthlyInterest(100, rateE4(6))).to.equal(1); // 0.5 → 1
      expect(monthlyInterest(99, rateE4(6))).to.equal(0); // 0.495 → 0
      expect(monthlyInterest(1_000_000_000_000, rateE4(99.9999))).to.equal(83_333_250_000);
    });
    it("refuses rates outside 0–100 % or with more than four decimals", () => {
      for (const bad of [-1, 100.5, 6.12345, Number.NaN]) expect(() => rateE4(bad)).to.throw(DomainError);
    });
  });

  describe("schedule: EQUAL_PRINCIPAL", () => {
    const s = buildSchedule({ principal: 500_000_000, annualRateE4: rateE4(6.6), termMonths: 36, graceMonths: 6, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-01-31" });
    it("has one instalment per month, due on the start day or the month's last day", () => {
      expect(s).to.have.length(36);
      expect(s.slice(0, 3).map((i) => i.dueDate)).to.deep.equal(["2023-02-28", "2023-03-31", "2023-04-30"]);
      expect(s[35].dueDate).to.equal("2026-01-31");
      expect(s.map((i) => i.number)).to.deep.equal(Array.from({ length: 36 }, (_, k) => k + 1));
    });
    it("asks only interest during the grace months", () => {
      for (const i of s.slice(0, 6)) expect(i).to.include({ principal: 0, interest: 2_750_000 });
      expect(s[6].principal).to.be.greaterThan(0);
    });
    it("repays equal principal parts; the last absorbs the rounding; the parts sum exactly", () => {
      for (const i of s.slice(6, 35)) expect(i.principal).to.equal(16_666_666);
      expect(s[35].principal).to.equal(500_000_000 - 29 * 16_666_666);
      expect(totalPrincipal(s)).to.equal(500_000_000);
    });
    it("charges interest on the declining balance", () => {
      expect(s[6].interest).to.equal(2_750_000);
      expect(s[7].interest).to.equal(monthlyInterest(500_000_000 - 16_666_666, rateE4(6.6)));
      expect(s[35].interest).to.equal(monthlyInterest(s[35].principal, rateE4(6.6)));
    });
    it("puts an odd remainder into the last instalment", () => {
      const odd = buildSchedule({ principal: 1_000_000_007, annualRateE4: 0, termMonths: 10, graceMonths: 0, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-01-01" });
      expect(odd.slice(0, 9).every((i) => i.principal === 100_000_000)).to.equal(true);
      expect(odd[9].principal).to.equal(100_000_007);
      expect(total(odd, "interest")).to.equal(0);
    });
  });

  describe("schedule: ANNUITY", () => {
    const principal = 300_000_000;
    const s = buildSchedule({ principal, annualRateE4: rateE4(7.2), termMonths: 24, graceMonths: 0, method: RepaymentMethod.ANNUITY, startDate: "2023-03-15" });
    const r = 0.072 / 12;
    const payment = Math.round((principal * r) / (1 - Math.pow(1 + r, -24)));
    it("asks the same total every month; the last absorbs the rounding", () => {
      for (const i of s.slice(0, 23)) expect(i.principal + i.interest).to.equal(payment);
      expect(Math.abs(s[23].principal + s[23].interest - payment)).to.be.lessThan(24);
    });
    it("repays exactly the principal, with growing principal parts", () => {
      expect(totalPrincipal(s)).to.equal(principal);
      for (let k = 1; k < 23; k++) expect(s[k].principal).to.be.at.least(s[k - 1].principal);
    });
    it("starts the annuity after the grace months", () => {
      const g = buildSchedule({ principal, annualRateE4: rateE4(7.2), termMonths: 24, graceMonths: 4, method: RepaymentMethod.ANNUITY, startDate: "2023-03-15" });
      expect(g.slice(0, 4).map((i) => i.principal)).to.deep.equal([0, 0, 0, 0]);
      const p20 = Math.round((principal * r) / (1 - Math.pow(1 + r, -20)));
      expect(g[4].principal + g[4].interest).to.equal(p20);
      expect(totalPrincipal(g)).to.equal(principal);
    });
    it("divides evenly at a zero rate", () => {
      const z = buildSchedule({ principal: 100, annualRateE4: 0, termMonths: 3, graceMonths: 0, method: RepaymentMethod.ANNUITY, startDate: "2023-01-01" });
      expect(z.map((i) => i.principal)).to.deep.equal([34, 34, 32]);
    });
  });

  describe("schedule: BULLET", () => {
    it("asks interest monthly and all principal at maturity", () => {
      const s = buildSchedule({ principal: 200_000_000, annualRateE4: rateE4(7.8), termMonths: 12, graceMonths: 0, method: RepaymentMethod.BULLET, startDate: "2023-05-10" });
      expect(s.slice(0, 11).every((i) => i.principal === 0 && i.interest === 1_300_000)).to.equal(true);
      expect(s[11]).to.deep.equal({ number: 12, dueDate: "2024-05-10", principal: 200_000_000, interest: 1_300_000 });
    });
  });

  describe("schedule: invalid terms", () => {
    const base = { principal: 1_000_000, annualRateE4: 0, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-01-01" };
    it("refuses a grace period as long as the term, a zero term and a zero principal", () => {
      expect(() => buildSchedule({ ...base, termMonths: 6, graceMonths: 6 })).to.throw(DomainError, /grace/);
      expect(() => buildSchedule({ ...base, termMonths: 0, graceMonths: 0 })).to.throw(DomainError, /term/);
      expect(() => buildSchedule({ ...base, principal: 0, termMonths: 6, graceMonths: 0 })).to.throw(DomainError, /principal/);
    });
  });

  describe("schedule: a further tranche", () => {
    const rate = rateE4(6.6);
    const first = buildSchedule({ principal: 300_000_000, annualRateE4: rate, termMonths: 36, graceMonths: 6, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-02-01" });
    const both = rescheduleForTranche(first, { on: "2023-05-15", amount: 200_000_000, annualRateE4: rate, method: RepaymentMethod.EQUAL_PRINCIPAL, graceMonths: 6 });
    it("keeps the instalments already due and the maturity", () => {
      expect(both.slice(0, 3)).to.deep.equal(first.slice(0, 3));
      expect(both).to.have.length(36);
      expect(both[35].dueDate).to.equal(first[35].dueDate);
    });
    it("spreads both tranches over the rest with what is left of the grace period", () => {
      expect(both.slice(3, 6).map((i) => i.principal)).to.deep.equal([0, 0, 0]);
      expect(both[3].interest).to.equal(monthlyInterest(500_000_000, rate));
      expect(both[6].principal).to.equal(Math.floor(500_000_000 / 30));
      expect(totalPrincipal(both)).to.equal(500_000_000);
    });
    it("refuses a tranche after the last instalment", () => {
      expect(() => rescheduleForTranche(first, { on: "2026-03-01", amount: 1, annualRateE4: rate, method: RepaymentMethod.EQUAL_PRINCIPAL, graceMonths: 0 })).to.throw(DomainError, /maturity/);
    });
  });

  describe("schedule: restructuring", () => {
    const rate = rateE4(12);
    const s = buildSchedule({ principal: 120_000_000, annualRateE4: rate, termMonths: 12, graceMonths: 0, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-01-01" });
    const paidInterest = s[0].interest + s[1].interest;
    const r = restructureSchedule(s, {
      on: "2023-06-15",
      disbursed: 120_000_000,
      principalPaid: 20_000_000,
      interestPaid: paidInterest,
      annualRateE4: rateE4(6),
      method: RepaymentMethod.EQUAL_PRINCIPAL,
      remainingMonths: 12,
      graceMonths: 3,
    });
    it("reduces the instalments already due to what was paid", () => {
      expect(r.slice(0, 5).map((i) => i.principal)).to.deep.equal([10_000_000, 10_000_000, 0, 0, 0]);
      expect(r.slice(0, 5).map((i) => i.interest)).to.deep.equal([s[0].interest, s[1].interest, 0, 0, 0]);
    });
    it("defers the unpaid interest into the first new instalment and spreads the rest of the principal", () => {
      const deferred = s[2].interest + s[3].interest + s[4].interest;
      expect(r[5].interest).to.equal(monthlyInterest(100_000_000, rateE4(6)) + deferred);
      expect(r[5].dueDate).to.equal("2023-07-15");
      expect(r.slice(5, 8).map((i) => i.principal)).to.deep.equal([0, 0, 0]);
      expect(r).to.have.length(17);
      expect(totalPrincipal(r)).to.equal(120_000_000);
    });
  });

  describe("ledger", () => {
    // 120 million at 12 %/year over 12 months from 2023-01-01: 10 million principal a month.
    const schedule = buildSchedule({ principal: 120_000_000, annualRateE4: rateE4(12), termMonths: 12, graceMonths: 0, method: RepaymentMethod.EQUAL_PRINCIPAL, startDate: "2023-01-01" });
    const loan = (repayments: LedgerLoan["repayments"] = [], extra: Partial<LedgerLoan> = {}): LedgerLoan => ({
      overdueMultiplierPercent: 150,
      schedules: [{ version: 1, effectiveFrom: "2023-01-01", annualRateE4: rateE4(12), installments: schedule }],
      disbursements: [{ on: "2023-01-01", amount: 120_000_000 }],
      repayments,
      closedOn: null,
      writtenOffOn: null,
      writtenOffPrincipal: null,
      ...extra,
    });

    it("owes nothing before the first disbursement", () => {
      const p = positionAsOf(loan(), "2022-12-31");
      expect(p).to.include({ disbursed: 0, outstandingPrincipal: 0, daysPastDue: 0, payoffAmount: 0 });
    });

    it("counts an instalment as due on its date and past due from the next day", () => {
      const onDue = positionAsOf(loan(), "2023-02-01");
      expect(onDue).to.include({ principalDue: 10_000_000, interestDue: 1_200_000, overduePrincipal: 0, overdueInterest: 0, daysPastDue: 0 });
      const later = positionAsOf(loan(), "2023-02-11");
      expect(later).to.include({ overduePrincipal: 10_000_000, overdueInterest: 1_200_000, daysPastDue: 10, oldestUnpaidDueDate: "2023-02-01" });
    });

    it("accrues overdue interest at 150 % of the rate on principal past due, actual/365", () => {
      // 10 million × 12 % × 1.5 × 10 days / 365 = 49,315.07
      expect(accruedPenalty(loan(), "2023-02-11")).to.equal(49_315);
      expect(positionAsOf(loan(), "2023-02-11").penaltyInterest).to.equal(49_315);
    });

    it("allocates a repayment to overdue interest, then interest, then principal", () => {
      const split = allocateRepayment(loan(), "2023-02-11", 11_000_000);
      expect(split).to.include({ overdueInterest: 49_315, interest: 1_200_000, principal: 11_000_000 - 49_315 - 1_200_000, settles: false });
      expect(split.after.daysPastDue).to.equal(10);
      expect(split.after.overduePrincipal).to.equal(10_000_000 - (11_000_000 - 49_315 - 1_200_000));
    });

    it("counts days past due from the oldest instalment not fully paid", () => {
      const partly = loan([{ on: "2023-02-01", overdueInterest: 0, interest: 1_200_000, principal: 10_000_000 }, { on: "2023-03-01", overdueInterest: 0, interest: 1_100_000, principal: 5_000_000 }]);
      expect(positionAsOf(partly, "2023-04-15")).to.include({ daysPastDue: 45, oldestUnpaidDueDate: "2023-03-01", overduePrincipal: 15_000_000 });
    });

    it("gives the same positions with a penalty memo as without, along a replay and when records break its assumption", () => {
      const memo: PenaltyMemo = {};
      const repayments: LedgerRepayment[] = [];
      const ledger = loan(repayments);
      // Late payments on some due dates, nothing on others; positions asked on and between them.
      for (const [on, amount] of [["2023-02-20", 6_000_000], ["2023-04-05", 0], ["2023-05-01", 9_000_000], ["2023-07-30", 25_000_000], ["2023-09-02", 0]] as const) {
        const without = positionAsOf(ledger, on);
        expect(positionAsOf(ledger, on, memo), on).to.deep.equal(without);
        expect(positionAsOf(ledger, "2023-12-31", memo), `${on}, year end`).to.deep.equal(positionAsOf(ledger, "2023-12-31"));
        if (amount > 0) {
          const split = allocateRepayment(ledger, on, amount, memo);
          expect(split).to.deep.equal(allocateRepayment(ledger, on, amount));
          repayments.push({ on, overdueInterest: split.overdueInterest, interest: split.interest, principal: split.principal });
        }
      }
      expect(memo.checkpoint?.through).to.equal("2023-07-29");
      // A repayment dated before the remembered day: the memo no longer holds and is not used.
      repayments.push({ on: "2023-03-10", overdueInterest: 0, interest: 0, principal: 1_000_000 });
      expect(positionAsOf(ledger, "2023-10-15", memo)).to.deep.equal(positionAsOf(ledger, "2023-10-15"));
      expect(accruedPenalty(ledger, "2023-10-15", memo)).to.be.greaterThan(0);
    });

    it("lets principal be paid ahead and settles the loan when nothing is owed", () => {
      const payoff = positionAsOf(loan(), "2023-01-20").payoffAmount;
      expect(payoff).to.equal(120_000_000);
      const split = allocateRepayment(loan(), "2023-01-20", payoff);
      expect(split).to.include({ principal: 120_000_000, interest: 0, settles: true });
    });

    it("refuses to take more than is owed", () => {
      expect(() => allocateRepayment(loan(), "2023-02-01", 131_200_001)).to.throw(DomainError, /exceeds/);
      expect(() => allocateRepayment(loan(), "2023-02-01", 0)).to.throw(DomainError);
    });

    it("owes nothing after closing or a write-off", () => {
      const closed = positionAsOf(loan([], { closedOn: "2023-03-01" }), "2023-05-01");
      expect(closed).to.include({ outstandingPrincipal: 0, daysPastDue: 0, penaltyInterest: 0 });
      const off = positionAsOf(loan([], { writtenOffOn: "2023-09-01", writtenOffPrincipal: 120_000_000 }), "2023-10-01");
      expect(off).to.include({ outstandingPrincipal: 0, writtenOffPrincipal: 120_000_000 });
    });

    it("shows what was paid towards each instalment", () => {
      const paid = loan([{ on: "2023-02-01", overdueInterest: 0, interest: 1_200_000, principal: 15_000_000 }]);
      const rows = installmentStandings(paid, paid.schedules[0], "2023-03-05");
      expect(rows[0]).to.include({ principalPaid: 10_000_000, interestPaid: 1_200_000, status: "PAID" });
      expect(rows[1]).to.include({ principalPaid: 5_000_000, interestPaid: 0, status: "OVERDUE" });
      expect(rows[2]).to.include({ principalPaid: 0, status: "UPCOMING" });
    });
  });

  describe("debt groups", () => {
    const cases: [number, number][] = [[0, 1], [9, 1], [10, 2], [90, 2], [91, 3], [180, 3], [181, 4], [360, 4], [361, 5], [2000, 5]];
    for (const [days, group] of cases) it(`puts ${days} days past due in group ${group}`, () => expect(debtGroupFor(days, STATE_BANK_DEBT_GROUPS)).to.equal(group));
    it("follows configured thresholds", () => {
      const custom = [0, 30, 60, 90, 120].map((minDaysPastDue, i) => ({ debtGroup: i + 1, minDaysPastDue, name: `g${i + 1}` }));
      expect(debtGroupFor(45, custom)).to.equal(2);
      expect(debtGroupFor(120, custom)).to.equal(5);
    });
    it("refuses thresholds that are incomplete, do not start at 0 or do not increase", () => {
      expect(debtGroupBandsProblem([0, 10, 91, 181].map((d, i) => ({ debtGroup: i + 1, minDaysPastDue: d })))).to.match(/exactly one/);
      expect(debtGroupBandsProblem([5, 10, 91, 181, 361].map((d, i) => ({ debtGroup: i + 1, minDaysPastDue: d })))).to.match(/start at 0/);
      expect(debtGroupBandsProblem([0, 91, 10, 181, 361].map((d, i) => ({ debtGroup: i + 1, minDaysPastDue: d })))).to.match(/increase/);
      expect(debtGroupBandsProblem(STATE_BANK_DEBT_GROUPS)).to.equal(null);
    });
  });

  describe("application lifecycle (every action from every status)", () => {
    for (const action of Object.values(ApplicationAction)) {
      for (const status of Object.values(ApplicationStatus)) {
        const allowed = APPLICATION_ACTIONS_FROM[action].includes(status);
        it(`${allowed ? "allows" : "refuses"} ${action} from ${status}`, () => {
          // The most favourable side conditions, so only the status decides.
          const appraised = action === ApplicationAction.APPROVE || action === ApplicationAction.REJECT;
          const problem = applicationActionProblem(action, { status, appraised, signed: false });
          if (allowed) expect(problem).to.equal(null);
          else expect(problem).to.match(/cannot/);
        });
      }
    }
    it("refuses a decision before the appraisal and a second appraisal", () => {
      expect(applicationActionProblem(ApplicationAction.APPROVE, { status: ApplicationStatus.UNDER_APPRAISAL, appraised: false, signed: false })).to.match(/appraised before/);
      expect(applicationActionProblem(ApplicationAction.REJECT, { status: ApplicationStatus.UNDER_APPRAISAL, appraised: false, signed: false })).to.match(/appraised before/);
      expect(applicationActionProblem(ApplicationAction.APPRAISE, { status: ApplicationStatus.UNDER_APPRAISAL, appraised: true, signed: false })).to.match(/already/);
    });
    it("refuses withdrawal and a second contract once a contract is signed", () => {
      expect(applicationActionProblem(ApplicationAction.WITHDRAW, { status: ApplicationStatus.APPROVED, appraised: true, signed: true })).to.match(/already been signed/);
      expect(applicationActionProblem(ApplicationAction.SIGN_CONTRACT, { status: ApplicationStatus.APPROVED, appraised: true, signed: true })).to.match(/already been signed/);
    });
    it("treats REJECTED, WITHDRAWN and a signed approval as final", () => {
      expect(isTerminalApplication({ status: ApplicationStatus.REJECTED, appraised: true, signed: false })).to.equal(true);
      expect(isTerminalApplication({ status: ApplicationStatus.WITHDRAWN, appraised: false, signed: false })).to.equal(true);
      expect(isTerminalApplication({ status: ApplicationStatus.APPROVED, appraised: true, signed: true })).to.equal(true);
      expect(isTerminalApplication({ status: ApplicationStatus.APPROVED, appraised: true, signed: false })).to.equal(false);
    });
    it("refuses the appraiser as decider (maker-checker), comparing token subjects", () => {
      expect(makerCheckerProblem("officer-a", "officer-a")).to.match(/maker-checker/);
      expect(makerCheckerProblem("officer-a", "approver-b")).to.equal(null);
    });
  });

  describe("loan lifecycle (every action from every stored status)", () => {
    const stored = [LoanStatus.ACTIVE, LoanStatus.RESTRUCTURED, LoanStatus.CLOSED, LoanStatus.WRITTEN_OFF];
    for (const action of Object.values(LoanAction)) {
      for (const status of stored) {
        const allowed = LOAN_ACTIONS_FROM[action].includes(status);
        it(`${allowed ? "allows" : "refuses"} ${action} on a ${status} loan`, () => {
          const problem = loanActionProblem(action, status);
          if (allowed) expect(problem).to.equal(null);
          else expect(problem).to.match(/cannot/);
        });
      }
    }
    it("allows nothing on CLOSED and WRITTEN_OFF loans", () => {
      for (const action of Object.values(LoanAction)) {
        expect(loanActionProblem(action, LoanStatus.CLOSED)).to.not.equal(null);
        expect(loanActionProblem(action, LoanStatus.WRITTEN_OFF)).to.not.equal(null);
      }
    });
  });
});
