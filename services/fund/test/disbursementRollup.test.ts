import { territorySql, unplacedInTerritorySql } from "@camau/shared";
import { expect } from "chai";
import { backdateLedgerChanges, FundUnderTest, startFund } from "./support";

/**
 * The report's disbursed amount and funded projects of a period come from a dated rollup kept by
 * triggers: they must equal the sums over the ledger's disbursements and loans (the definitions
 * below), for every territory and period, after the bulk load and after writes that change them.
 */
const PERIODS: [string, string][] = [
  ...Array.from({ length: 9 }, (_, i) => [[`${2017 + i}-01-01`, `${2017 + i}-06-30`], [`${2017 + i}-07-01`, `${2017 + i}-12-31`]] as [string, string][]).flat(),
  ["2015-01-01", "2031-12-31"], ["2021-03-17", "2021-03-17"], ["2024-07-04", "2026-02-28"],
];
const TERRITORIES = ["CA_MAU", "OLD_CA_MAU", "OLD_BAC_LIEU"] as const;

function loanInTerritory(territory: string): { sql: string; params: unknown[] } {
  const place = territorySql({ district: "l.borrower_district_code", commune: "l.borrower_commune_code" }, territory as never, 3);
  return {
    sql: `(${place.sql} OR (l.borrower_district_code IS NULL AND l.borrower_commune_code IS NULL AND ${unplacedInTerritorySql("l.signed_on", 5)}))`,
    params: [...place.params, territory],
  };
}

describe("fund: disbursement rollup equals the ledger", function () {
  this.timeout(180_000);
  let t: FundUnderTest;

  before(async () => {
    t = await startFund([], { seed: true });
  });
  after(() => t?.stop());

  async function expectEqualsLedger() {
    const representations = PERIODS.flatMap(([from, to]) => TERRITORIES.map((territory) => ({ __typename: "CollectiveEconomyReport", from, to, territory })));
    const report = await t.fund.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveEconomyReport { fundDisbursedAmount fundedProjectCount } } }`, {
      r: representations,
    });
    expect(report.errors, JSON.stringify(report.errors)).to.equal(undefined);
    let nonZero = 0;
    for (const [i, { from, to, territory }] of representations.entries()) {
      const where = loanInTerritory(territory);
      const { rows } = await t.db.query(
        `SELECT (SELECT coalesce(sum(x.amount), 0) FROM disbursement x JOIN loan l ON l.id = x.loan_id WHERE x.disbursed_on BETWEEN $1::date AND $2::date AND ${where.sql}) AS amount,
                (SELECT count(*) FROM loan l WHERE l.first_disbursed_on BETWEEN $1::date AND $2::date AND ${where.sql}) AS projects`,
        [from, to, ...where.params],
      );
      const got = report.data!._entities[i];
      expect(got.fundDisbursedAmount, `disbursed ${from}..${to} ${territory}`).to.equal(Number(rows[0].amount));
      expect(got.fundedProjectCount, `funded projects ${from}..${to} ${territory}`).to.equal(Number(rows[0].projects));
      if (Number(rows[0].amount) > 0) nonZero++;
    }
    expect(nonZero, "periods with disbursements").to.be.greaterThan(10);
  }

  it("on the demo data loaded in bulk", async () => {
    await expectEqualsLedger();
  });

  it("after a new, a backdated and a removed tranche, a changed first disbursement and a moved borrower, written in SQL", async () => {
    const loans = await backdateLedgerChanges(t.db, 0);
    const [a, b, c] = loans;
    await t.db.query(
      `INSERT INTO disbursement (loan_id, tranche_number, amount, disbursed_on, idempotency_key, recorded_by)
       SELECT $1, max(tranche_number) + 1, 7000000, $2::date + 3, 'backdated-tranche-test', 'test' FROM disbursement WHERE loan_id = $1`,
      [a.id, a.signed_on],
    );
    await t.db.query(`UPDATE disbursement SET disbursed_on = disbursed_on - 200, amount = amount + 1000 WHERE loan_id = $1`, [b.id]);
    await t.db.query(`UPDATE loan SET first_disbursed_on = first_disbursed_on - 200 WHERE id = $1`, [b.id]);
    // A borrower's place moves the loan between old provinces; another loses its place.
    await t.db.query(
      `UPDATE loan SET borrower_district_code = (SELECT borrower_district_code FROM loan WHERE borrower_district_code IS DISTINCT FROM l2.borrower_district_code AND borrower_district_code IS NOT NULL LIMIT 1)
         FROM loan l2 WHERE loan.id = $1 AND l2.id = $1`,
      [c.id],
    );
    await t.db.query(`UPDATE loan SET borrower_district_code = NULL, borrower_commune_code = NULL WHERE id = (SELECT id FROM loan WHERE first_disbursed_on IS NOT NULL ORDER BY contract_number LIMIT 1 OFFSET 7)`);
    await expectEqualsLedger();
  });
});
