import { expect } from "chai";
import { randomUUID } from "node:crypto";
import {
  APPRAISE,
  APPROVE,
  code,
  cooperative,
  FundUnderTest,
  REJECT,
  SIGN,
  START,
  startFund,
  SUBMIT,
  tokens,
  WITHDRAW,
  Workflow,
  refusedUnchanged,
} from "./support";

describe("fund subgraph: applications, state machine and maker-checker", function () {
  this.timeout(120_000);
  const active = cooperative();
  const other = cooperative({ sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: "967", districtName: "Huyện Thới Bình" });
  const suspended = cooperative({ status: "SUSPENDED" });
  let t: FundUnderTest;
  let flow: Workflow;
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => t.fund.query(query, variables, token);

  const refused = (query: string, variables: Record<string, unknown>, token: string | undefined, expected: string) => refusedUnchanged(t, query, variables, token, expected);

  before(async () => {
    t = await startFund([active, other, suspended]);
    flow = new Workflow(q, await Workflow.productId(q, "PHUONG-AN-SXKD"));
  });
  after(() => t?.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    cooperativeId: active.id,
    productId: flow.productId,
    projectName: "Mua máy sấy lúa",
    purpose: "Đầu tư máy sấy phục vụ thành viên",
    requestedAmount: 400_000_000,
    requestedTermMonths: 24,
    ...overrides,
  });

  describe("submission", () => {
    it("lets an OFFICER submit and records the borrower's sector and district from the directory", async () => {
      const result = await q(SUBMIT, { input: input() }, tokens.officer());
      expect(result.errors).to.equal(undefined);
      expect(result.data!.submitLoanApplication.application).to.deep.include({ status: "SUBMITTED", version: 1 });
      expect(result.data!.submitLoanApplication.application.borrower).to.deep.equal({ sectorCode: "FISHERIES", sectorName: "Thủy sản", districtCode: "970", districtName: "Huyện Đầm Dơi" });
      expect(t.directory.lookups).to.include(active.id);
    });

    it("lets a manager submit for its own cooperative only", async () => {
      const own = await q(SUBMIT, { input: input() }, tokens.manager(active.id));
      expect(own.errors).to.equal(undefined);
      await refused(SUBMIT, { input: input() }, tokens.manager(other.id), "FORBIDDEN");
    });

    it("refuses fund staff, administrators and the public", async () => {
      await refused(SUBMIT, { input: input() }, tokens.fundOfficer(), "FORBIDDEN");
      await refused(SUBMIT, { input: input() }, tokens.fundApprover(), "FORBIDDEN");
      await refused(SUBMIT, { input: input() }, tokens.admin(), "FORBIDDEN");
      await refused(SUBMIT, { input: input() }, undefined, "UNAUTHENTICATED");
    });

    it("refuses a cooperative unknown to the registry (NOT_FOUND) and one that is not ACTIVE (CONFLICT)", async () => {
      const unknown = await refused(SUBMIT, { input: input({ cooperativeId: randomUUID() }) }, tokens.officer(), "NOT_FOUND");
      expect(unknown.errors![0].message).to.match(/Cooperative .* was not found/);
      const inactive = await refused(SUBMIT, { input: input({ cooperativeId: suspended.id }) }, tokens.officer(), "CONFLICT");
      expect(inactive.errors![0].message).to.match(/SUSPENDED.*only an ACTIVE cooperative/);
    });

    it("refuses an unknown product with NOT_FOUND", async () => {
      await refused(SUBMIT, { input: input({ productId: randomUUID() }) }, tokens.officer(), "NOT_FOUND");
    });

    const badInputs: [string, Record<string, unknown>, string][] = [
      ["a malformed cooperative id", { cooperativeId: "not-a-uuid" }, "input.cooperativeId"],
      ["a malformed product id", { productId: "123" }, "input.productId"],
      ["a zero amount", { requestedAmount: 0 }, "input.requestedAmount"],
      ["more than the product's maximum", { requestedAmount: 900_000_000 }, "input.requestedAmount"],
      ["a term beyond the product's maximum", { requestedTermMonths: 48 }, "input.requestedTermMonths"],
      ["a submission date in the future", { submittedOn: "2999-01-01" }, "input.submittedOn"],
      ["an over-long project name", { projectName: "x".repeat(300) }, "input.projectName"],
    ];
    for (const [what, overrides, path] of badInputs) {
      it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
        const result = await refused(SUBMIT, { input: input(overrides) }, tokens.officer(), "BAD_USER_INPUT");
        expect(result.errors![0].extensions!.invalidInputs!.map((i: { path: string }) => i.path)).to.include(path);
      });
    }

    it("refuses wrong types, negative and oversized money as bad variables", async () => {
      for (const overrides of [{ requestedAmount: -5 }, { requestedAmount: 12.5 }, { requestedAmount: "500000000" }, { requestedAmount: 2e15 }, { requestedTermMonths: "two" }]) {
        const result = await refused(SUBMIT, { input: input(overrides) }, tokens.officer(), "BAD_USER_INPUT");
        expect(result.errors).to.have.length(1);
      }
    });

    it("requires collateral for a product that asks for it", async () => {
      const investment = await Workflow.productId(q, "DU-AN-DAU-TU");
      const result = await refused(SUBMIT, { input: input({ productId: investment, requestedTermMonths: 36 }) }, tokens.officer(), "BAD_USER_INPUT");
      expect(result.errors![0].extensions!.invalidInputs![0].path).to.equal("input.collateral");
    });
  });

  describe("appraisal and decision", () => {
    it("walks SUBMITTED → UNDER_APPRAISAL → appraised → APPROVED → signed, with versions", async () => {
      const app = await flow.submit(active.id, { requestedAmount: 400_000_000, requestedTermMonths: 24, submittedOn: "2023-02-01" });
      const started = await flow.step(START, { applicationId: app.id, version: 1 }, tokens.fundOfficer("officer-a"));
      expect(started).to.include({ status: "UNDER_APPRAISAL", version: 2 });
      const appraised = await flow.step(APPRAISE, { applicationId: app.id, version: 2, recommendation: "APPROVE", notes: "Đủ điều kiện", recommendedAmount: 350_000_000 }, tokens.fundOfficer("officer-a"));
      expect(appraised).to.deep.include({ status: "UNDER_APPRAISAL", version: 3 });
      const approved = await q(APPROVE, { input: { applicationId: app.id, version: 3, approvedAmount: 350_000_000, approvedTermMonths: 24, decidedOn: "2023-02-10" } }, tokens.fundApprover("approver-b"));
      expect(approved.data!.approveLoanApplication.application).to.deep.include({ status: "APPROVED", version: 4 });
      expect(approved.data!.approveLoanApplication.application.decision).to.deep.equal({ decidedBy: "approver-b", approved: true, approvedAmount: 350_000_000, approvedTermMonths: 24, approvedAnnualInterestRate: 7.2 });
      const signed = await q(SIGN, { input: { applicationId: app.id, version: 4, signedOn: "2023-02-15" } }, tokens.fundOfficer());
      expect(signed.errors).to.equal(undefined);
      expect(signed.data!.signLoanContract.loan).to.deep.include({ principal: 350_000_000, termMonths: 24, graceMonths: 0, repaymentMethod: "ANNUITY", annualInterestRate: 7.2 });
      expect(signed.data!.signLoanContract.loan.contractNumber).to.match(/^QHT-2023-\d{4}$/);
      const read = await q(`query ($id: ID!) { loanApplication(id: $id) { status loan { contractNumber } appraisal { startedBy appraisedBy recommendation recommendedAmount notes } } }`, { id: app.id }, tokens.officer());
      expect(read.data!.loanApplication).to.deep.equal({
        status: "APPROVED",
        loan: { contractNumber: signed.data!.signLoanContract.loan.contractNumber },
        appraisal: { startedBy: "officer-a", appraisedBy: "officer-a", recommendation: "APPROVE", recommendedAmount: 350_000_000, notes: "Đủ điều kiện" },
      });
    });

    it("numbers contracts of a year in sequence", async () => {
      const a = await flow.signed(active.id, { signedOn: "2022-03-01", submit: { submittedOn: "2022-01-05" } }).catch((e) => e);
      // decidedOn is 2023-01-20 in the helper: signing in 2022 is before the decision.
      expect(String(a)).to.match(/BAD_USER_INPUT/);
      const first = await flow.signed(active.id, { signedOn: "2024-03-01" });
      const second = await flow.signed(other.id, { signedOn: "2024-04-01" });
      expect([first.contractNumber, second.contractNumber]).to.deep.equal(["QHT-2024-0001", "QHT-2024-0002"]);
    });

    it("refuses the appraiser as approver or rejecter (maker-checker), comparing token subjects", async () => {
      const app = await flow.submit(active.id);
      const started = await flow.step(START, { applicationId: app.id, version: app.version }, tokens.fundOfficer("same-person"));
      const appraised = await flow.step(APPRAISE, { applicationId: app.id, version: started.version, recommendation: "APPROVE", notes: "Tốt" }, tokens.fundOfficer("same-person"));
      const approve = await refused(APPROVE, { input: { applicationId: app.id, version: appraised.version, approvedAmount: 100_000_000, approvedTermMonths: 12 } }, tokens.fundApprover("same-person"), "FORBIDDEN");
      expect(approve.errors![0].message).to.match(/maker-checker/);
      await refused(REJECT, { input: { applicationId: app.id, version: appraised.version, reason: "Không" } }, tokens.fundApprover("same-person"), "FORBIDDEN");
      const other = await q(APPROVE, { input: { applicationId: app.id, version: appraised.version, approvedAmount: 100_000_000, approvedTermMonths: 12 } }, tokens.fundApprover("someone-else"));
      expect(other.errors).to.equal(undefined);
    });

    it("keeps each step to its role", async () => {
      const app = await flow.submit(active.id);
      await refused(START, { input: { applicationId: app.id, version: 1 } }, tokens.fundApprover(), "FORBIDDEN");
      await refused(START, { input: { applicationId: app.id, version: 1 } }, tokens.officer(), "FORBIDDEN");
      await refused(START, { input: { applicationId: app.id, version: 1 } }, tokens.manager(active.id), "FORBIDDEN");
      await refused(START, { input: { applicationId: app.id, version: 1 } }, undefined, "UNAUTHENTICATED");
      const started = await flow.step(START, { applicationId: app.id, version: 1 }, tokens.fundOfficer());
      const appraisal = { applicationId: app.id, version: started.version, recommendation: "REJECT", notes: "Thiếu hồ sơ" };
      await refused(APPRAISE, { input: appraisal }, tokens.fundApprover(), "FORBIDDEN");
      const appraised = await flow.step(APPRAISE, appraisal, tokens.fundOfficer());
      await refused(REJECT, { input: { applicationId: app.id, version: appraised.version, reason: "Không đủ điều kiện" } }, tokens.fundOfficer("another-officer"), "FORBIDDEN");
      await refused(APPROVE, { input: { applicationId: app.id, version: appraised.version, approvedAmount: 1_000_000, approvedTermMonths: 6 } }, tokens.admin(), "FORBIDDEN");
      const rejected = await flow.step(REJECT, { applicationId: app.id, version: appraised.version, reason: "Không đủ điều kiện" }, tokens.fundApprover());
      expect(rejected.status).to.equal("REJECTED");
    });

    describe("every refused transition is a CONFLICT and changes nothing", () => {
      const approveInput = (id: string, version: number) => ({ applicationId: id, version, approvedAmount: 100_000_000, approvedTermMonths: 12 });
      const actions = {
        start: (id: string, v: number) => [START, { input: { applicationId: id, version: v } }, tokens.fundOfficer()] as const,
        appraise: (id: string, v: number) => [APPRAISE, { input: { applicationId: id, version: v, recommendation: "APPROVE", notes: "Ổn định" } }, tokens.fundOfficer()] as const,
        approve: (id: string, v: number) => [APPROVE, { input: approveInput(id, v) }, tokens.fundApprover()] as const,
        reject: (id: string, v: number) => [REJECT, { input: { applicationId: id, version: v, reason: "Không" } }, tokens.fundApprover()] as const,
        withdraw: (id: string, v: number) => [WITHDRAW, { input: { applicationId: id, version: v } }, tokens.officer()] as const,
        sign: (id: string, v: number) => [SIGN, { input: { applicationId: id, version: v } }, tokens.fundOfficer()] as const,
      };
      type Name = keyof typeof actions;
      /** Brings a fresh application into a state; returns id and version. */
      const states: Record<string, () => Promise<{ id: string; version: number }>> = {
        SUBMITTED: async () => flow.submit(active.id),
        "UNDER_APPRAISAL (not appraised)": async () => {
          const a = await flow.submit(active.id);
          return flow.step(START, { applicationId: a.id, version: a.version }, tokens.fundOfficer());
        },
        "UNDER_APPRAISAL (appraised)": async () => {
          const a = await flow.submit(active.id);
          const s = await flow.step(START, { applicationId: a.id, version: a.version }, tokens.fundOfficer());
          return flow.step(APPRAISE, { applicationId: a.id, version: s.version, recommendation: "APPROVE", notes: "Ổn định" }, tokens.fundOfficer("appraiser-x"));
        },
        APPROVED: async () => flow.approved(active.id),
        "APPROVED (signed)": async () => {
          const a = await flow.approved(active.id);
          const s = await q(SIGN, { input: { applicationId: a.id, version: a.version } }, tokens.fundOfficer());
          return s.data!.signLoanContract.application;
        },
        REJECTED: async () => {
          const a = await flow.submit(active.id);
          const s = await flow.step(START, { applicationId: a.id, version: a.version }, tokens.fundOfficer());
          const ap = await flow.step(APPRAISE, { applicationId: a.id, version: s.version, recommendation: "REJECT", notes: "Không" }, tokens.fundOfficer("appraiser-x"));
          return flow.step(REJECT, { applicationId: a.id, version: ap.version, reason: "Không" }, tokens.fundApprover());
        },
        WITHDRAWN: async () => {
          const a = await flow.submit(active.id);
          return flow.step(WITHDRAW, { applicationId: a.id, version: a.version }, tokens.officer());
        },
      };
      const allowed: Record<string, Name[]> = {
        SUBMITTED: ["start", "withdraw"],
        "UNDER_APPRAISAL (not appraised)": ["appraise", "withdraw"],
        "UNDER_APPRAISAL (appraised)": ["approve", "reject", "withdraw"],
        APPROVED: ["withdraw", "sign"],
        "APPROVED (signed)": [],
        REJECTED: [],
        WITHDRAWN: [],
      };
      for (const [state, make] of Object.entries(states)) {
        for (const name of Object.keys(actions) as Name[]) {
          const ok = allowed[state].includes(name);
          it(`${ok ? "allows" : "refuses"} ${name} from ${state}`, async () => {
            const app = await make();
            const [query, variables, token] = actions[name](app.id, app.version);
            if (ok) {
              const result = await q(query, variables, token);
              expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
            } else {
              await refused(query, variables, token, "CONFLICT");
            }
          });
        }
      }
    });

    it("refuses a stale version with CONFLICT and an unknown application with NOT_FOUND", async () => {
      const app = await flow.submit(active.id);
      await refused(START, { input: { applicationId: app.id, version: 7 } }, tokens.fundOfficer(), "CONFLICT");
      await refused(START, { input: { applicationId: randomUUID(), version: 1 } }, tokens.fundOfficer(), "NOT_FOUND");
      const malformed = await refused(START, { input: { applicationId: "x1", version: 1 } }, tokens.fundOfficer(), "BAD_USER_INPUT");
      expect(malformed.errors![0].extensions!.invalidInputs![0].path).to.equal("input.applicationId");
    });

    it("refuses an approval above the amount requested or the product's limits", async () => {
      const app = await flow.submit(active.id, { requestedAmount: 300_000_000 });
      const s = await flow.step(START, { applicationId: app.id, version: app.version }, tokens.fundOfficer());
      const ap = await flow.step(APPRAISE, { applicationId: app.id, version: s.version, recommendation: "APPROVE", notes: "Ổn định" }, tokens.fundOfficer("appraiser-x"));
      const more = await refused(APPROVE, { input: { applicationId: app.id, version: ap.version, approvedAmount: 300_000_001, approvedTermMonths: 12 } }, tokens.fundApprover(), "BAD_USER_INPUT");
      expect(more.errors![0].extensions!.invalidInputs![0].path).to.equal("input.approvedAmount");
      const longer = await refused(APPROVE, { input: { applicationId: app.id, version: ap.version, approvedAmount: 300_000_000, approvedTermMonths: 37 } }, tokens.fundApprover(), "BAD_USER_INPUT");
      expect(longer.errors![0].extensions!.invalidInputs![0].path).to.equal("input.approvedTermMonths");
      const rate = await refused(APPROVE, { input: { applicationId: app.id, version: ap.version, approvedAmount: 300_000_000, approvedTermMonths: 12, approvedAnnualInterestRate: 6.12345 } }, tokens.fundApprover(), "BAD_USER_INPUT");
      expect(rate.errors![0].extensions!.invalidInputs![0].path).to.equal("input.approvedAnnualInterestRate");
    });

    it("lets the applicant's manager withdraw, but not another cooperative's manager", async () => {
      const app = await flow.submit(active.id, {}, tokens.manager(active.id));
      await refused(WITHDRAW, { input: { applicationId: app.id, version: app.version } }, tokens.manager(other.id), "FORBIDDEN");
      await refused(WITHDRAW, { input: { applicationId: app.id, version: app.version } }, tokens.fundOfficer(), "FORBIDDEN");
      const done = await flow.step(WITHDRAW, { applicationId: app.id, version: app.version, reason: "Đã vay nơi khác" }, tokens.manager(active.id));
      expect(done.status).to.equal("WITHDRAWN");
    });
  });

  describe("visibility", () => {
    let applicationId: string;
    before(async () => {
      applicationId = (await flow.submit(other.id)).id;
    });
    const READ = `query ($id: ID!) { loanApplication(id: $id) { id projectName } }`;

    it("shows an application to fund staff, officers, administrators and the applicant's manager", async () => {
      for (const token of [tokens.fundOfficer(), tokens.fundApprover(), tokens.officer(), tokens.admin(), tokens.manager(other.id)]) {
        const result = await q(READ, { id: applicationId }, token);
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        expect(result.data!.loanApplication.id).to.equal(applicationId);
      }
    });

    it("hides it from the public and from another cooperative's manager", async () => {
      expect(code(await q(READ, { id: applicationId }))).to.equal("UNAUTHENTICATED");
      // Another cooperative's application answers as a missing one.
      expect(await q(READ, { id: applicationId }, tokens.manager(active.id))).to.deep.equal({ data: { loanApplication: null } });
      expect(code(await q(`{ loanApplications { totalCount } }`))).to.equal("UNAUTHENTICATED");
    });

    it("lists only its own cooperative's applications to a manager", async () => {
      const mine = await q(`{ loanApplications(first: 100) { totalCount edges { node { cooperative { id } } } } }`, {}, tokens.manager(other.id));
      const ids = new Set(mine.data!.loanApplications.edges.map((e: any) => e.node.cooperative.id));
      expect([...ids]).to.deep.equal([other.id]);
      const all = await q(`{ loanApplications { totalCount } }`, {}, tokens.fundOfficer());
      expect(all.data!.loanApplications.totalCount).to.be.greaterThan(mine.data!.loanApplications.totalCount);
    });

    it("gives null for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
      expect((await q(READ, { id: randomUUID() }, tokens.officer())).data!.loanApplication).to.equal(null);
      expect(code(await q(READ, { id: "nope" }, tokens.officer()))).to.equal("BAD_USER_INPUT");
    });

    it("filters and pages the list, refusing first: 101", async () => {
      const page = await q(`{ loanApplications(first: 2, filter: { statuses: [SUBMITTED] }, orderBy: [{ field: REQUESTED_AMOUNT, direction: DESC }]) { totalCount pageInfo { hasNextPage endCursor } edges { node { status requestedAmount } } } }`, {}, tokens.officer());
      expect(page.errors).to.equal(undefined);
      const c = page.data!.loanApplications;
      expect(c.edges).to.have.length(2);
      expect(c.edges.every((e: any) => e.node.status === "SUBMITTED")).to.equal(true);
      const next = await q(`query ($after: String) { loanApplications(first: 100, after: $after, filter: { statuses: [SUBMITTED] }, orderBy: [{ field: REQUESTED_AMOUNT, direction: DESC }]) { edges { node { requestedAmount } } } }`, { after: c.pageInfo.endCursor }, tokens.officer());
      expect(next.data!.loanApplications.edges.length).to.equal(c.totalCount - 2);
      expect(code(await q(`{ loanApplications(first: 101) { totalCount } }`, {}, tokens.officer()))).to.equal("BAD_USER_INPUT");
    });
  });
});
