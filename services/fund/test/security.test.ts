import { AuditEntry, createDataSource, PERSONAL_DATA_FIELDS, recordAudit, REDACTED, Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import {
  APPRAISE,
  APPROVE,
  code,
  cooperative,
  DISBURSE,
  FundUnderTest,
  REJECT,
  REPAY,
  RESTRUCTURE,
  rowCounts,
  SIGN,
  START,
  startFund,
  stateDigest,
  SUBMIT,
  tokens,
  WITHDRAW,
  Workflow,
  WRITE_OFF,
} from "./support";

/**
 * Security at the fund's level: the role matrix of every protected field and mutation, a
 * COOPERATIVE_MANAGER kept to its own cooperative's loans by every path, the bad-input cases the
 * other fund tests do not already cover (right code, nothing written), and the audit log.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = { data?: any; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };

const CREATE_PRODUCT = `mutation ($input: CreateLoanProductInput!) { createLoanProduct(input: $input) { product { id code version } } }`;
const UPDATE_PRODUCT = `mutation ($input: UpdateLoanProductInput!) { updateLoanProduct(input: $input) { product { id version maxAmount } } }`;
const CONFIGURE = `mutation ($input: ConfigureDebtGroupsInput!) { configureDebtGroupThresholds(input: $input) { thresholds { debtGroup minDaysPastDue version } } }`;
const AUDIT = `query ($filter: AuditEntryFilter, $first: Int) {
  fundAuditLog(filter: $filter, first: $first) {
    totalCount edges { node { id occurredAt service actorSubject actorRole operation entityType entityId before after } }
  }
}`;
const LOAN = `query ($id: ID!) { loan(id: $id) { id contractNumber principal } }`;
const APPLICATION = `query ($id: ID!) { loanApplication(id: $id) { id requestedAmount projectName } }`;
const COOPERATIVE_FIELDS = `loans { totalCount edges { node { id principal } } } loanApplications { totalCount edges { node { id projectName } } } fundSummary { loanCount outstandingPrincipal }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id ${COOPERATIVE_FIELDS} } } }`;

const MISSING = "00000000-0000-4000-8000-000000000000";
const ROLES = ["ANONYMOUS", "OFFICER", "FUND_OFFICER", "FUND_APPROVER", "COOPERATIVE_MANAGER", "ADMIN"] as const;
type RoleName = (typeof ROLES)[number];
const READERS: RoleName[] = ["OFFICER", "FUND_OFFICER", "FUND_APPROVER", "ADMIN"];

describe("fund subgraph: security", function () {
  this.timeout(120_000);
  const A = cooperative();
  const B = cooperative({ sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: "967", districtName: "Huyện Thới Bình" });
  let t: FundUnderTest;
  let flow: Workflow;
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Result> => t.fund.query(query, variables, token);
  const ids: { loanA: string; loanB: string; appA: string; appB: string; contractB: string } = { loanA: "", loanB: "", appA: "", appB: "", contractB: "" };

  const tokenOf = (role: RoleName): string | undefined =>
    ({
      ANONYMOUS: undefined,
      OFFICER: tokens.officer(),
      FUND_OFFICER: tokens.fundOfficer(),
      FUND_APPROVER: tokens.fundApprover(),
      COOPERATIVE_MANAGER: tokens.manager(A.id),
      ADMIN: tokens.admin(),
    })[role];
  const refusal = (role: RoleName) => (role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");

  /** Row counts of every table (the audit log's included) and the versions and statuses of mutable rows. */
  const snapshot = async () => [await rowCounts(t.db), await stateDigest(t.db)];

  async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
    const result = await q(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  const entries = async (filter: Record<string, unknown>) => {
    const result = await q(AUDIT, { filter, first: 100 }, tokens.admin());
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.fundAuditLog.edges.map((e: any) => e.node) as any[];
  };

  before(async () => {
    t = await startFund([A, B]);
    flow = new Workflow(q, await Workflow.productId(q, "PHUONG-AN-SXKD"));
    const loanA = await flow.signed(A.id, { amount: 300_000_000 });
    const loanB = await flow.signed(B.id, { amount: 200_000_000 });
    ids.loanA = loanA.id;
    ids.loanB = loanB.id;
    ids.contractB = loanB.contractNumber;
    ids.appA = (await flow.submit(A.id, { projectName: "Dự án của HTX A" })).id;
    ids.appB = (await flow.submit(B.id, { projectName: "Dự án của HTX B" })).id;
  });
  after(() => t?.stop());

  describe("role matrix: protected fields", () => {
    for (const role of ROLES) {
      it(`${role}: loan and loanApplication of its own and of another cooperative`, async () => {
        for (const [query, id, own] of [
          [LOAN, ids.loanA, true],
          [LOAN, ids.loanB, false],
          [APPLICATION, ids.appA, true],
          [APPLICATION, ids.appB, false],
        ] as [string, string, boolean][]) {
          const result = await q(query, { id }, tokenOf(role));
          const allowed = READERS.includes(role) || (role === "COOPERATIVE_MANAGER" && own);
          const value = Object.values(result.data ?? {})[0] ?? null;
          if (allowed) {
            expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
            expect(value).to.deep.include({ id });
          } else if (role === "COOPERATIVE_MANAGER") {
            // Another cooperative's record answers as a missing one: null, no error.
            expect(value).to.equal(null);
            expect(result.errors).to.equal(undefined);
          } else {
            expect(value).to.equal(null);
            expect(code(result)).to.equal(refusal(role));
          }
        }
      });

      it(`${role}: the loans and loanApplications lists`, async () => {
        const result = await q(`{ loans(first: 100) { edges { node { id } } } loanApplications(first: 100) { edges { node { id } } } }`, {}, tokenOf(role));
        if (READERS.includes(role)) {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.loans.edges.map((e: any) => e.node.id)).to.include.members([ids.loanA, ids.loanB]);
          expect(result.data!.loanApplications.edges.map((e: any) => e.node.id)).to.include.members([ids.appA, ids.appB]);
        } else if (role === "COOPERATIVE_MANAGER") {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.loans.edges.map((e: any) => e.node.id)).to.deep.equal([ids.loanA]);
          expect(result.data!.loanApplications.edges.map((e: any) => e.node.id)).to.include(ids.appA).and.not.include(ids.appB);
        } else {
          expect(result.data).to.equal(null);
          expect(code(result)).to.equal(refusal(role));
        }
      });

      it(`${role}: Cooperative.loans, loanApplications and fundSummary through _entities`, async () => {
        const result = await q(ENTITIES, { reps: [{ __typename: "Cooperative", id: A.id }, { __typename: "Cooperative", id: B.id }] }, tokenOf(role));
        const [own, other] = result.data!._entities;
        for (const [c, allowed] of [
          [own, READERS.includes(role) || role === "COOPERATIVE_MANAGER"],
          [other, READERS.includes(role)],
        ] as [any, boolean][]) {
          if (allowed) {
            expect(c.loans.totalCount).to.equal(1);
            expect(c.loanApplications.totalCount).to.be.greaterThan(0);
            expect(c.fundSummary.loanCount).to.equal(1);
          } else {
            expect(c).to.deep.include({ loans: null, loanApplications: null, fundSummary: null });
          }
        }
        const codes = (result.errors ?? []).map((e) => e.extensions!.code);
        const refusedFields = (READERS.includes(role) ? 0 : role === "COOPERATIVE_MANAGER" ? 3 : 6);
        expect(codes).to.have.length(refusedFields);
        expect(codes.every((c) => c === refusal(role))).to.equal(true);
      });

      it(`${role}: fundAuditLog`, async () => {
        const result = await q(AUDIT, { first: 1 }, tokenOf(role));
        if (role === "ADMIN") {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.fundAuditLog.totalCount).to.be.greaterThan(0);
        } else {
          expect(result.data).to.equal(null);
          expect(code(result)).to.equal(refusal(role));
        }
      });
    }

    it("the products, debt groups, portfolio and report stay public", async () => {
      const result = await q(`{ loanProducts { code } debtGroupThresholds { debtGroup } fundPortfolio(asOf: "2023-06-30") { loansOutstanding } }`);
      expect(result.errors).to.equal(undefined);
      expect(result.data!.loanProducts.length).to.be.greaterThan(0);
    });
  });

  describe("role matrix: mutations", () => {
    // Harmless for a role that passes authorisation: an unknown record (NOT_FOUND) or refused input.
    // A refused role gets its code; nothing is written, the audit log included.
    const CONFIGURERS: RoleName[] = ["FUND_APPROVER", "ADMIN"];
    const OFFICERS: RoleName[] = ["FUND_OFFICER"];
    const APPROVERS: RoleName[] = ["FUND_APPROVER"];
    const APPLICANTS: RoleName[] = ["OFFICER", "COOPERATIVE_MANAGER"];
    const productInput = () => ({ code: `SP-${randomUUID().slice(0, 8)}`, name: "Sản phẩm thử", kind: "PRODUCTION_PLAN", maxAmount: 100_000_000, maxTermMonths: 12, annualInterestRate: 6, graceMonths: 12, collateralRequired: false, repaymentMethod: "EQUAL_PRINCIPAL" });
    const cases: [string, string, () => Record<string, unknown>, RoleName[]][] = [
      ["createLoanProduct", CREATE_PRODUCT, () => ({ input: productInput() }), CONFIGURERS],
      ["updateLoanProduct", UPDATE_PRODUCT, () => ({ input: { id: MISSING, version: 1, maxAmount: 1_000_000 } }), CONFIGURERS],
      ["configureDebtGroupThresholds", CONFIGURE, () => ({ input: { thresholds: [1, 2, 3, 4, 5].map((debtGroup) => ({ debtGroup, minDaysPastDue: 10 })) } }), CONFIGURERS],
      ["submitLoanApplication", SUBMIT, () => ({ input: { cooperativeId: A.id, productId: MISSING, projectName: "Dự án", purpose: "Mục đích vay", requestedAmount: 1_000_000, requestedTermMonths: 12 } }), APPLICANTS],
      ["startLoanAppraisal", START, () => ({ input: { applicationId: MISSING, version: 1 } }), OFFICERS],
      ["appraiseLoanApplication", APPRAISE, () => ({ input: { applicationId: MISSING, version: 1, recommendation: "APPROVE", notes: "Khả thi" } }), OFFICERS],
      ["approveLoanApplication", APPROVE, () => ({ input: { applicationId: MISSING, version: 1, approvedAmount: 1_000_000, approvedTermMonths: 12 } }), APPROVERS],
      ["rejectLoanApplication", REJECT, () => ({ input: { applicationId: MISSING, version: 1, reason: "Không khả thi" } }), APPROVERS],
      ["withdrawLoanApplication", WITHDRAW, () => ({ input: { applicationId: MISSING, version: 1 } }), APPLICANTS],
      ["signLoanContract", SIGN, () => ({ input: { applicationId: MISSING, version: 1 } }), OFFICERS],
      ["disburseLoan", DISBURSE, () => ({ input: { loanId: MISSING, amount: 1_000_000, idempotencyKey: randomUUID() } }), OFFICERS],
      ["recordLoanRepayment", REPAY, () => ({ input: { loanId: MISSING, amount: 1_000_000, idempotencyKey: randomUUID() } }), OFFICERS],
      ["restructureLoan", RESTRUCTURE, () => ({ input: { loanId: MISSING, version: 1, remainingTermMonths: 12, graceMonths: 0, reason: "Thiên tai" } }), APPROVERS],
      ["writeOffLoan", WRITE_OFF, () => ({ input: { loanId: MISSING, version: 1, reason: "Mất khả năng trả nợ" } }), APPROVERS],
      // Invalid input too: the role check comes first, so a caller without the role learns nothing of what input is valid.
      ["submitLoanApplication with invalid input", SUBMIT, () => ({ input: { cooperativeId: "x", productId: "y", projectName: "", purpose: "\u202e", requestedAmount: 1, requestedTermMonths: 0 } }), APPLICANTS],
      ["withdrawLoanApplication with invalid input", WITHDRAW, () => ({ input: { applicationId: "not-a-uuid", version: 0, reason: "\u0000" } }), APPLICANTS],
    ];
    for (const [name, query, variables, allowed] of cases) {
      for (const role of ROLES) {
        const expected = allowed.includes(role) ? "allowed" : refusal(role);
        it(`${name} as ${role}: ${expected}`, async () => {
          const before = await snapshot();
          const result = await q(query, variables(), tokenOf(role));
          if (expected === "allowed") expect(["NOT_FOUND", "BAD_USER_INPUT"], JSON.stringify(result.errors)).to.include(code(result));
          else expect(code(result), JSON.stringify(result.errors)).to.equal(expected);
          expect(await snapshot()).to.deep.equal(before);
        });
      }
    }

    it("a COOPERATIVE_MANAGER submits and withdraws for its own cooperative only", async () => {
      const manager = tokens.manager(A.id);
      const before = await snapshot();
      const submit = await q(SUBMIT, { input: { cooperativeId: B.id, productId: flow.productId, projectName: "Dự án", purpose: "Mục đích vay", requestedAmount: 1_000_000, requestedTermMonths: 12 } }, manager);
      expect(code(submit)).to.equal("FORBIDDEN");
      const withdraw = await q(WITHDRAW, { input: { applicationId: ids.appB, version: 1, reason: "Không cần nữa" } }, manager);
      expect(code(withdraw)).to.equal("FORBIDDEN");
      expect(await snapshot()).to.deep.equal(before);
    });
  });

  describe("a COOPERATIVE_MANAGER cannot reach another cooperative's loans by any path", () => {
    const manager = () => tokens.manager(A.id);

    it("not through an entity reference, whatever the id's case", async () => {
      const result = await q(ENTITIES, { reps: [{ __typename: "Cooperative", id: B.id.toUpperCase() }] }, manager());
      expect(result.data!._entities[0]).to.deep.include({ loans: null, loanApplications: null, fundSummary: null });
      expect(result.errors!.map((e) => e.extensions!.code)).to.deep.equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    });

    it("not through Loan or LoanApplication references (node(id:) makes them entities: a reference answers as the root field does)", async () => {
      for (const reps of [[{ __typename: "Loan", id: ids.loanB }], [{ __typename: "LoanApplication", id: ids.appB }]]) {
        const result = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { __typename } }`, { reps }, manager());
        // Another cooperative's loan or application is missing for this manager, as through loan(id:).
        expect(result.data?._entities ?? [null]).to.deep.equal([null]);
        expect(JSON.stringify(result.data ?? null)).not.to.contain(ids.loanB).and.not.to.contain("HTX B");
      }
      const typed = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Loan { id principal } } }`, { reps: [{ __typename: "Loan", id: ids.loanB }] }, manager());
      expect(typed.data?._entities ?? [null]).to.deep.equal([null]);
      expect(JSON.stringify(typed.data ?? null)).not.to.contain("200000000");
      // Its own loan still resolves by reference: the refusal is about whose loan it is.
      const own = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Loan { id } } }`, { reps: [{ __typename: "Loan", id: ids.loanA }] }, manager());
      expect(own.data!._entities).to.deep.equal([{ id: ids.loanA }]);
    });

    it("not through aliases", async () => {
      const result = await q(
        `query ($a: ID!, $b: ID!, $appB: ID!, $reps: [_Any!]!) {
          mine: loan(id: $a) { id } theirs: loan(id: $b) { id principal } again: loanApplication(id: $appB) { projectName }
          refs: _entities(representations: $reps) { ... on Cooperative { l: loans { totalCount } s: fundSummary { outstandingPrincipal } } }
        }`,
        { a: ids.loanA, b: ids.loanB, appB: ids.appB, reps: [{ __typename: "Cooperative", id: B.id }] },
        manager(),
      );
      // The refused fields are nullable: each is null with its error, the rest of the answer stays.
      expect(result.data!.mine).to.deep.equal({ id: ids.loanA });
      expect(result.data!.theirs).to.equal(null);
      expect(result.data!.again).to.equal(null);
      expect(result.data!.refs[0]).to.deep.equal({ l: null, s: null });
      // Refused: the other cooperative's loan fields; the loan and application themselves answer as missing ones.
      expect(result.errors!.map((e) => (e as { path?: string[] }).path?.[0])).to.deep.equal(["refs", "refs"]);
      expect(result.errors!.every((e) => e.extensions!.code === "FORBIDDEN")).to.equal(true);
      expect(JSON.stringify(result.data ?? null)).not.to.contain("Dự án của HTX B");
    });

    it("not through the lists' filters, the contract number, or nested fields", async () => {
      const filtered = await q(`query ($ids: [ID!]) { loans(first: 100, filter: { cooperativeIds: $ids }) { totalCount } loanApplications(first: 100, filter: { cooperativeIds: $ids }) { totalCount } }`, { ids: [B.id] }, manager());
      expect(filtered.errors, JSON.stringify(filtered.errors)).to.equal(undefined);
      expect(filtered.data).to.deep.equal({ loans: { totalCount: 0 }, loanApplications: { totalCount: 0 } });
      // "Not yours" and "does not exist" give the same answer: a manager cannot probe contract numbers.
      const byContract = await q(`query ($c: String!) { loanByContractNumber(contractNumber: $c) { id } }`, { c: ids.contractB }, manager());
      const missing = await q(`query ($c: String!) { loanByContractNumber(contractNumber: $c) { id } }`, { c: "QHT-1999-9999" }, manager());
      expect(byContract).to.deep.equal({ data: { loanByContractNumber: null } });
      expect(byContract).to.deep.equal(missing);
      const nested = await q(`query ($a: ID!) { loan(id: $a) { application { id loan { id } } cooperative { id } } }`, { a: ids.loanA }, manager());
      expect(nested.errors).to.equal(undefined);
      expect(nested.data!.loan.cooperative.id).to.equal(A.id);
    });

    it("not by a token signed with another secret", async () => {
      const forged = signToken({ sub: "manager-of-a", role: Role.COOPERATIVE_MANAGER, cooperativeId: B.id }, { secret: "another-secret-of-at-least-32-characters!" });
      const result = await q(LOAN, { id: ids.loanB }, forged);
      expect(code(result)).to.equal("UNAUTHENTICATED");
      expect(result.data ?? null).to.equal(null);
    });
  });

  describe("bad-input catalogue: what the other fund tests do not cover, the right code, nothing written", () => {
    // Already covered elsewhere: submitLoanApplication (applications.test.ts: malformed ids, zero,
    // negative, fractional, oversized and string amounts, future dates, over-long names, unknown
    // product and cooperative, inactive cooperative), every forbidden application transition and
    // stale versions (applications.test.ts), disburseLoan (loans.test.ts), createLoanProduct
    // duplicates and bad terms (configuration.test.ts).
    let disbursed: { id: string; version: number };
    let product: { id: string; version: number };
    let underAppraisal: { id: string; version: number };
    let appraised: { id: string; version: number };
    let approved: { id: string; version: number };

    before(async () => {
      const loan = await flow.signed(A.id, { amount: 100_000_000, signedOn: "2023-01-25" });
      await ok(DISBURSE, { input: { loanId: loan.id, amount: 100_000_000, disbursedOn: "2023-02-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer());
      const v = await ok(`query ($id: ID!) { loan(id: $id) { version } }`, { id: loan.id }, tokens.fundOfficer());
      disbursed = { id: loan.id, version: v.loan.version };
      product = (await ok(CREATE_PRODUCT, { input: { code: "KIEM-THU-01", name: "Sản phẩm kiểm thử", kind: "PRODUCTION_PLAN", maxAmount: 100_000_000, maxTermMonths: 24, annualInterestRate: 6, graceMonths: 0, collateralRequired: false, repaymentMethod: "EQUAL_PRINCIPAL" } }, tokens.fundApprover())).createLoanProduct.product;
      const submitted = await flow.submit(A.id, { requestedAmount: 100_000_000, requestedTermMonths: 24 });
      underAppraisal = await flow.step(START, { applicationId: submitted.id, version: submitted.version }, tokens.fundOfficer("appraiser-a"));
      const toAppraise = await flow.submit(A.id, { requestedAmount: 100_000_000, requestedTermMonths: 24 });
      const started = await flow.step(START, { applicationId: toAppraise.id, version: toAppraise.version }, tokens.fundOfficer("appraiser-a"));
      appraised = await flow.step(APPRAISE, { applicationId: toAppraise.id, version: started.version, recommendation: "APPROVE", notes: "Khả thi" }, tokens.fundOfficer("appraiser-a"));
      approved = await flow.approved(A.id);
    });

    let signedApplication = MISSING;
    let signedVersion = 1;
    before(async () => {
      const loan = await ok(`query ($id: ID!) { loan(id: $id) { application { id version } } }`, { id: ids.loanA }, tokens.fundOfficer());
      signedApplication = loan.loan.application.id;
      signedVersion = loan.loan.application.version;
    });

    const catalogue: [string, string, () => Record<string, unknown>, string][] = [
      // updateLoanProduct
      ["updateLoanProduct: a malformed id", UPDATE_PRODUCT, () => ({ input: { id: "SP-1", version: 1, maxAmount: 1 } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: an unknown id", UPDATE_PRODUCT, () => ({ input: { id: MISSING, version: 1, maxAmount: 1 } }), "NOT_FOUND"],
      ["updateLoanProduct: a stale version", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version + 1, maxAmount: 1_000 } }), "CONFLICT"],
      ["updateLoanProduct: negative money", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version, maxAmount: -1 } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: money beyond 10^15", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version, maxAmount: 1e16 } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: a rate over 100%", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version, annualInterestRate: 101 } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: grace as long as the term", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version, graceMonths: 24 } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: an over-long name", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: product.version, name: "x".repeat(256) } }), "BAD_USER_INPUT"],
      ["updateLoanProduct: a version of the wrong type", UPDATE_PRODUCT, () => ({ input: { id: product.id, version: "mới nhất", maxAmount: 1 } }), "BAD_USER_INPUT"],
      // configureDebtGroupThresholds
      ["configureDebtGroupThresholds: thresholds out of order", CONFIGURE, () => ({ input: { thresholds: [0, 100, 50, 200, 400].map((minDaysPastDue, i) => ({ debtGroup: i + 1, minDaysPastDue })) } }), "BAD_USER_INPUT"],
      ["configureDebtGroupThresholds: a group missing", CONFIGURE, () => ({ input: { thresholds: [0, 10, 90, 180].map((minDaysPastDue, i) => ({ debtGroup: i + 1, minDaysPastDue })) } }), "BAD_USER_INPUT"],
      ["configureDebtGroupThresholds: a group 6", CONFIGURE, () => ({ input: { thresholds: [0, 10, 90, 180, 360].map((minDaysPastDue, i) => ({ debtGroup: i + 2, minDaysPastDue })) } }), "BAD_USER_INPUT"],
      ["configureDebtGroupThresholds: negative days", CONFIGURE, () => ({ input: { thresholds: [-1, 10, 90, 180, 360].map((minDaysPastDue, i) => ({ debtGroup: i + 1, minDaysPastDue })) } }), "BAD_USER_INPUT"],
      // appraiseLoanApplication
      ["appraiseLoanApplication: notes too short", APPRAISE, () => ({ input: { applicationId: underAppraisal.id, version: underAppraisal.version, recommendation: "APPROVE", notes: "x" } }), "BAD_USER_INPUT"],
      ["appraiseLoanApplication: over-long notes", APPRAISE, () => ({ input: { applicationId: underAppraisal.id, version: underAppraisal.version, recommendation: "APPROVE", notes: "x".repeat(4001) } }), "BAD_USER_INPUT"],
      ["appraiseLoanApplication: an unknown recommendation", APPRAISE, () => ({ input: { applicationId: underAppraisal.id, version: underAppraisal.version, recommendation: "MAYBE", notes: "Khả thi" } }), "BAD_USER_INPUT"],
      ["appraiseLoanApplication: a recommendation above the product's maximum", APPRAISE, () => ({ input: { applicationId: underAppraisal.id, version: underAppraisal.version, recommendation: "APPROVE", notes: "Khả thi", recommendedAmount: 10_000_000_000 } }), "BAD_USER_INPUT"],
      // approveLoanApplication / rejectLoanApplication
      ["approveLoanApplication: a rate over 100%", APPROVE, () => ({ input: { applicationId: appraised.id, version: appraised.version, approvedAmount: 1_000_000, approvedTermMonths: 12, approvedAnnualInterestRate: 150 } }), "BAD_USER_INPUT"],
      ["approveLoanApplication: a decision in the future", APPROVE, () => ({ input: { applicationId: appraised.id, version: appraised.version, approvedAmount: 1_000_000, approvedTermMonths: 12, decidedOn: "2999-01-01" } }), "BAD_USER_INPUT"],
      ["approveLoanApplication: a decision before the submission", APPROVE, () => ({ input: { applicationId: appraised.id, version: appraised.version, approvedAmount: 1_000_000, approvedTermMonths: 12, decidedOn: "2020-01-01" } }), "BAD_USER_INPUT"],
      ["rejectLoanApplication: a reason too short", REJECT, () => ({ input: { applicationId: appraised.id, version: appraised.version, reason: "x" } }), "BAD_USER_INPUT"],
      ["rejectLoanApplication: a malformed id", REJECT, () => ({ input: { applicationId: "HS-1", version: 1, reason: "Không khả thi" } }), "BAD_USER_INPUT"],
      // withdrawLoanApplication / signLoanContract
      ["withdrawLoanApplication: an over-long reason", WITHDRAW, () => ({ input: { applicationId: approved.id, version: approved.version, reason: "x".repeat(4001) } }), "BAD_USER_INPUT"],
      ["withdrawLoanApplication: a signed contract (forbidden transition)", WITHDRAW, () => ({ input: { applicationId: signedApplication, version: signedVersion, reason: "Không cần nữa" } }), "CONFLICT"],
      ["signLoanContract: signed before the approval", SIGN, () => ({ input: { applicationId: approved.id, version: approved.version, signedOn: "2022-01-01" } }), "BAD_USER_INPUT"],
      ["signLoanContract: a date in the future", SIGN, () => ({ input: { applicationId: approved.id, version: approved.version, signedOn: "2999-01-01" } }), "BAD_USER_INPUT"],
      ["signLoanContract: a stale version", SIGN, () => ({ input: { applicationId: approved.id, version: approved.version + 3 } }), "CONFLICT"],
      // recordLoanRepayment
      ["recordLoanRepayment: a negative amount", REPAY, () => ({ input: { loanId: disbursed.id, amount: -1, paidOn: "2023-03-01", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: an amount beyond the Money range", REPAY, () => ({ input: { loanId: disbursed.id, amount: 1e16, paidOn: "2023-03-01", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: more than is owed", REPAY, () => ({ input: { loanId: disbursed.id, amount: 900_000_000, paidOn: "2023-03-01", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: a date in the future", REPAY, () => ({ input: { loanId: disbursed.id, amount: 1_000_000, paidOn: "2999-01-01", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: a date that does not exist", REPAY, () => ({ input: { loanId: disbursed.id, amount: 1_000_000, paidOn: "2023-02-30", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: before the latest event", REPAY, () => ({ input: { loanId: disbursed.id, amount: 1_000_000, paidOn: "2023-01-30", idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      ["recordLoanRepayment: an unknown loan", REPAY, () => ({ input: { loanId: MISSING, amount: 1_000_000, paidOn: "2023-03-01", idempotencyKey: randomUUID() } }), "NOT_FOUND"],
      ["recordLoanRepayment: a malformed loan id", REPAY, () => ({ input: { loanId: "QHT-2023-0001", amount: 1_000_000, idempotencyKey: randomUUID() } }), "BAD_USER_INPUT"],
      // restructureLoan
      ["restructureLoan: a stale version", RESTRUCTURE, () => ({ input: { loanId: disbursed.id, version: disbursed.version + 1, remainingTermMonths: 12, graceMonths: 0, effectiveOn: "2023-06-01", reason: "Thiên tai" } }), "CONFLICT"],
      ["restructureLoan: grace as long as the term", RESTRUCTURE, () => ({ input: { loanId: disbursed.id, version: disbursed.version, remainingTermMonths: 12, graceMonths: 12, effectiveOn: "2023-06-01", reason: "Thiên tai" } }), "BAD_USER_INPUT"],
      ["restructureLoan: a term beyond 600 months", RESTRUCTURE, () => ({ input: { loanId: disbursed.id, version: disbursed.version, remainingTermMonths: 601, graceMonths: 0, effectiveOn: "2023-06-01", reason: "Thiên tai" } }), "BAD_USER_INPUT"],
      ["restructureLoan: a rate over 100%", RESTRUCTURE, () => ({ input: { loanId: disbursed.id, version: disbursed.version, remainingTermMonths: 12, graceMonths: 0, annualInterestRate: 101, effectiveOn: "2023-06-01", reason: "Thiên tai" } }), "BAD_USER_INPUT"],
      ["restructureLoan: a date in the future", RESTRUCTURE, () => ({ input: { loanId: disbursed.id, version: disbursed.version, remainingTermMonths: 12, graceMonths: 0, effectiveOn: "2999-01-01", reason: "Thiên tai" } }), "BAD_USER_INPUT"],
      ["restructureLoan: an undisbursed loan", RESTRUCTURE, () => ({ input: { loanId: ids.loanB, version: 1, remainingTermMonths: 12, graceMonths: 0, effectiveOn: "2023-06-01", reason: "Thiên tai" } }), "CONFLICT"],
      // writeOffLoan
      ["writeOffLoan: a reason too short", WRITE_OFF, () => ({ input: { loanId: disbursed.id, version: disbursed.version, writtenOffOn: "2023-06-01", reason: "x" } }), "BAD_USER_INPUT"],
      ["writeOffLoan: an over-long reason", WRITE_OFF, () => ({ input: { loanId: disbursed.id, version: disbursed.version, writtenOffOn: "2023-06-01", reason: "x".repeat(4001) } }), "BAD_USER_INPUT"],
      ["writeOffLoan: a stale version", WRITE_OFF, () => ({ input: { loanId: disbursed.id, version: disbursed.version + 1, writtenOffOn: "2023-06-01", reason: "Mất khả năng trả nợ" } }), "CONFLICT"],
      ["writeOffLoan: nothing outstanding", WRITE_OFF, () => ({ input: { loanId: ids.loanB, version: 1, writtenOffOn: "2023-06-01", reason: "Mất khả năng trả nợ" } }), "CONFLICT"],
      ["writeOffLoan: an unknown loan", WRITE_OFF, () => ({ input: { loanId: MISSING, version: 1, reason: "Mất khả năng trả nợ" } }), "NOT_FOUND"],
    ];
    const APPROVER_MUTATIONS = [RESTRUCTURE, WRITE_OFF, APPROVE, REJECT, UPDATE_PRODUCT, CONFIGURE];

    for (const [what, query, variables, expected] of catalogue) {
      it(`${what}: ${expected}`, async () => {
        const before = await snapshot();
        const token = APPROVER_MUTATIONS.includes(query) ? tokens.fundApprover() : query === WITHDRAW ? tokens.officer() : tokens.fundOfficer();
        const result = await q(query, variables(), token);
        expect(code(result), JSON.stringify(result.errors)).to.equal(expected);
        // No SQL, stack frames or file paths (a business message may well say "at … (…)").
        expect(JSON.stringify(result.errors)).not.to.match(/SELECT|INSERT|UPDATE .* SET|violates|\/work\/|\.ts:\d|\.js:\d|at .*\(.*:\d+:\d+\)/);
        expect(await snapshot()).to.deep.equal(before);
      });
    }
  });

  describe("audit log", () => {
    it("records every step of an application and its loan with who, what and the change", async () => {
      const started = new Date(Date.now() - 1000).toISOString();
      const app = await flow.submit(A.id, { requestedAmount: 200_000_000, requestedTermMonths: 24, submittedOn: "2023-03-01" }, tokens.manager(A.id));
      const inAppraisal = await flow.step(START, { applicationId: app.id, version: app.version }, tokens.fundOfficer("appraiser-a"));
      const appraisedApp = await flow.step(APPRAISE, { applicationId: app.id, version: inAppraisal.version, recommendation: "APPROVE", notes: "Phương án khả thi" }, tokens.fundOfficer("appraiser-a"));
      const approvedApp = await flow.step(APPROVE, { applicationId: app.id, version: appraisedApp.version, approvedAmount: 150_000_000, approvedTermMonths: 24, decidedOn: "2023-03-10" }, tokens.fundApprover("approver-b"));
      const signed = (await ok(SIGN, { input: { applicationId: app.id, version: approvedApp.version, signedOn: "2023-03-15" } }, tokens.fundOfficer("fund-officer-7"))).signLoanContract;
      const loanId = signed.loan.id;

      const applicationLog = await entries({ entityType: "LoanApplication", entityId: app.id });
      expect(applicationLog.map((e) => e.operation)).to.deep.equal(["signLoanContract", "approveLoanApplication", "appraiseLoanApplication", "startLoanAppraisal", "submitLoanApplication"]);
      for (const e of applicationLog) expect(e.service).to.equal("fund");
      const [sign, approve, appraise, start, submit] = applicationLog;
      expect(submit).to.deep.include({ actorSubject: `manager-of-${A.id}`, actorRole: "COOPERATIVE_MANAGER", before: null });
      expect(submit.occurredAt >= started).to.equal(true);
      expect(submit.after).to.include({ id: app.id, cooperativeId: A.id, status: "SUBMITTED", requestedAmount: 200_000_000, submittedOn: "2023-03-01" });
      expect(start).to.deep.include({ actorSubject: "appraiser-a", actorRole: "FUND_OFFICER" });
      expect(start.before).to.include({ status: "SUBMITTED", appraisalStartedBy: null, version: app.version });
      expect(start.after).to.include({ status: "UNDER_APPRAISAL", appraisalStartedBy: "appraiser-a", version: inAppraisal.version });
      expect(appraise.after).to.include({ appraisedBy: "appraiser-a", appraisalRecommendation: "APPROVE", recommendedAmount: 200_000_000 });
      expect(appraise.before).to.include({ appraisedBy: null, recommendedAmount: null });
      expect(approve).to.deep.include({ actorSubject: "approver-b", actorRole: "FUND_APPROVER" });
      expect(approve.before).to.include({ status: "UNDER_APPRAISAL", approvedAmount: null });
      expect(approve.after).to.include({ status: "APPROVED", approvedAmount: 150_000_000, approvedTermMonths: 24, decidedOn: "2023-03-10", version: approvedApp.version });
      expect(sign.after).to.deep.equal({ loanId, contractNumber: signed.loan.contractNumber, version: signed.application.version });

      const [contract] = await entries({ entityType: "Loan", entityId: loanId, operation: "signLoanContract" });
      expect(contract).to.deep.include({ actorSubject: "fund-officer-7", before: null });
      expect(contract.after).to.include({ id: loanId, applicationId: app.id, cooperativeId: A.id, principal: 150_000_000, signedOn: "2023-03-15", lifecycle: "ACTIVE" });
    });

    it("records money movements on the loan once: a replayed disbursement or repayment writes no second entry", async () => {
      const loan = await flow.signed(B.id, { amount: 120_000_000, signedOn: "2023-01-25" });
      const key = randomUUID();
      const disburse = { input: { loanId: loan.id, amount: 120_000_000, disbursedOn: "2023-02-01", idempotencyKey: key, note: "Giải ngân một lần" } };
      const first = (await ok(DISBURSE, disburse, tokens.fundOfficer())).disburseLoan;
      const before = await rowCounts(t.db);
      const replay = (await ok(DISBURSE, disburse, tokens.fundOfficer())).disburseLoan;
      expect(replay.replayed).to.equal(true);
      expect(await rowCounts(t.db)).to.deep.equal(before);

      const repayKey = randomUUID();
      const repay = { input: { loanId: loan.id, amount: 5_000_000, paidOn: "2023-03-01", idempotencyKey: repayKey } };
      const repaid = (await ok(REPAY, repay, tokens.fundOfficer())).recordLoanRepayment;
      const afterRepay = await rowCounts(t.db);
      expect((await ok(REPAY, repay, tokens.fundOfficer())).recordLoanRepayment.replayed).to.equal(true);
      expect(await rowCounts(t.db)).to.deep.equal(afterRepay);

      const restructured = (await ok(RESTRUCTURE, { input: { loanId: loan.id, version: repaid.loan.version, remainingTermMonths: 30, graceMonths: 3, effectiveOn: "2023-06-01", reason: "Thiệt hại do triều cường" } }, tokens.fundApprover())).restructureLoan;
      await ok(WRITE_OFF, { input: { loanId: loan.id, version: restructured.loan.version, writtenOffOn: "2023-09-01", reason: "Mất khả năng trả nợ do thiên tai" } }, tokens.fundApprover());

      const log = await entries({ entityType: "Loan", entityId: loan.id });
      expect(log.map((e) => e.operation)).to.deep.equal(["writeOffLoan", "restructureLoan", "recordLoanRepayment", "disburseLoan", "signLoanContract"]);
      const [writeOff, restructure, repayment, disbursement] = log;
      expect(disbursement.before).to.deep.equal({ firstDisbursedOn: null, lastEventOn: "2023-01-25", version: loan.version });
      expect(disbursement.after).to.deep.include({ firstDisbursedOn: "2023-02-01", lastEventOn: "2023-02-01", version: first.loan.version });
      expect(disbursement.after.disbursement).to.include({ id: first.disbursement.id, trancheNumber: 1, amount: 120_000_000, idempotencyKey: key, note: "Giải ngân một lần" });
      expect(repayment.after.repayment).to.include({ id: repaid.repayment.id, amount: 5_000_000, paidOn: "2023-03-01", idempotencyKey: repayKey });
      expect(repayment.after).to.include({ lastEventOn: "2023-03-01", version: repaid.loan.version });
      expect(restructure).to.deep.include({ actorRole: "FUND_APPROVER" });
      expect(restructure.before).to.include({ lifecycle: "ACTIVE", restructuredOn: null });
      expect(restructure.after).to.include({ lifecycle: "RESTRUCTURED", restructuredOn: "2023-06-01" });
      expect(restructure.after.restructuring).to.include({ remainingMonths: 30, graceMonths: 3, reason: "Thiệt hại do triều cường" });
      expect(writeOff.before).to.include({ lifecycle: "RESTRUCTURED", writtenOffOn: null, writtenOffPrincipal: null });
      expect(writeOff.after).to.include({ lifecycle: "WRITTEN_OFF", writtenOffOn: "2023-09-01", writeOffReason: "Mất khả năng trả nợ do thiên tai" });
      expect(writeOff.after.writtenOffPrincipal).to.be.greaterThan(0);
      const { rows } = await t.db.query(`SELECT count(*) AS n FROM audit_entry WHERE operation IN ('disburseLoan', 'recordLoanRepayment') AND entity_id = $1`, [loan.id]);
      expect(Number(rows[0].n)).to.equal(2);
    });

    it("records product and debt-group configuration with the fields before and after", async () => {
      const created = (await ok(CREATE_PRODUCT, { input: { code: "KIEM-TOAN-01", name: "Sản phẩm kiểm toán", kind: "PRODUCTION_PLAN", maxAmount: 100_000_000, maxTermMonths: 24, annualInterestRate: 6, graceMonths: 0, collateralRequired: false, repaymentMethod: "EQUAL_PRINCIPAL" } }, tokens.admin())).createLoanProduct.product;
      const updated = (await ok(UPDATE_PRODUCT, { input: { id: created.id, version: created.version, maxAmount: 150_000_000 } }, tokens.fundApprover())).updateLoanProduct.product;
      const [update, creation] = await entries({ entityType: "LoanProduct", entityId: created.id });
      expect(creation).to.deep.include({ operation: "createLoanProduct", actorRole: "ADMIN", before: null });
      expect(creation.after).to.include({ code: "KIEM-TOAN-01", maxAmount: 100_000_000, active: true });
      expect(update).to.deep.include({ operation: "updateLoanProduct", actorRole: "FUND_APPROVER" });
      expect(update.before).to.deep.equal({ maxAmount: 100_000_000, version: created.version });
      expect(update.after).to.deep.equal({ maxAmount: 150_000_000, version: updated.version });

      const current = (await q(`{ debtGroupThresholds { debtGroup minDaysPastDue } }`)).data!.debtGroupThresholds as { debtGroup: number; minDaysPastDue: number }[];
      const next = current.map((g) => ({ debtGroup: g.debtGroup, minDaysPastDue: g.debtGroup === 1 ? 0 : g.minDaysPastDue + 1 }));
      await ok(CONFIGURE, { input: { thresholds: next } }, tokens.fundApprover());
      const [configured] = await entries({ operation: "configureDebtGroupThresholds" });
      expect(configured.before.thresholds.map((g: any) => g.minDaysPastDue)).to.deep.equal(current.map((g) => g.minDaysPastDue));
      expect(configured.after.thresholds.map((g: any) => g.minDaysPastDue)).to.deep.equal(next.map((g) => g.minDaysPastDue));
      await ok(CONFIGURE, { input: { thresholds: current } }, tokens.fundApprover());
    });

    it("records withdrawals and rejections, by the applicant's manager and the approver", async () => {
      const toWithdraw = await flow.submit(A.id, {}, tokens.manager(A.id));
      await ok(WITHDRAW, { input: { applicationId: toWithdraw.id, version: toWithdraw.version, reason: "Đã có nguồn vốn khác" } }, tokens.manager(A.id));
      const [withdrawal] = await entries({ entityId: toWithdraw.id, operation: "withdrawLoanApplication" });
      expect(withdrawal).to.deep.include({ actorRole: "COOPERATIVE_MANAGER", entityType: "LoanApplication" });
      expect(withdrawal.after).to.include({ status: "WITHDRAWN", withdrawalReason: "Đã có nguồn vốn khác" });

      const toReject = await flow.submit(B.id);
      const s = await flow.step(START, { applicationId: toReject.id, version: toReject.version }, tokens.fundOfficer("appraiser-a"));
      const a = await flow.step(APPRAISE, { applicationId: toReject.id, version: s.version, recommendation: "REJECT", notes: "Thiếu tài sản bảo đảm" }, tokens.fundOfficer("appraiser-a"));
      await ok(REJECT, { input: { applicationId: toReject.id, version: a.version, reason: "Phương án chưa khả thi" } }, tokens.fundApprover("approver-b"));
      const [rejection] = await entries({ entityId: toReject.id, operation: "rejectLoanApplication" });
      expect(rejection.before).to.include({ status: "UNDER_APPRAISAL", decisionReason: null });
      expect(rejection.after).to.include({ status: "REJECTED", decidedBy: "approver-b", decisionReason: "Phương án chưa khả thi" });
    });

    it("keeps personal data out: no entry holds a personal field other than redacted", async () => {
      const { rows } = await t.db.query(`SELECT before_state, after_state FROM audit_entry`);
      expect(rows.length).to.be.greaterThan(10);
      const personal = new Set(PERSONAL_DATA_FIELDS);
      const leaks: string[] = [];
      const walk = (v: unknown, path: string) => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) personal.has(k) && x !== null && x !== REDACTED ? leaks.push(`${path}.${k}`) : walk(x, `${path}.${k}`);
      };
      for (const row of rows) {
        walk(row.before_state, "before");
        walk(row.after_state, "after");
      }
      expect(leaks).to.deep.equal([]);
    });

    it("writes the entry in the change's transaction: rolled back with a refused mutation, refused outside one", async () => {
      // A refused mutation: the loan row is locked and read, then the tranche is refused (CONFLICT).
      const before = await snapshot();
      const refused = await q(DISBURSE, { input: { loanId: ids.loanA, amount: 900_000_000, disbursedOn: "2023-02-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer());
      expect(code(refused)).to.equal("CONFLICT");
      expect(await snapshot()).to.deep.equal(before);

      const { dataSource } = createDataSource({ name: "fund", url: t.fund.databaseUrl, entities: [AuditEntry], migrations: [], poolSize: 1 });
      await dataSource.initialize();
      try {
        const viewer = { subject: "fund-officer-1", role: Role.FUND_OFFICER };
        const failed = await dataSource
          .transaction(async (manager) => {
            await recordAudit(manager, viewer, { operation: "disburseLoan", entityType: "Loan", entityId: ids.loanA, after: { amount: 1 } });
            throw new Error("the change failed after its audit entry was written");
          })
          .then(() => undefined, (e: Error) => e.message);
        expect(failed).to.match(/change failed/);
        expect(await snapshot()).to.deep.equal(before);
        const outside = await recordAudit(dataSource.manager, viewer, { operation: "x", entityType: "Loan", entityId: ids.loanA }).then(() => undefined, (e: Error) => e.message);
        expect(outside).to.match(/inside the mutation's transaction/);
        expect(await snapshot()).to.deep.equal(before);
      } finally {
        await dataSource.destroy();
      }
    });

    it("filters by operation and subject, and is append-only even through SQL", async () => {
      const admin = tokens.admin();
      const bySubject = await q(AUDIT, { filter: { subject: "appraiser-a" }, first: 100 }, admin);
      expect(bySubject.data!.fundAuditLog.totalCount).to.be.greaterThan(0);
      expect(bySubject.data!.fundAuditLog.edges.every((e: any) => e.node.actorSubject === "appraiser-a")).to.equal(true);
      const future = await q(AUDIT, { filter: { from: "2999-01-01T00:00:00Z" } }, admin);
      expect(future.data!.fundAuditLog.totalCount).to.equal(0);
      const error = await t.db.query(`UPDATE audit_entry SET actor_subject = 'someone-else'`).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(String(error)).to.match(/append-only/);
    });
  });

  describe("disclosure control of the public portfolio (demo data)", () => {
    let seeded: Awaited<ReturnType<typeof startFund>>;
    const PORTFOLIO = `{ fundPortfolio(asOf: "2025-06-30") { loansOutstanding principalOutstanding
      bySector { sectorCode loanCount principalOutstanding par30Principal disbursedToDate suppressed }
      byDistrict { districtCode loanCount principalOutstanding par30Principal disbursedToDate suppressed }
      byDebtGroup { debtGroup loanCount principalOutstanding suppressed } } }`;
    type Slice = { loanCount: number | null; principalOutstanding: number | null; suppressed: boolean };
    before(async function () {
      this.timeout(180_000);
      seeded = await startFund([], { seed: true });
    });
    after(() => seeded?.stop());
    const portfolio = async (token?: string) => {
      const result = await seeded.fund.query(PORTFOLIO, {}, token);
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      return result.data!.fundPortfolio as Record<"bySector" | "byDistrict" | "byDebtGroup", Slice[]> & { loansOutstanding: number };
    };

    it("fund staff see every figure, the small cells included", async () => {
      for (const token of [tokens.fundOfficer(), tokens.fundApprover()]) {
        const full = await portfolio(token);
        const slices = [...full.bySector, ...full.byDistrict, ...full.byDebtGroup];
        expect(slices.every((s) => !s.suppressed && s.loanCount !== null)).to.equal(true);
        expect(full.bySector.some((s) => s.loanCount! > 0 && s.loanCount! < 3), "the demo data has sectors of one or two loans").to.equal(true);
      }
    });

    it("the public gets no figure summing one or two loans, nor one recoverable from the totals", async () => {
      const full = await portfolio(tokens.fundOfficer());
      for (const token of [undefined, tokens.manager(randomUUID())]) {
        const shown = await portfolio(token);
        expect(shown.loansOutstanding).to.equal(full.loansOutstanding);
        for (const table of ["bySector", "byDistrict", "byDebtGroup"] as const) {
          const withheldUnits = full[table].reduce((sum, s, i) => sum + (shown[table][i].suppressed ? s.loanCount! : 0), 0);
          expect(withheldUnits === 0 || withheldUnits >= 3, `${table}: withheld cells sum ${withheldUnits} loans`).to.equal(true);
          full[table].forEach((s, i) => {
            const p = shown[table][i];
            if (s.loanCount! > 0 && s.loanCount! < 3) expect(p).to.deep.include({ loanCount: null, principalOutstanding: null, suppressed: true });
            if (!p.suppressed) expect(p).to.deep.equal(s);
            if (p.loanCount !== null) expect(p.loanCount === 0 || p.loanCount >= 3).to.equal(true);
          });
        }
        expect(shown.bySector.some((s) => s.suppressed)).to.equal(true);
      }
    });
  });
});
