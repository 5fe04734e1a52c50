import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { code, cooperative, DISBURSE, FundUnderTest, startFund, tokens, Workflow, refusedUnchanged } from "./support";

const CREATE = `mutation ($input: CreateLoanProductInput!) { createLoanProduct(input: $input) { product { id code version maxAmount annualInterestRate overdueInterestMultiplier active } } }`;
const UPDATE = `mutation ($input: UpdateLoanProductInput!) { updateLoanProduct(input: $input) { product { id version maxAmount active } } }`;
const CONFIGURE = `mutation ($input: ConfigureDebtGroupsInput!) { configureDebtGroupThresholds(input: $input) { thresholds { debtGroup minDaysPastDue name } } }`;

describe("fund subgraph: configurable products and debt groups", function () {
  this.timeout(120_000);
  const borrower = cooperative();
  let t: FundUnderTest;
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => t.fund.query(query, variables, token);
  const refused = (query: string, variables: Record<string, unknown>, token: string | undefined, expected: string) => refusedUnchanged(t, query, variables, token, expected);
  const product = (overrides: Record<string, unknown> = {}) => ({
    input: {
      code: "TOM-LUA-2025",
      name: "Cho vay mô hình tôm – lúa",
      kind: "PRODUCTION_PLAN",
      maxAmount: 300_000_000,
      maxTermMonths: 24,
      annualInterestRate: 6.25,
      graceMonths: 3,
      collateralRequired: false,
      repaymentMethod: "EQUAL_PRINCIPAL",
      ...overrides,
    },
  });

  before(async () => {
    t = await startFund([borrower]);
  });
  after(() => t?.stop());

  it("lists the products the migration configured, to anyone", async () => {
    const result = await q(`{ loanProducts { code kind maxAmount maxTermMonths annualInterestRate graceMonths collateralRequired repaymentMethod overdueInterestMultiplier } debtGroupThresholds { debtGroup minDaysPastDue name } }`);
    expect(result.errors).to.equal(undefined);
    expect(result.data!.loanProducts.map((p: any) => p.repaymentMethod).sort()).to.deep.equal(["ANNUITY", "BULLET", "EQUAL_PRINCIPAL"]);
    expect(result.data!.debtGroupThresholds.map((g: any) => g.minDaysPastDue)).to.deep.equal([0, 10, 91, 181, 361]);
  });

  it("lets a FUND_APPROVER create a product and refuses others, duplicates and bad terms", async () => {
    await refused(CREATE, product(), tokens.fundOfficer(), "FORBIDDEN");
    await refused(CREATE, product(), undefined, "UNAUTHENTICATED");
    const created = await q(CREATE, product(), tokens.fundApprover());
    expect(created.errors).to.equal(undefined);
    expect(created.data!.createLoanProduct.product).to.deep.include({ code: "TOM-LUA-2025", version: 1, annualInterestRate: 6.25, overdueInterestMultiplier: 1.5, active: true });
    await refused(CREATE, product(), tokens.admin(), "CONFLICT");
    const grace = await refused(CREATE, product({ code: "X-1", graceMonths: 24 }), tokens.admin(), "BAD_USER_INPUT");
    expect(grace.errors![0].extensions!.invalidInputs![0].path).to.equal("input.graceMonths");
    await refused(CREATE, product({ code: "X-2", annualInterestRate: 6.123456 }), tokens.admin(), "BAD_USER_INPUT");
    await refused(CREATE, product({ code: "X-3", maxAmount: -1 }), tokens.admin(), "BAD_USER_INPUT");
    await refused(CREATE, product({ code: "lower case" }), tokens.admin(), "BAD_USER_INPUT");
  });

  it("changes a product with its version; applications follow the new terms", async () => {
    const id = (await q(`{ loanProducts { id code } }`)).data!.loanProducts.find((p: any) => p.code === "TOM-LUA-2025").id;
    await refused(UPDATE, { input: { id, version: 2, maxAmount: 100_000_000 } }, tokens.fundApprover(), "CONFLICT");
    await refused(UPDATE, { input: { id: randomUUID(), version: 1, maxAmount: 100_000_000 } }, tokens.fundApprover(), "NOT_FOUND");
    await refused(UPDATE, { input: { id: "x", version: 1 } }, tokens.fundApprover(), "BAD_USER_INPUT");
    const updated = await q(UPDATE, { input: { id, version: 1, maxAmount: 100_000_000 } }, tokens.fundApprover());
    expect(updated.data!.updateLoanProduct.product).to.deep.include({ version: 2, maxAmount: 100_000_000 });
    const flow = new Workflow(q, id);
    const tooMuch = await flow.submit(borrower.id, { requestedAmount: 150_000_000, requestedTermMonths: 12 }).catch((e) => String(e));
    expect(tooMuch).to.match(/exceeds the product's maximum of 100000000/);
    await q(UPDATE, { input: { id, version: 2, active: false } }, tokens.admin());
    const closed = await flow.submit(borrower.id, { requestedAmount: 50_000_000, requestedTermMonths: 12 }).catch((e) => String(e));
    expect(closed).to.match(/CONFLICT/);
    expect((await q(`{ loanProducts { code } }`)).data!.loanProducts.map((p: any) => p.code)).to.not.include("TOM-LUA-2025");
    expect((await q(`{ loanProducts(includeInactive: true) { code } }`)).data!.loanProducts.map((p: any) => p.code)).to.include("TOM-LUA-2025");
  });

  it("classifies debt groups by the configured thresholds, as of any date", async () => {
    const flow = new Workflow(q, await Workflow.productId(q, "PHUONG-AN-SXKD"));
    const loan = await flow.signed(borrower.id, { amount: 200_000_000, term: 12 });
    await q(DISBURSE, { input: { loanId: loan.id, amount: 200_000_000, disbursedOn: "2023-02-01", idempotencyKey: randomUUID() } }, tokens.fundOfficer());
    const group = async () => (await q(`query ($id: ID!) { loan(id: $id) { position(asOf: "2023-04-15") { daysPastDue debtGroup } } }`, { id: loan.id }, tokens.officer())).data!.loan.position;
    expect(await group()).to.deep.equal({ daysPastDue: 45, debtGroup: 2 });
    const thresholds = (days: number[]) => ({ input: { thresholds: days.map((minDaysPastDue, i) => ({ debtGroup: i + 1, minDaysPastDue })) } });
    await refused(CONFIGURE, thresholds([0, 30, 60, 90, 120]), tokens.fundOfficer(), "FORBIDDEN");
    await refused(CONFIGURE, thresholds([1, 30, 60, 90, 120]), tokens.admin(), "BAD_USER_INPUT");
    await refused(CONFIGURE, thresholds([0, 60, 30, 90, 120]), tokens.admin(), "BAD_USER_INPUT");
    await refused(CONFIGURE, { input: { thresholds: thresholds([0, 30, 60, 90]).input.thresholds } }, tokens.admin(), "BAD_USER_INPUT");
    const configured = await q(CONFIGURE, thresholds([0, 30, 60, 90, 120]), tokens.admin());
    expect(configured.errors).to.equal(undefined);
    expect(await group()).to.deep.equal({ daysPastDue: 45, debtGroup: 2 });
    await q(CONFIGURE, thresholds([0, 20, 40, 90, 120]), tokens.fundApprover());
    expect(await group()).to.deep.equal({ daysPastDue: 45, debtGroup: 3 });
    // A group of one loan: fund staff see it (the public gets it withheld, see security.test.ts).
    const portfolio = await q(`{ fundPortfolio(asOf: "2023-04-15") { byDebtGroup { debtGroup loanCount } } }`, {}, tokens.fundOfficer());
    expect(portfolio.data!.fundPortfolio.byDebtGroup.find((g: any) => g.debtGroup === 3).loanCount).to.equal(1);
  });
});
