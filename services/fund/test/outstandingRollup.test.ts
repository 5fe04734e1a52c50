import { expect } from "chai";
import { loanPositionsSql } from "../src/report/positionsSql";
import { backdateLedgerChanges, FundUnderTest, startFund } from "./support";

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
    await backdateLedgerChanges(t.db, 0);
    await expectEqualsLedger(DATES);
  });
});
