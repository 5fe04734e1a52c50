import { Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { Client } from "pg";
import { e2eDatabaseUrl, e2eStack, graphql } from "./support/stack";

const PORTFOLIO = `query ($asOf: Date!, $territory: Territory) { fundPortfolio(asOf: $asOf, territory: $territory) {
  territory loansOutstanding disbursedToDate byDebtGroup { loanCount } } }`;

interface Portfolio {
  territory: string;
  loansOutstanding: number;
  disbursedToDate: number;
  byDebtGroup: { loanCount: number }[];
}

/**
 * The fund's portfolio covers one territory through the gateway: for the first half of 2021 the
 * default is old Cà Mau, without old Bạc Liêu's pre-merger loans (contract series QHTBL-), which
 * OLD_BAC_LIEU counts; the two make the new province.
 */
describe("end to end: the fund's portfolio by territory", function () {
  const fundOfficer = signToken({ sub: "fund-officer-e2e-portfolio-territory", role: Role.FUND_OFFICER });
  let fundDb: Client;

  const portfolio = async (asOf: string, territory?: string): Promise<Portfolio> => {
    const result = await graphql<{ fundPortfolio: Portfolio }>(PORTFOLIO, { asOf, territory }, fundOfficer);
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!.fundPortfolio;
  };
  /** Disbursed to the date by the loans whose contract number is (or is not) of the QHTBL- series. */
  const disbursed = async (asOf: string, bacLieu: boolean): Promise<number> => {
    const { rows } = await fundDb.query(
      `SELECT coalesce(sum(x.amount), 0) AS total FROM disbursement x JOIN loan l ON l.id = x.loan_id
        WHERE x.disbursed_on <= $1::date AND l.signed_on <= $1::date AND (l.contract_number LIKE 'QHTBL-%') = $2`,
      [asOf, bacLieu],
    );
    return Number(rows[0].total);
  };

  before(async function () {
    this.timeout(240_000);
    await e2eStack();
    fundDb = new Client({ connectionString: await e2eDatabaseUrl("fund") });
    await fundDb.connect();
  });
  after(async () => {
    await fundDb?.end();
  });

  it("2021-H1: the default (old Cà Mau) leaves out old Bạc Liêu's loans, OLD_BAC_LIEU counts them, and the two make CA_MAU", async () => {
    const asOf = "2021-06-30";
    const byDefault = await portfolio(asOf);
    const oldCaMau = await portfolio(asOf, "OLD_CA_MAU");
    const bacLieu = await portfolio(asOf, "OLD_BAC_LIEU");
    const province = await portfolio(asOf, "CA_MAU");
    expect(byDefault).to.deep.equal(oldCaMau);
    expect(byDefault.territory).to.equal("OLD_CA_MAU");
    expect(byDefault.disbursedToDate).to.equal(await disbursed(asOf, false));
    expect(bacLieu.disbursedToDate).to.equal(await disbursed(asOf, true));
    expect(bacLieu.loansOutstanding, "old Bạc Liêu's loans running in 2021").to.be.greaterThan(0);
    expect(byDefault.byDebtGroup.reduce((n, g) => n + g.loanCount, 0)).to.equal(byDefault.loansOutstanding);
    expect([oldCaMau.loansOutstanding + bacLieu.loansOutstanding, oldCaMau.disbursedToDate + bacLieu.disbursedToDate]).to.deep.equal([
      province.loansOutstanding,
      province.disbursedToDate,
    ]);
  });

  it("after the reform, the default is the new province", async () => {
    expect((await portfolio("2026-06-30")).territory).to.equal("CA_MAU");
  });
});
