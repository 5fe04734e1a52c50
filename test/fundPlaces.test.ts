import { BAC_LIEU_PRE_2025_DISTRICTS, Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { Client } from "pg";
import { e2eDatabaseUrl, e2eStack, graphql, GraphQLResponse } from "./support/stack";

interface LoanNode {
  id: string;
  firstDisbursedOn: string | null;
  borrower: { districtCode: string | null; communeCode: string | null };
  cooperative: { id: string; address: { communeCode: string; districtCode: string | null } } | null;
}

type LoanPage = { loans: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: LoanNode }[] } };

const LOANS = `query ($filter: LoanFilter, $after: String) { loans(first: 100, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id firstDisbursedOn borrower { districtCode communeCode } cooperative { id address { communeCode districtCode } } } } } }`;

const ARTICLE_FIGURES = `cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount newCooperativeCount
  stateManagementClassCount outreachClassCount newAllianceMemberCount tradePromotionSupportedCooperativeCount(province: "Hà Nội") fundedProjectCount`;

describe("end to end: the fund's loans by place across the reform of 1 July 2025", function () {
  const officer = signToken({ sub: "officer-e2e-fund-places", role: Role.OFFICER });
  let registryDb: Client;
  let fundDb: Client;

  /** Every loan the filter finds, all pages. */
  const allLoans = async (filter: Record<string, unknown>): Promise<LoanNode[]> => {
    const loans: LoanNode[] = [];
    for (let after: string | null = null; ; ) {
      const result: GraphQLResponse<LoanPage> = await graphql<LoanPage>(LOANS, { filter, after }, officer);
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      loans.push(...result.data!.loans.edges.map((e) => e.node));
      if (!result.data!.loans.pageInfo.hasNextPage) return loans;
      after = result.data!.loans.pageInfo.endCursor;
    }
  };

  before(async function () {
    this.timeout(240_000);
    await e2eStack();
    registryDb = new Client({ connectionString: await e2eDatabaseUrl("registry") });
    fundDb = new Client({ connectionString: await e2eDatabaseUrl("fund") });
    await registryDb.connect();
    await fundDb.connect();
  });
  after(async () => {
    await registryDb?.end();
    await fundDb?.end();
  });

  it("finds the loan of a cooperative registered in 2019 in an old commune by filtering on the new commune that succeeded it, and still by its old district", async () => {
    // Cooperatives of 2019 whose old commune's code is not its successor's: a match can only come from the succession.
    const { rows: candidates } = await registryDb.query<{ id: string; commune_code: string; district_code: string; new_code: string }>(
      `SELECT c.id, c.commune_code, c.district_code, s.new_code FROM cooperative c
         JOIN administrative_unit_succession s ON s.old_code = c.commune_code
        WHERE c.founded_on BETWEEN '2019-01-01' AND '2019-12-31' AND c.address_code_system = 'PRE_2025' AND s.new_code <> c.commune_code`,
    );
    const { rows: borrowed } = await fundDb.query<{ id: string; cooperative_id: string }>(`SELECT id, cooperative_id FROM loan WHERE cooperative_id = ANY($1::uuid[]) ORDER BY contract_number LIMIT 1`, [candidates.map((c) => c.id)]);
    expect(borrowed, "a loan of a cooperative of 2019 in a merged commune").to.have.length(1);
    const [{ id: loanId, cooperative_id: cooperativeId }] = borrowed;
    const place = candidates.find((c) => c.id === cooperativeId)!;

    const underNew = await allLoans({ communeCodes: [place.new_code] });
    const found = underNew.find((l) => l.id === loanId);
    expect(found, `loan of old commune ${place.commune_code} under new commune ${place.new_code}`).to.not.equal(undefined);
    expect(found!.borrower, "the loan keeps the place its borrower had when it applied").to.deep.equal({ districtCode: place.district_code, communeCode: place.commune_code });
    expect(found!.cooperative!.address.communeCode).to.equal(place.commune_code);

    expect((await allLoans({ districtCodes: [place.district_code] })).map((l) => l.id)).to.include(loanId);
    expect((await allLoans({ communeCodes: [place.commune_code] })).map((l) => l.id)).to.include(loanId);
  });

  it("gives old Bạc Liêu's cooperatives fund loans before the merger: its 2021-H1 report has fund figures, and old Cà Mau's keeps the article's", async () => {
    const result = await graphql<Record<string, Record<string, number | string>>>(`{
      bl: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30", territory: OLD_BAC_LIEU) { territory fundedProjectCount fundDisbursedAmount fundOutstandingPrincipal }
      ca: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30", territory: OLD_CA_MAU) { territory ${ARTICLE_FIGURES} } }`);
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const { bl, ca } = result.data!;
    expect(bl.territory).to.equal("OLD_BAC_LIEU");
    expect(Number(bl.fundedProjectCount)).to.be.greaterThan(0);
    expect(Number(bl.fundDisbursedAmount)).to.be.greaterThan(0);
    expect(Number(bl.fundOutstandingPrincipal)).to.be.greaterThan(0);
    const { territory, ...figures } = ca;
    expect(territory).to.equal("OLD_CA_MAU");
    expect(Object.values(figures)).to.deep.equal([275, 961, 14190, 1, 5, 16, 9, 56, 7, 10, 22]);

    const before = await allLoans({ districtCodes: BAC_LIEU_PRE_2025_DISTRICTS.map((d) => d.code), firstDisbursedTo: "2025-06-30" });
    expect(before.length).to.be.greaterThan(20);
    expect(before.filter((l) => l.firstDisbursedOn! < "2021-01-01").length, "a history from before 2021").to.be.greaterThan(0);
  });

  it("lends to cooperatives registered since the reform, found under their new commune", async () => {
    const { rows } = await registryDb.query<{ id: string }>(`SELECT id FROM cooperative WHERE address_code_system = 'POST_2025'`);
    const loans = await allLoans({ cooperativeIds: rows.map((r) => r.id).slice(0, 100) });
    expect(loans.length, "loans of cooperatives registered since 2025-07-01").to.be.greaterThan(0);
    for (const loan of loans) {
      expect(loan.borrower.districtCode).to.equal(null);
      expect(loan.borrower.communeCode).to.equal(loan.cooperative!.address.communeCode);
      expect(loan.firstDisbursedOn! >= "2025-07-01").to.equal(true);
    }
    const loan = loans[0];
    expect((await allLoans({ communeCodes: [loan.borrower.communeCode!] })).map((l) => l.id)).to.include(loan.id);
  });
});
