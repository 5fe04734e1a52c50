import { CooperativeSnapshot } from "@camau/shared";
import { InMemoryCooperativeDirectory, SubgraphUnderTest, testTokens } from "@camau/shared/testing";
import { randomUUID } from "node:crypto";
import { expect } from "chai";
import { Client } from "pg";
import { createFundSubgraph } from "../src/subgraph";

export const tokens = testTokens;

/** A cooperative as the registry would describe it (for the in-memory directory). */
export function cooperative(overrides: Partial<CooperativeSnapshot> = {}): CooperativeSnapshot {
  return {
    id: randomUUID(),
    status: "ACTIVE",
    sectorCode: "FISHERIES",
    sectorName: "Thủy sản",
    districtCode: "970",
    districtName: "Huyện Đầm Dơi",
    ...overrides,
  };
}

export interface FundUnderTest {
  fund: SubgraphUnderTest;
  directory: InMemoryCooperativeDirectory;
  db: Client;
  stop(): Promise<void>;
}

/** The fund on a fresh database with an in-memory cooperative directory (no registry needed). */
export async function startFund(cooperatives: CooperativeSnapshot[] = [], options: { seed?: boolean } = {}): Promise<FundUnderTest> {
  const directory = new InMemoryCooperativeDirectory(cooperatives);
  const fund = await SubgraphUnderTest.start(createFundSubgraph({ directory }), options);
  const db = new Client({ connectionString: fund.databaseUrl });
  await db.connect();
  return {
    fund,
    directory,
    db,
    stop: async () => {
      await db.end();
      await fund.stop();
    },
  };
}

/**
 * Changes the ledger behind the API's back, as backdated corrections in SQL would, for the rollups
 * kept by triggers to follow: among the live loans by contract number, the first gets a repayment
 * 40 days after signing, the second loses its last tranche, the third is written off
 * (`writtenOffPrincipal`), the fourth is closed; the last ACTIVE loan's repayments move 20 days
 * earlier. Returns the first five live loans, the fifth untouched for a test's own change.
 */
export async function backdateLedgerChanges(db: Client, writtenOffPrincipal: number): Promise<{ id: string; signed_on: string }[]> {
  const { rows: loans } = await db.query(`SELECT id, signed_on FROM loan WHERE lifecycle IN ('ACTIVE', 'RESTRUCTURED') ORDER BY contract_number LIMIT 5`);
  const [a, b, c, d] = loans;
  await db.query(
    `INSERT INTO repayment (loan_id, paid_on, amount, overdue_interest_part, interest_part, principal_part, idempotency_key, recorded_by)
     VALUES ($1, $2::date + 40, 5000000, 0, 1000000, 4000000, 'backdated-test-1', 'test')`,
    [a.id, a.signed_on],
  );
  await db.query(`DELETE FROM disbursement WHERE id = (SELECT id FROM disbursement WHERE loan_id = $1 ORDER BY tranche_number DESC LIMIT 1)`, [b.id]);
  await db.query(`UPDATE loan SET lifecycle = 'WRITTEN_OFF', written_off_on = signed_on + 500, written_off_principal = $2, written_off_by = 'test', write_off_reason = 'test' WHERE id = $1`, [c.id, writtenOffPrincipal]);
  await db.query(`UPDATE loan SET lifecycle = 'CLOSED', closed_on = signed_on + 300 WHERE id = $1`, [d.id]);
  await db.query(`UPDATE repayment SET paid_on = paid_on - 20 WHERE loan_id = (SELECT id FROM loan WHERE lifecycle = 'ACTIVE' ORDER BY contract_number DESC LIMIT 1)`);
  return loans;
}

/** Row counts of every fund table, the audit log's included: a refused mutation must leave them all unchanged. */
export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const tables = ["loan_product", "debt_group_threshold", "loan_application", "loan", "disbursement", "repayment", "loan_schedule", "schedule_installment", "loan_restructuring", "contract_counter", "audit_entry"];
  const { rows } = await db.query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

