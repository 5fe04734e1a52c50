import { PRE_2025_COMMUNES, predecessorCodes, successorCodes } from "@camau/shared";
import { expect } from "chai";
import { QueryRunner } from "typeorm";
import { NoBorrowerDistrictAfterReform1783000000000 } from "../src/migrations/1783000000000-NoBorrowerDistrictAfterReform";
import { code, cooperative, FundUnderTest, startFund, tokens, Workflow } from "./support";

/** An old commune of Đầm Dơi whose successor has another code: a match through it can only come from the succession. */
const OLD = PRE_2025_COMMUNES.find((c) => c.districtCode === "970" && successorCodes(c.code).length === 1 && successorCodes(c.code)[0] !== c.code)!;
const NEW_CODE = successorCodes(OLD.code)[0];
/** An old commune of another district, whose successor is not NEW_CODE. */
const ELSEWHERE = PRE_2025_COMMUNES.find((c) => c.districtCode === "966" && !successorCodes(c.code).includes(NEW_CODE))!;

describe("fund subgraph: loans and applications by the borrower's place across the 2025 reform", function () {
  this.timeout(120_000);
  const registered2019 = cooperative({ districtCode: "970", districtName: "Huyện Đầm Dơi", communeCode: OLD.code });
  const sinceReform = cooperative({ districtCode: null, districtName: null, communeCode: NEW_CODE });
  const elsewhere = cooperative({ sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: "966", districtName: "Huyện U Minh", communeCode: ELSEWHERE.code });
  let t: FundUnderTest;
  const q = (query: string, variables: Record<string, unknown> = {}, token = tokens.officer()) => t.fund.query(query, variables, token);
  const LOANS = `query ($filter: LoanFilter) { loans(first: 100, filter: $filter) { totalCount edges { node { cooperativeId: cooperative { id } borrower { districtCode communeCode communeName } } } } }`;
  const APPLICATIONS = `query ($filter: LoanApplicationFilter) { loanApplications(first: 100, filter: $filter) { totalCount edges { node { cooperative { id } borrower { districtCode communeCode } } } } }`;
  const loanBorrowers = async (filter: Record<string, unknown>) => {
    const result = await q(LOANS, { filter });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!.loans.edges.map((e: any) => e.node.cooperativeId.id).sort();
  };
  const applicants = async (filter: Record<string, unknown>) => {
    const result = await q(APPLICATIONS, { filter });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!.loanApplications.edges.map((e: any) => e.node.cooperative.id).sort();
  };

  before(async () => {
    expect(OLD, "an old commune of Đầm Dơi renamed by the reform").to.not.equal(undefined);
    expect(predecessorCodes(NEW_CODE)).to.include(OLD.code);
    t = await startFund([registered2019, sinceReform, elsewhere]);
    const flow = new Workflow(q, await Workflow.productId(q, "PHUONG-AN-SXKD"));
    for (const c of [registered2019, sinceReform, elsewhere]) await flow.signed(c.id, { amount: 300_000_000, term: 24 });
    // An application only, not a loan: the application filter reads its own snapshot.
    await flow.submit(registered2019.id, { requestedAmount: 200_000_000 });
  });
  after(() => t?.stop());

  it("keeps the commune the registry gave on submission, with its name, on the application and the loan", async () => {
    const result = await q(LOANS, { filter: { cooperativeIds: [registered2019.id] } });
    expect(result.data!.loans.edges[0].node.borrower).to.deep.equal({ districtCode: "970", communeCode: OLD.code, communeName: OLD.name });
  });

  it("finds under a new commune the loans of borrowers registered under its predecessors, and those registered in it since the reform", async () => {
    expect(await loanBorrowers({ communeCodes: [NEW_CODE] })).to.deep.equal([registered2019.id, sinceReform.id].sort());
    expect(await applicants({ communeCodes: [NEW_CODE] })).to.deep.equal([registered2019.id, registered2019.id, sinceReform.id].sort());
  });

  it("finds under an old commune or an old district only those registered under it (history)", async () => {
    expect(await loanBorrowers({ communeCodes: [OLD.code] })).to.deep.equal([registered2019.id]);
    expect(await loanBorrowers({ districtCodes: ["970"] })).to.deep.equal([registered2019.id]);
    expect(await applicants({ districtCodes: ["966"] })).to.deep.equal([elsewhere.id]);
    expect(await applicants({ communeCodes: [OLD.code], sectorCodes: ["FISHERIES"] })).to.deep.equal([registered2019.id, registered2019.id]);
  });

  it("repairs borrowers snapshotted with the province as their district, and the portfolio by district follows", async () => {
    const byDistrict = async () =>
      (await q(`{ fundPortfolio(asOf: "2099-01-01", territory: CA_MAU) { byDistrict { districtCode loanCount } } }`, {}, tokens.fundOfficer())).data!.fundPortfolio.byDistrict;
    const repaired = await byDistrict();
    // as the registry used to report a place since the reform
    await t.db.query(`UPDATE loan SET borrower_district_code = '96', borrower_district_name = 'Tỉnh Cà Mau' WHERE cooperative_id = $1`, [sinceReform.id]);
    expect(await byDistrict()).to.not.deep.equal(repaired);
    const queryRunner = { query: async (sql: string, params?: unknown[]) => (await t.db.query(sql, params)).rows } as unknown as QueryRunner;
    await new NoBorrowerDistrictAfterReform1783000000000().up(queryRunner);
    expect((await t.db.query(`SELECT DISTINCT borrower_district_code FROM loan WHERE cooperative_id = $1`, [sinceReform.id])).rows).to.deep.equal([{ borrower_district_code: null }]);
    expect(await byDistrict()).to.deep.equal(repaired);
  });

  it("finds nothing for a well-formed code the reference data does not know, as the registry's filter", async () => {
    expect(await loanBorrowers({ communeCodes: ["99999"] })).to.deep.equal([]);
    expect(await applicants({ communeCodes: ["00000"] })).to.deep.equal([]);
  });

  for (const [what, filter] of [
    ["SQL in a commune code", { communeCodes: ["31840' OR '1'='1"] }],
    ["letters", { communeCodes: ["xa-tan-thuan"] }],
    ["an empty code", { communeCodes: [""] }],
    ["201 codes", { communeCodes: Array.from({ length: 201 }, (_, i) => String(31000 + i)) }],
    ["a malformed district code", { districtCodes: ["970; DROP TABLE loan"] }],
  ] as const) {
    it(`refuses ${what} with BAD_USER_INPUT, on loans and on applications`, async () => {
      const loans = await q(LOANS, { filter });
      expect(code(loans), JSON.stringify(loans.errors)).to.equal("BAD_USER_INPUT");
      const applications = await q(APPLICATIONS, { filter });
      expect(code(applications), JSON.stringify(applications.errors)).to.equal("BAD_USER_INPUT");
    });
  }

  it("keeps a manager to their own cooperative's records whatever the place asked", async () => {
    const result = await q(LOANS, { filter: { communeCodes: [NEW_CODE] } }, tokens.manager(sinceReform.id));
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.data!.loans.edges.map((e: any) => e.node.cooperativeId.id)).to.deep.equal([sinceReform.id]);
  });
});
