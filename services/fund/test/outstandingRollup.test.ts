import { expect } from "chai";
import { loanPositionsSql } from "../src/report/positionsSql";
import { FundUnderTest, startFund } from "./support";

/**
 * The report's fundOutstandingPrincipal comes from a dated rollup kept by triggers: it
 * must equal the sum of every loan's outstanding principal computed from the ledger, on any date,
 * after the bulk load and after any write.
 */
const DATES = [
  ...Array.from({ length: 10 }, (_, i) => [`${2017 + i}-06-30`, `${2017 + i}-12-31`]).flat(),
  "2017-01-01", "2019-02-28", "2021-03-17", "2024-07-04", "2031-01-01",
];

describe("fund: outstanding principal rollup equals the ledger", function () {
  this.timeout(180_000);
  let t: FundUnderTest;

  before(async () => {
    t = await startFund([], { seed: true });
  });
  after(() => t?.stop());

  async function expectEqualsLedger(dates: string[]) {
    for (const date of dates) {
      const report = await t.fund.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveEconomyReport { fundOutstandingPrincipal } } }`, {
        r: [{ __typename: "CollectiveEconomyReport", from: date, to: date, territory: "CA_MAU" }],
      });
      expect(report.errors, JSON.stringify(report.errors)).to.equal(undefined);
      const { rows } = await t.db.query(`SELECT coalesce(sum(p.outstanding), 0) AS total FROM (${loanPositionsSql("$1::date")}) p`, [date]);
      expect(report.data!._entities[0].fundOutstandingPrincipal, `outstanding on ${date}`).to.equal(Number(rows[0].total));
    }
  }

  it("on the demo data loaded in bulk", async () => {
    const { rows } = await t.db.query(`SELECT count(*) AS n FROM rollup_horizon WHERE figure = 'outstanding_principal'`);
    expect(Number(rows[0].n), "month-end snapshots taken by the loader").to.be.greaterThan(50);
    await expectEqualsLedger(DATES);
  });

  it("after backdated repayments, removed tranches, write-offs and closings written in SQL", async () => {
    const { rows: loans } = await t.db.query(`SELECT id, signed_on FROM loan WHERE lifecycle IN ('ACTIVE', 'RESTRUCTURED') ORDER BY contract_number LIMIT 4`);
    const [a, b, c, d] = loans;
    await t.db.query(
      `INSERT INTO repayment (loan_id, paid_on, amount, overdue_interest_part, interest_part, principal_part, idempotency_key, recorded_by)
       VALUES ($1, $2::date + 40, 5000000, 0, 1000000, 4000000, 'rollup-test-1', 'test')`,
      [a.id, a.signed_on],
    );
    await t.db.query(`DELETE FROM disbursement WHERE id = (SELECT id FROM disbursement WHERE loan_id = $1 ORDER BY tranche_number DESC LIMIT 1)`, [b.id]);
    await t.db.query(`UPDATE loan SET lifecycle = 'WRITTEN_OFF', written_off_on = signed_on + 500, written_off_principal = 0, written_off_by = 'test', write_off_reason = 'test' WHERE id = $1`, [c.id]);
    await t.db.query(`UPDATE loan SET lifecycle = 'CLOSED', closed_on = signed_on + 300 WHERE id = $1`, [d.id]);
    await t.db.query(`UPDATE repayment SET paid_on = paid_on - 20 WHERE loan_id = (SELECT id FROM loan WHERE lifecycle = 'ACTIVE' ORDER BY contract_number DESC LIMIT 1)`);
    await expectEqualsLedger(DATES);
  });
});