/** A digest of the mutable rows (versions and statuses), to show nothing changed in place either. */
export async function stateDigest(db: Client): Promise<string> {
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(string_agg(id || ':' || version || ':' || status, ',' ORDER BY id), '') FROM loan_application) AS a,
            (SELECT coalesce(string_agg(id || ':' || version || ':' || lifecycle, ',' ORDER BY id), '') FROM loan) AS l,
            (SELECT coalesce(string_agg(id || ':' || version, ',' ORDER BY id), '') FROM loan_product) AS p,
            (SELECT coalesce(string_agg(debt_group || ':' || min_days_past_due, ',' ORDER BY debt_group), '') FROM debt_group_threshold) AS t`,
  );
  return JSON.stringify(rows[0]);
}

export const SUBMIT = `mutation ($input: SubmitLoanApplicationInput!) { submitLoanApplication(input: $input) { application { id status version borrower { sectorCode sectorName districtCode districtName } } } }`;
export const START = `mutation ($input: ApplicationVersionInput!) { startLoanAppraisal(input: $input) { application { id status version } } }`;
export const APPRAISE = `mutation ($input: AppraiseLoanApplicationInput!) { appraiseLoanApplication(input: $input) { application { id status version appraisal { appraisedBy recommendation recommendedAmount } } } }`;
export const APPROVE = `mutation ($input: ApproveLoanApplicationInput!) { approveLoanApplication(input: $input) { application { id status version decision { decidedBy approved approvedAmount approvedTermMonths approvedAnnualInterestRate } } } }`;
export const REJECT = `mutation ($input: RejectLoanApplicationInput!) { rejectLoanApplication(input: $input) { application { id status version } } }`;
export const WITHDRAW = `mutation ($input: WithdrawLoanApplicationInput!) { withdrawLoanApplication(input: $input) { application { id status version } } }`;
export const SIGN = `mutation ($input: SignLoanContractInput!) { signLoanContract(input: $input) { application { id status version } loan { id contractNumber principal version termMonths graceMonths repaymentMethod annualInterestRate } } }`;
export const DISBURSE = `mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) { replayed disbursement { id trancheNumber amount disbursedOn } loan { id version firstDisbursedOn } } }`;
export const REPAY = `mutation ($input: RecordLoanRepaymentInput!) { recordLoanRepayment(input: $input) { replayed repayment { id amount overdueInterestPart interestPart principalPart paidOn } loan { id version closedOn status(asOf: "2099-01-01") } } }`;
export const RESTRUCTURE = `mutation ($input: RestructureLoanInput!) { restructureLoan(input: $input) { loan { id version restructuredOn } restructuring { effectiveOn remainingMonths } } }`;
export const WRITE_OFF = `mutation ($input: WriteOffLoanInput!) { writeOffLoan(input: $input) { loan { id version writtenOffOn writtenOffPrincipal } } }`;

export type Query = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<{ data?: any; errors?: any[] }>;

/** Drives an application through the workflow; returns ids and versions along the way. */
export class Workflow {
  constructor(
    private readonly q: Query,
    readonly productId: string,
  ) {}

  static async productId(q: Query, code: string): Promise<string> {
    const result = await q(`{ loanProducts { id code } }`);
    return result.data!.loanProducts.find((p: { code: string }) => p.code === code).id;
  }

  async submit(cooperativeId: string, overrides: Record<string, unknown> = {}, token = tokens.officer()) {
    const result = await this.q(
      SUBMIT,
      {
        input: {
          cooperativeId,
          productId: this.productId,
          projectName: "Nuôi tôm sinh thái dưới tán rừng",
          purpose: "Cải tạo ao nuôi, mua con giống và thức ăn",
          requestedAmount: 500_000_000,
          requestedTermMonths: 36,
          collateral: "Quyền sử dụng đất 2 ha",
          submittedOn: "2023-01-10",
          ...overrides,
        },
      },
      token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.submitLoanApplication.application as { id: string; version: number; status: string };
  }

  async approved(cooperativeId: string, options: { amount?: number; term?: number; rate?: number; submit?: Record<string, unknown> } = {}) {
    const app = await this.submit(cooperativeId, options.submit);
    const started = await this.step(START, { applicationId: app.id, version: app.version }, tokens.fundOfficer("appraiser-a"));
    const appraised = await this.step(APPRAISE, { applicationId: app.id, version: started.version, recommendation: "APPROVE", notes: "Phương án khả thi" }, tokens.fundOfficer("appraiser-a"));
    return this.step(APPROVE, { applicationId: app.id, version: appraised.version, approvedAmount: options.amount ?? 500_000_000, approvedTermMonths: options.term ?? 36, approvedAnnualInterestRate: options.rate, decidedOn: "2023-01-20" }, tokens.fundApprover("approver-b"));
  }

  async signed(cooperativeId: string, options: { amount?: number; term?: number; rate?: number; signedOn?: string; submit?: Record<string, unknown> } = {}) {
    const app = await this.approved(cooperativeId, options);
    const result = await this.q(SIGN, { input: { applicationId: app.id, version: app.version, signedOn: options.signedOn ?? "2023-01-25" } }, tokens.fundOfficer());
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.signLoanContract.loan as { id: string; contractNumber: string; version: number; principal: number };
  }

  async step(mutation: string, input: Record<string, unknown>, token: string) {
    const result = await this.q(mutation, { input }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const payload = Object.values(result.data!)[0] as { application: { id: string; version: number; status: string } };
    return payload.application;
  }
}

export function code(result: { errors?: any[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** Runs a mutation that must be refused with `expected`, and checks that nothing changed (rows, versions, statuses). */
export async function refusedUnchanged(t: FundUnderTest, query: string, variables: Record<string, unknown>, token: string | undefined, expected: string) {
  const before = [await rowCounts(t.db), await stateDigest(t.db)];
  const result = await t.fund.query(query, variables, token);
  expect(code(result), JSON.stringify(result.errors)).to.equal(expected);
  expect([await rowCounts(t.db), await stateDigest(t.db)]).to.deep.equal(before);
  return result;
}
