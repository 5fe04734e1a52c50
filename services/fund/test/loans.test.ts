import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { code, cooperative, DISBURSE, FundUnderTest, REPAY, RESTRUCTURE, rowCounts, startFund, tokens, Workflow, WRITE_OFF, refusedUnchanged } from "./support";

const POSITION = `query ($id: ID!, $asOf: Date) { loan(id: $id) { version status(asOf: $asOf) position(asOf: $asOf) {
  status disbursed undisbursed outstandingPrincipal principalRepaid interestRepaid principalDue interestDue principalPastDue interestPastDue
  overdueInterest daysPastDue oldestUnpaidDueDate debtGroup payoffAmount writtenOffPrincipal } } }`;

describe("fund subgraph: loans, disbursements, repayments, restructuring and write-off", function () {
  this.timeout(120_000);
  const borrower = cooperative();
  const second = cooperative({ sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: "966", districtName: "Huyện U Minh" });
  let t: FundUnderTest;
  let flow: Workflow;
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => t.fund.query(query, variables, token);
  const position = async (id: string, asOf: string) => {
    const result = await q(POSITION, { id, asOf }, tokens.fundOfficer());
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!.loan.position;
  };
  const loanVersion = async (id: string) => (await q(POSITION, { id }, tokens.fundOfficer())).data!.loan.version as number;

  const refused = (query: string, variables: Record<string, unknown>, token: string | undefined, expected: string) => refusedUnchanged(t, query, variables, token, expected);
  const disburse = (loanId: string, amount: number, disbursedOn: string, idempotencyKey: string = randomUUID(), token = tokens.fundOfficer()) =>
    q(DISBURSE, { input: { loanId, amount, disbursedOn, idempotencyKey } }, token);
  const repay = (loanId: string, amount: number, paidOn: string, idempotencyKey: string = randomUUID(), token = tokens.fundOfficer()) =>
    q(REPAY, { input: { loanId, amount, paidOn, idempotencyKey } }, token);

  before(async () => {
    t = await startFund([borrower, second]);
    flow = new Workflow(q, await Workflow.productId(q, "PHUONG-AN-SXKD"));
  });
  after(() => t?.stop());

  describe("a loan in two tranches, repaid and closed", () => {
    let loanId: string;
    before(async () => {
      loanId = (await flow.signed(borrower.id, { amount: 500_000_000, term: 24 })).id;
    });

    it("disburses the first tranche and computes the schedule from it", async () => {
      const result = await disburse(loanId, 200_000_000, "2023-02-01", "tranche-one-0001");
      expect(result.errors).to.equal(undefined);
      expect(result.data!.disburseLoan).to.deep.include({ replayed: false });
      expect(result.data!.disburseLoan.disbursement).to.deep.include({ trancheNumber: 1, amount: 200_000_000, disbursedOn: "2023-02-01" });
      expect(result.data!.disburseLoan.loan.firstDisbursedOn).to.equal("2023-02-01");
      const schedule = await q(`query ($id: ID!) { loan(id: $id) { schedule(asOf: "2023-02-01") { version reason totalPrincipal maturityDate installments { number dueDate principal interest } } } }`, { id: loanId }, tokens.fundOfficer());
      const s = schedule.data!.loan.schedule;
      expect(s).to.deep.include({ version: 1, reason: "FIRST_DISBURSEMENT", totalPrincipal: 200_000_000, maturityDate: "2025-02-01" });
      expect(s.installments).to.have.length(24);
      expect(s.installments[0]).to.deep.include({ number: 1, dueDate: "2023-03-01", interest: 1_200_000 });
    });

    it("returns the first result for a repeated idempotency key and records it once", async () => {
      const before = await rowCounts(t.db);
      const again = await disburse(loanId, 200_000_000, "2023-02-01", "tranche-one-0001");
      expect(again.errors).to.equal(undefined);
      expect(again.data!.disburseLoan.replayed).to.equal(true);
      expect(again.data!.disburseLoan.disbursement.trancheNumber).to.equal(1);
      expect(await rowCounts(t.db)).to.deep.equal(before);
    });

    it("refuses the same key for a different disbursement", async () => {
      await refused(DISBURSE, { input: { loanId, amount: 100_000_000, disbursedOn: "2023-02-01", idempotencyKey: "tranche-one-0001" } }, tokens.fundOfficer(), "CONFLICT");
    });

    it("refuses a tranche that would exceed the contract amount", async () => {
      const result = await refused(DISBURSE, { input: { loanId, amount: 300_000_001, disbursedOn: "2023-03-15", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
      expect(result.errors![0].message).to.match(/exceed the contract amount.*200000000 of 500000000/);
    });

    it("adds a second tranche and reschedules the instalments after it", async () => {
      const result = await disburse(loanId, 300_000_000, "2023-03-15");
      expect(result.data!.disburseLoan.disbursement.trancheNumber).to.equal(2);
      const s = (await q(`query ($id: ID!) { loan(id: $id) { schedule(asOf: "2023-03-15") { version reason totalPrincipal maturityDate } disbursements { trancheNumber amount } } }`, { id: loanId }, tokens.fundOfficer())).data!.loan;
      expect(s.schedule).to.deep.equal({ version: 2, reason: "TRANCHE", totalPrincipal: 500_000_000, maturityDate: "2025-02-01" });
      expect(s.disbursements).to.deep.equal([{ trancheNumber: 1, amount: 200_000_000 }, { trancheNumber: 2, amount: 300_000_000 }]);
      await refused(DISBURSE, { input: { loanId, amount: 1, disbursedOn: "2023-03-16", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
    });

    it("is due but not past due on a due date, and past due with debt group 2 after 45 days", async () => {
      const onDue = await position(loanId, "2023-03-01");
      expect(onDue).to.include({ status: "ACTIVE", disbursed: 200_000_000, undisbursed: 300_000_000, daysPastDue: 0, principalPastDue: 0 });
      expect(onDue.principalDue).to.be.greaterThan(0);
      const late = await position(loanId, "2023-04-15");
      expect(late).to.include({ status: "OVERDUE", daysPastDue: 45, oldestUnpaidDueDate: "2023-03-01", debtGroup: 2 });
      expect(late.overdueInterest).to.be.greaterThan(0);
      expect(late.payoffAmount).to.equal(late.outstandingPrincipal + late.interestDue + late.overdueInterest);
    });

    it("allocates a repayment to overdue interest, then interest, then principal", async () => {
      const late = await position(loanId, "2023-04-15");
      const amount = late.overdueInterest + late.interestDue + late.principalDue;
      const result = await repay(loanId, amount, "2023-04-15", "repayment-0001");
      expect(result.errors).to.equal(undefined);
      expect(result.data!.recordLoanRepayment.repayment).to.deep.include({ amount, overdueInterestPart: late.overdueInterest, interestPart: late.interestDue, principalPart: late.principalDue });
      const after = await position(loanId, "2023-04-15");
      expect(after).to.include({ status: "ACTIVE", daysPastDue: 0, principalDue: 0, interestDue: 0, overdueInterest: 0, debtGroup: 1 });
      const before = await rowCounts(t.db);
      const replay = await repay(loanId, amount, "2023-04-15", "repayment-0001");
      expect(replay.data!.recordLoanRepayment.replayed).to.equal(true);
      expect(replay.data!.recordLoanRepayment.repayment.id).to.equal(result.data!.recordLoanRepayment.repayment.id);
      expect(await rowCounts(t.db)).to.deep.equal(before);
    });

    it("refuses an overpayment, a back-dated repayment and a reused key", async () => {
      const owed = (await position(loanId, "2023-05-10")).payoffAmount;
      const over = await refused(REPAY, { input: { loanId, amount: owed + 1, paidOn: "2023-05-10", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "BAD_USER_INPUT");
      expect(over.errors![0].extensions!.invalidInputs![0].path).to.equal("input.amount");
      const early = await refused(REPAY, { input: { loanId, amount: 1000, paidOn: "2023-04-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "BAD_USER_INPUT");
      expect(early.errors![0].extensions!.invalidInputs![0].path).to.equal("input.paidOn");
      await refused(REPAY, { input: { loanId, amount: 1000, paidOn: "2023-05-10", idempotencyKey: "repayment-0001" } }, tokens.fundOfficer(), "CONFLICT");
    });

    it("lists repayments as a connection", async () => {
      const result = await q(`query ($id: ID!) { loan(id: $id) { repayments(first: 10) { totalCount edges { node { paidOn amount } } } } }`, { id: loanId }, tokens.fundOfficer());
      expect(result.data!.loan.repayments.totalCount).to.equal(1);
    });

    it("closes the loan when the payoff amount is paid, after which nothing more is accepted", async () => {
      const owed = (await position(loanId, "2023-05-10")).payoffAmount;
      const result = await repay(loanId, owed, "2023-05-10");
      expect(result.errors).to.equal(undefined);
      expect(result.data!.recordLoanRepayment.loan).to.deep.include({ closedOn: "2023-05-10", status: "CLOSED" });
      expect(await position(loanId, "2024-01-01")).to.include({ status: "CLOSED", outstandingPrincipal: 0, daysPastDue: 0, debtGroup: null, payoffAmount: 0 });
      // History stays: before the closing the loan was still live.
      const dayBefore = await position(loanId, "2023-05-09");
      expect(dayBefore.status).to.not.equal("CLOSED");
      expect(dayBefore.outstandingPrincipal).to.be.greaterThan(0);
      const version = await loanVersion(loanId);
      await refused(REPAY, { input: { loanId, amount: 1000, paidOn: "2023-05-11", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
      await refused(DISBURSE, { input: { loanId, amount: 1000, disbursedOn: "2023-05-11", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
      await refused(RESTRUCTURE, { input: { loanId, version, effectiveOn: "2023-05-11", remainingTermMonths: 12, reason: "Thử lại" } }, tokens.fundApprover(), "CONFLICT");
      await refused(WRITE_OFF, { input: { loanId, version, writtenOffOn: "2023-05-11", reason: "Thử lại" } }, tokens.fundApprover(), "CONFLICT");
    });
  });

  describe("restructuring and write-off", () => {
    let loanId: string;
    before(async () => {
      loanId = (await flow.signed(second.id, { amount: 300_000_000, term: 24, signedOn: "2023-01-25" })).id;
      await disburse(loanId, 300_000_000, "2023-02-01");
    });

    it("restructures an overdue loan: nothing past due under the new schedule, history kept", async () => {
      const late = await position(loanId, "2023-09-01");
      expect(late).to.include({ status: "OVERDUE", daysPastDue: 184, debtGroup: 4 });
      const version = await loanVersion(loanId);
      await refused(RESTRUCTURE, { input: { loanId, version: version + 1, effectiveOn: "2023-09-01", remainingTermMonths: 24, graceMonths: 3, reason: "Thiệt hại do thiên tai" } }, tokens.fundApprover(), "CONFLICT");
      await refused(RESTRUCTURE, { input: { loanId, version, effectiveOn: "2023-09-01", remainingTermMonths: 24, graceMonths: 3, reason: "Thiệt hại do thiên tai" } }, tokens.fundOfficer(), "FORBIDDEN");
      await refused(RESTRUCTURE, { input: { loanId, version, effectiveOn: "2023-09-01", remainingTermMonths: 3, graceMonths: 3, reason: "Thiệt hại do thiên tai" } }, tokens.fundApprover(), "BAD_USER_INPUT");
      const result = await q(RESTRUCTURE, { input: { loanId, version, effectiveOn: "2023-09-01", remainingTermMonths: 24, graceMonths: 3, annualInterestRate: 6, reason: "Thiệt hại do thiên tai" } }, tokens.fundApprover());
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      expect(result.data!.restructureLoan.restructuring).to.deep.equal({ effectiveOn: "2023-09-01", remainingMonths: 24 });
      const after = await position(loanId, "2023-09-02");
      expect(after).to.include({ status: "RESTRUCTURED", daysPastDue: 0, outstandingPrincipal: 300_000_000, debtGroup: 1 });
      // Overdue interest accrued until the new terms took effect stays owed; none accrues after.
      expect(after.overdueInterest).to.equal((await position(loanId, "2023-08-31")).overdueInterest);
      expect(after.overdueInterest).to.be.greaterThan(0).and.at.most(late.overdueInterest);
      expect((await position(loanId, "2023-08-31")).status).to.equal("OVERDUE");
      const s = (await q(`query ($id: ID!) { loan(id: $id) { annualInterestRate schedule(asOf: "2023-09-02") { version reason totalPrincipal maturityDate annualInterestRate } } }`, { id: loanId }, tokens.fundOfficer())).data!.loan;
      expect(s).to.deep.equal({ annualInterestRate: 6, schedule: { version: 2, reason: "RESTRUCTURE", totalPrincipal: 300_000_000, maturityDate: "2025-09-01", annualInterestRate: 6 } });
    });

    it("stores with every instalment of every schedule version the totals due up to it", async () => {
      // Written by a trigger whoever inserts the instalments; positionsSql reads them.
      const { rows } = await t.db.query(
        `SELECT s.version, i.number, i.principal_to_date, i.interest_to_date,
                sum(i.principal) OVER w AS principal_sum, sum(i.interest) OVER w AS interest_sum
           FROM schedule_installment i JOIN loan_schedule s ON s.id = i.schedule_id
          WHERE i.loan_id = $1 WINDOW w AS (PARTITION BY i.schedule_id ORDER BY i.number)`,
        [loanId],
      );
      expect(new Set(rows.map((r) => r.version)).size, "schedule versions").to.be.greaterThan(1);
      for (const r of rows) {
        expect([r.version, r.number, r.principal_to_date, r.interest_to_date]).to.deep.equal([r.version, r.number, r.principal_sum, r.interest_sum]);
      }
    });

    it("goes past due again under the new schedule when it is not paid", async () => {
      // The first new instalment (interest only, with the deferred interest) fell due on 2023-10-01.
      expect(await position(loanId, "2023-10-01")).to.include({ status: "RESTRUCTURED", daysPastDue: 0 });
      expect(await position(loanId, "2024-01-15")).to.include({ status: "OVERDUE", daysPastDue: 106, oldestUnpaidDueDate: "2023-10-01" });
    });

    it("writes off the outstanding principal (FUND_APPROVER only), after which repayments are refused", async () => {
      const version = await loanVersion(loanId);
      await refused(WRITE_OFF, { input: { loanId, version, writtenOffOn: "2024-06-30", reason: "HTX giải thể" } }, tokens.fundOfficer(), "FORBIDDEN");
      await refused(WRITE_OFF, { input: { loanId, version, writtenOffOn: "2023-08-01", reason: "HTX giải thể" } }, tokens.fundApprover(), "BAD_USER_INPUT");
      const result = await q(WRITE_OFF, { input: { loanId, version, writtenOffOn: "2024-06-30", reason: "HTX giải thể" } }, tokens.fundApprover());
      expect(result.data!.writeOffLoan.loan).to.deep.include({ writtenOffOn: "2024-06-30", writtenOffPrincipal: 300_000_000 });
      expect(await position(loanId, "2024-07-01")).to.include({ status: "WRITTEN_OFF", outstandingPrincipal: 0, writtenOffPrincipal: 300_000_000, debtGroup: null });
      expect((await position(loanId, "2024-06-29")).status).to.equal("OVERDUE");
      await refused(REPAY, { input: { loanId, amount: 1_000_000, paidOn: "2024-07-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
      await refused(WRITE_OFF, { input: { loanId, version: version + 1, writtenOffOn: "2024-07-01", reason: "Lần hai" } }, tokens.fundApprover(), "CONFLICT");
    });
  });

  describe("concurrency", () => {
    it("lets one of two truly concurrent disbursements exceeding the contract succeed and refuses the other with CONFLICT", async () => {
      const loanId = (await flow.signed(borrower.id, { amount: 500_000_000 })).id;
      const before = await rowCounts(t.db);
      const results = await Promise.all([disburse(loanId, 300_000_000, "2023-02-01"), disburse(loanId, 300_000_000, "2023-02-01")]);
      const codes = results.map((r) => (r.errors ? code(r) : "OK")).sort();
      expect(codes).to.deep.equal(["CONFLICT", "OK"]);
      const { rows } = await t.db.query(`SELECT count(*) AS n, sum(amount) AS total FROM disbursement WHERE loan_id = $1`, [loanId]);
      expect({ n: Number(rows[0].n), total: Number(rows[0].total) }).to.deep.equal({ n: 1, total: 300_000_000 });
      const after = await rowCounts(t.db);
      expect(after.disbursement - before.disbursement).to.equal(1);
      expect(after.loan_schedule - before.loan_schedule).to.equal(1);
    });

    it("never disburses more than the contract under many concurrent tranches", async () => {
      const loanId = (await flow.signed(borrower.id, { amount: 500_000_000 })).id;
      const results = await Promise.all(Array.from({ length: 6 }, () => disburse(loanId, 150_000_000, "2023-02-01")));
      expect(results.filter((r) => !r.errors)).to.have.length(3);
      expect(results.filter((r) => code(r) === "CONFLICT")).to.have.length(3);
      const { rows } = await t.db.query(`SELECT sum(amount) AS total, array_agg(tranche_number ORDER BY tranche_number) AS tranches FROM disbursement WHERE loan_id = $1`, [loanId]);
      expect(Number(rows[0].total)).to.equal(450_000_000);
      expect(rows[0].tranches).to.deep.equal([1, 2, 3]);
    });

    it("records a disbursement once when the same key arrives twice at the same time", async () => {
      const loanId = (await flow.signed(borrower.id, { amount: 500_000_000 })).id;
      const key = randomUUID();
      const results = await Promise.all([disburse(loanId, 100_000_000, "2023-02-01", key), disburse(loanId, 100_000_000, "2023-02-01", key)]);
      expect(results.every((r) => !r.errors)).to.equal(true);
      expect(results.map((r) => r.data!.disburseLoan.replayed).sort()).to.deep.equal([false, true]);
      const { rows } = await t.db.query(`SELECT count(*) AS n FROM disbursement WHERE loan_id = $1`, [loanId]);
      expect(Number(rows[0].n)).to.equal(1);
    });
  });

  describe("roles and bad input on money-moving mutations", () => {
    let loanId: string;
    before(async () => {
      loanId = (await flow.signed(borrower.id, { amount: 400_000_000 })).id;
    });
    const input = (overrides: Record<string, unknown> = {}) => ({ input: { loanId, amount: 100_000_000, disbursedOn: "2023-02-01", idempotencyKey: randomUUID(), ...overrides } });

    it("lets only FUND_OFFICER disburse and record repayments", async () => {
      await refused(DISBURSE, input(), tokens.fundApprover(), "FORBIDDEN");
      await refused(DISBURSE, input(), tokens.officer(), "FORBIDDEN");
      await refused(DISBURSE, input(), tokens.admin(), "FORBIDDEN");
      await refused(DISBURSE, input(), tokens.manager(borrower.id), "FORBIDDEN");
      await refused(DISBURSE, input(), undefined, "UNAUTHENTICATED");
      await refused(REPAY, { input: { loanId, amount: 1000, paidOn: "2023-02-01", idempotencyKey: randomUUID() } }, tokens.manager(borrower.id), "FORBIDDEN");
    });

    it("refuses a repayment before anything is disbursed", async () => {
      await refused(REPAY, { input: { loanId, amount: 1000, paidOn: "2023-02-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer(), "CONFLICT");
    });

    const bad: [string, Record<string, unknown>, string, string | null][] = [
      ["a malformed loan id", { loanId: "loan-1" }, "BAD_USER_INPUT", "input.loanId"],
      ["an unknown loan id", { loanId: randomUUID() }, "NOT_FOUND", null],
      ["a zero amount", { amount: 0 }, "BAD_USER_INPUT", "input.amount"],
      ["a negative amount", { amount: -100 }, "BAD_USER_INPUT", null],
      ["an amount beyond the Money range", { amount: 1e16 }, "BAD_USER_INPUT", null],
      ["a fractional amount", { amount: 10.5 }, "BAD_USER_INPUT", null],
      ["an amount given as a string", { amount: "100000000" }, "BAD_USER_INPUT", null],
      ["a malformed date", { disbursedOn: "2023-02-30" }, "BAD_USER_INPUT", null],
      ["a date in the future", { disbursedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.disbursedOn"],
      ["a date before the contract", { disbursedOn: "2023-01-01" }, "BAD_USER_INPUT", "input.disbursedOn"],
      ["a short idempotency key", { idempotencyKey: "k" }, "BAD_USER_INPUT", "input.idempotencyKey"],
    ];
    for (const [what, overrides, expected, path] of bad) {
      it(`refuses ${what} with ${expected} and writes nothing`, async () => {
        const result = await refused(DISBURSE, input(overrides), tokens.fundOfficer(), expected);
        if (path) expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include(path);
      });
    }
  });

  describe("visibility", () => {
    let loanId: string;
    before(async () => {
      loanId = (await flow.signed(second.id, { amount: 100_000_000 })).id;
    });
    const READ = `query ($id: ID!) { loan(id: $id) { id contractNumber cooperative { id } application { status } product { code } borrower { sectorCode districtName } } }`;

    it("shows a loan to fund staff, officers, administrators and the borrower's manager", async () => {
      for (const token of [tokens.fundOfficer(), tokens.fundApprover(), tokens.officer(), tokens.admin(), tokens.manager(second.id)]) {
        const result = await q(READ, { id: loanId }, token);
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        expect(result.data!.loan).to.deep.include({ id: loanId, cooperative: { id: second.id }, application: { status: "APPROVED" }, product: { code: "PHUONG-AN-SXKD" } });
        expect(result.data!.loan.borrower).to.deep.equal({ sectorCode: "AGRICULTURE", districtName: "Huyện U Minh" });
      }
    });

    it("hides loans from the public and other managers, but shows the public the portfolio", async () => {
      expect(code(await q(READ, { id: loanId }))).to.equal("UNAUTHENTICATED");
      // Another cooperative's loan answers as a missing one.
      expect(await q(READ, { id: loanId }, tokens.manager(borrower.id))).to.deep.equal({ data: { loan: null } });
      expect(code(await q(`{ loans { totalCount } }`))).to.equal("UNAUTHENTICATED");
      const portfolio = await q(`{ fundPortfolio(asOf: "2023-06-30") { loansOutstanding principalOutstanding par30Ratio } }`);
      expect(portfolio.errors).to.equal(undefined);
      expect(portfolio.data!.fundPortfolio.loansOutstanding).to.be.greaterThan(0);
    });

    it("lists only its own loans to a manager and finds loans by contract number", async () => {
      const mine = await q(`{ loans(first: 100) { totalCount edges { node { cooperative { id } } } } }`, {}, tokens.manager(second.id));
      expect(new Set(mine.data!.loans.edges.map((e: any) => e.node.cooperative.id))).to.deep.equal(new Set([second.id]));
      const contract = (await q(READ, { id: loanId }, tokens.officer())).data!.loan.contractNumber;
      const found = await q(`query ($c: String!) { loanByContractNumber(contractNumber: $c) { id } }`, { c: contract }, tokens.officer());
      expect(found.data!.loanByContractNumber.id).to.equal(loanId);
    });

    it("filters loans by overdue status as of a date", async () => {
      const overdue = await q(`{ loans(first: 100, filter: { asOf: "2023-09-01", overdue: true }) { edges { node { id status(asOf: "2023-09-01") } } } }`, {}, tokens.officer());
      expect(overdue.errors, JSON.stringify(overdue.errors)).to.equal(undefined);
      expect(overdue.data!.loans.edges.length).to.be.greaterThan(0);
      expect(overdue.data!.loans.edges.every((e: any) => e.node.status === "OVERDUE")).to.equal(true);
      const byStatus = await q(`{ loans(first: 100, filter: { asOf: "2024-01-01", statuses: [CLOSED] }) { totalCount } }`, {}, tokens.officer());
      expect(byStatus.data!.loans.totalCount).to.equal(1);
    });
  });
});
