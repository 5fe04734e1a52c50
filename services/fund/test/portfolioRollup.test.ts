import { Territory, territorySql, unplacedInTerritorySql } from "@camau/shared";
import { expect } from "chai";
import { loanPositionsSql } from "../src/report/positionsSql";
import { backdateLedgerChanges, FundUnderTest, startFund, tokens } from "./support";

/**
 * fundPortfolio reads the `portfolio` dated rollup kept by triggers: per group of loans (sector,
 * district, debt group) its figures must equal those of every loan's position computed from the
 * ledger, on any date, after the bulk load, after any write and after the thresholds change.
 */
const DATES = [
  ...Array.from({ length: 11 }, (_, i) => [`${2017 + i}-03-31`, `${2017 + i}-06-30`, `${2017 + i}-09-30`, `${2017 + i}-12-31`]).flat(),
  "2017-01-01", "2019-02-28", "2020-07-15", "2021-03-17", "2022-11-02", "2024-07-04", "2025-05-20", "2031-01-01",
];

/** The groups and totals as the ledger gives them (every loan's position on the date). */
const LEDGER_SQL = `
  SELECT p.sector_code, min(p.sector_name) AS sector_name, p.district_code, min(p.district_name) AS district_name, p.debt_group,
         count(*) FILTER (WHERE p.outstanding > 0) AS n,
         count(*) FILTER (WHERE p.status = 'OVERDUE' AND p.outstanding > 0) AS overdue,
         coalesce(sum(p.outstanding), 0) AS outstanding,
         coalesce(sum(p.outstanding) FILTER (WHERE p.outstanding > 0), 0) AS outstanding_positive,
         coalesce(sum(p.outstanding) FILTER (WHERE p.dpd > 30), 0) AS par30,
         coalesce(sum(p.disbursed), 0) AS disbursed,
         count(*) FILTER (WHERE p.dpd > 30 AND p.outstanding > 0) AS par30_loans,
         count(*) FILTER (WHERE p.disbursed > 0) AS disbursed_loans
    FROM (${loanPositionsSql("$1::date")}) p
   GROUP BY p.sector_code, p.district_code, p.debt_group`;

const MEASURES = ["n", "overdue", "outstanding", "outstanding_positive", "par30", "disbursed", "par30_loans", "disbursed_loans"];

/** The same from the rollup's cells. */
const ROLLUP_SQL = `
  SELECT t.cell[2] AS sector_code, min(t.cell[3]) AS sector_name, t.cell[4] AS district_code, min(t.cell[5]) AS district_name, t.cell[6]::int AS debt_group,
         ${MEASURES.filter((m) => m !== "outstanding_positive").map((m) => `coalesce(sum(t.total) FILTER (WHERE t.cell[1] = '${m}'), 0) AS ${m}`).join(", ")},
         coalesce(sum(t.total) FILTER (WHERE t.cell[1] = 'outstanding'), 0) - coalesce(sum(t.total) FILTER (WHERE t.cell[1] = 'outstanding_negative'), 0) AS outstanding_positive
    FROM (SELECT cell, total FROM rollup_totals_for_test($1::date)) t
   WHERE t.cell[1] <> ALL (ARRAY['repaid', 'written_off'])
   GROUP BY 1, 3, 5`;

/** The additive headline figures of fundPortfolio. */
const HEADLINES = ["loansOutstanding", "principalOutstanding", "disbursedToDate", "principalRepaidToDate", "writtenOffToDate", "overdueLoanCount", "par30Principal"] as const;

/**
 * The same figures from the ledger for the loans of a territory, placed by the rule of the fund's
 * period report (the borrower's district or commune; an unplaced loan by its signing date).
 */
function ledgerInTerritory(territory: Territory) {
  const place = territorySql({ district: "l.borrower_district_code", commune: "l.borrower_commune_code" }, territory, 2);
  const inTerritory = `(${place.sql} OR (l.borrower_district_code IS NULL AND l.borrower_commune_code IS NULL AND ${unplacedInTerritorySql("l.signed_on", 4)}))`;
  return {
    sql: `
      SELECT count(*) FILTER (WHERE p.outstanding > 0) AS "loansOutstanding", coalesce(sum(p.outstanding), 0) AS "principalOutstanding",
             coalesce(sum(p.disbursed), 0) AS "disbursedToDate",
             (SELECT coalesce(sum(r.principal_part), 0) FROM repayment r JOIN loan l ON l.id = r.loan_id WHERE r.paid_on <= $1::date AND ${inTerritory}) AS "principalRepaidToDate",
             (SELECT coalesce(sum(l.written_off_principal), 0) FROM loan l WHERE l.written_off_on <= $1::date AND ${inTerritory}) AS "writtenOffToDate",
             count(*) FILTER (WHERE p.status = 'OVERDUE' AND p.outstanding > 0) AS "overdueLoanCount",
             coalesce(sum(p.outstanding) FILTER (WHERE p.dpd > 30), 0) AS "par30Principal"
        FROM (${loanPositionsSql("$1::date")}) p JOIN loan l ON l.id = p.loan_id
       WHERE ${inTerritory}`,
    params: [...place.params, territory],
  };
}

type Row = Record<string, string | number | null>;
const keyOf = (r: Row) => JSON.stringify([r.sector_code, r.district_code, r.debt_group === null ? null : Number(r.debt_group)]);
function normalise(rows: Row[]): Record<string, Row> {
  return Object.fromEntries(
    rows.map((r) => [keyOf(r), { sector_name: r.sector_name, district_name: r.district_name, ...Object.fromEntries(MEASURES.map((m) => [m, Number(r[m])])) }]),
  );
}

describe("fund: portfolio rollup equals the ledger", function () {
  this.timeout(600_000);
  let t: FundUnderTest;

  before(async () => {
    t = await startFund([], { seed: true });
    // The rollup's read (shared ROLLUP_TOTALS_SQL) as a function, so a test query can group its cells.
    const { ROLLUP_TOTALS_SQL } = await import("@camau/shared");
    await t.db.query(`CREATE FUNCTION rollup_totals_for_test(p_date date) RETURNS TABLE (cell text[], total numeric) LANGUAGE sql STABLE AS $$
      ${ROLLUP_TOTALS_SQL.replace(/\$1::text\[\]/g, "ARRAY['portfolio']").replace(/\$2::date/g, "p_date")} $$`);
  });
  after(() => t?.stop());

  async function expectEqualsLedger(dates: string[]) {
    for (const date of dates) {
      const { rows: ledger } = await t.db.query(LEDGER_SQL, [date]);
      const { rows: rollup } = await t.db.query(ROLLUP_SQL, [date]);
      const { rows: sums } = await t.db.query(`SELECT coalesce(sum(total) FILTER (WHERE cell[1] = 'repaid'), 0) AS repaid, coalesce(sum(total) FILTER (WHERE cell[1] = 'written_off'), 0) AS written_off FROM rollup_totals_for_test($1::date)`, [date]);
      const { rows: ledgerSums } = await t.db.query(`SELECT (SELECT coalesce(sum(principal_part), 0) FROM repayment WHERE paid_on <= $1::date) AS repaid, (SELECT coalesce(sum(written_off_principal), 0) FROM loan WHERE written_off_on <= $1::date) AS written_off`, [date]);
      expect(normalise(rollup), `groups on ${date}`).to.deep.equal(normalise(ledger));
      expect({ repaid: Number(sums[0].repaid), writtenOff: Number(sums[0].written_off) }, `repaid and written off on ${date}`).to.deep.equal({
        repaid: Number(ledgerSums[0].repaid),
        writtenOff: Number(ledgerSums[0].written_off),
      });
    }
  }

  it("on the demo data loaded in bulk, with loans in every debt group", async () => {
    const { rows } = await t.db.query(`SELECT count(DISTINCT coalesce(cell[6], 'none')) AS groups FROM rollup_delta WHERE figure = 'portfolio' AND cell[1] = 'loans'`);
    expect(Number(rows[0].groups), "debt groups 1-5 and none (closed)").to.equal(6);
    await expectEqualsLedger(DATES);
  });

  it("through the API: fundPortfolio's headline figures are the ledger's (the province: every loan)", async () => {
    const date = "2023-06-30";
    const res = await t.fund.query(`{ fundPortfolio(asOf: "${date}", territory: CA_MAU) { loansOutstanding principalOutstanding disbursedToDate principalRepaidToDate writtenOffToDate overdueLoanCount par30Principal byDebtGroup { debtGroup loanCount } } }`, {}, tokens.admin());
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    const { rows } = await t.db.query(
      `SELECT count(*) FILTER (WHERE outstanding > 0) AS n, coalesce(sum(outstanding), 0) AS outstanding, coalesce(sum(disbursed), 0) AS disbursed,
              count(*) FILTER (WHERE status = 'OVERDUE' AND outstanding > 0) AS overdue, coalesce(sum(outstanding) FILTER (WHERE dpd > 30), 0) AS par30
         FROM (${loanPositionsSql("$1::date")}) p`,
      [date],
    );
    const p = res.data!.fundPortfolio;
    expect([p.loansOutstanding, p.principalOutstanding, p.disbursedToDate, p.overdueLoanCount, p.par30Principal]).to.deep.equal(
      [rows[0].n, rows[0].outstanding, rows[0].disbursed, rows[0].overdue, rows[0].par30].map(Number),
    );
    expect(p.byDebtGroup.map((g: { debtGroup: number }) => g.debtGroup)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it("per territory through the API: each territory's figures are its borrowers' loans in the ledger, and the old provinces add up to the province", async () => {
    const query = `query ($asOf: Date!, $territory: Territory) { fundPortfolio(asOf: $asOf, territory: $territory) { territory ${HEADLINES.join(" ")} } }`;
    const { rows: bacLieu } = await t.db.query(`SELECT count(*) AS n FROM loan WHERE contract_number LIKE 'QHTBL-%'`);
    expect(Number(bacLieu[0].n), "old Bạc Liêu's loans in the demo data").to.be.greaterThan(0);
    for (const date of ["2018-12-31", "2021-06-30", "2023-06-30", "2025-06-30", "2025-12-31", "2026-06-30"]) {
      const figures: Partial<Record<Territory, Record<string, number>>> = {};
      for (const territory of Object.values(Territory)) {
        const res = await t.fund.query(query, { asOf: date, territory }, tokens.admin());
        expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
        const { territory: covered, ...api } = res.data!.fundPortfolio;
        expect(covered).to.equal(territory);
        const ledger = ledgerInTerritory(territory);
        const { rows } = await t.db.query(ledger.sql, [date, ...ledger.params]);
        expect(api, `${territory} on ${date}`).to.deep.equal(Object.fromEntries(HEADLINES.map((h) => [h, Number(rows[0][h])])));
        figures[territory] = api;
      }
      // No loan of the demo data lacks a place, so the two old provinces make the new one.
      const sum = Object.fromEntries(HEADLINES.map((h) => [h, figures.OLD_CA_MAU![h] + figures.OLD_BAC_LIEU![h]]));
      expect(sum, `OLD_CA_MAU + OLD_BAC_LIEU = CA_MAU on ${date}`).to.deep.equal(figures.CA_MAU);
    }
    // By default, the province of the date.
    const before = await t.fund.query(query, { asOf: "2025-06-30" }, tokens.admin());
    const after = await t.fund.query(query, { asOf: "2025-07-01" }, tokens.admin());
    expect([before.data!.fundPortfolio.territory, after.data!.fundPortfolio.territory]).to.deep.equal(["OLD_CA_MAU", "CA_MAU"]);
  });

  it("per territory, slices of fewer than 3 loans are withheld from the public", async () => {
    for (const territory of Object.values(Territory)) {
      const res = await t.fund.query(
        `query ($territory: Territory) { fundPortfolio(asOf: "2021-06-30", territory: $territory) {
          byDistrict { districtCode loanCount principalOutstanding suppressed } byDebtGroup { debtGroup loanCount principalOutstanding suppressed } } }`,
        { territory },
      );
      expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
      const { byDistrict, byDebtGroup } = res.data!.fundPortfolio;
      const staff = (await t.fund.query(`query ($territory: Territory) { fundPortfolio(asOf: "2021-06-30", territory: $territory) { byDistrict { districtCode loanCount } byDebtGroup { debtGroup loanCount } } }`, { territory }, tokens.fundOfficer())).data!.fundPortfolio;
      for (const [pub, all] of [[byDistrict, staff.byDistrict], [byDebtGroup, staff.byDebtGroup]] as [{ loanCount: number | null; principalOutstanding: number | null; suppressed: boolean }[], { loanCount: number }[]][]) {
        expect(pub.length).to.equal(all.length);
        pub.forEach((slice, i) => {
          const small = all[i].loanCount > 0 && all[i].loanCount < 3;
          if (small) expect([slice.suppressed, slice.loanCount, slice.principalOutstanding], `${territory} ${JSON.stringify(slice)}`).to.deep.equal([true, null, null]);
          if (!slice.suppressed) expect(slice.loanCount).to.equal(all[i].loanCount);
        });
      }
    }
  });

  it("after backdated repayments, removed tranches, restructurings, write-offs and closings written in SQL", async () => {
    const e = (await backdateLedgerChanges(t.db, 1234567))[4];
    // A backdated restructuring: a new schedule from day 200, six monthly instalments of a sixth of the principal.
    await t.db.query(
      `INSERT INTO loan_restructuring (loan_id, effective_on, remaining_months, grace_months, annual_interest_rate, reason, decided_by)
       VALUES ($1, $2::date + 200, 6, 0, 7.5, 'test', 'test')`,
      [e.id, e.signed_on],
    );
    const { rows: schedule } = await t.db.query(
      `INSERT INTO loan_schedule (loan_id, version, effective_from, reason, annual_interest_rate)
       SELECT $1, max(version) + 1, $2::date + 200, 'RESTRUCTURE', 7.5 FROM loan_schedule WHERE loan_id = $1 RETURNING id`,
      [e.id, e.signed_on],
    );
    await t.db.query(
      `INSERT INTO schedule_installment (schedule_id, loan_id, number, due_date, principal, interest)
       SELECT $1, $2, n, $3::date + 200 + 30 * n, (SELECT principal FROM loan WHERE id = $2) / 6, 100000 FROM generate_series(1, 6) n`,
      [schedule[0].id, e.id, e.signed_on],
    );
    await expectEqualsLedger(DATES);
  });

  it("after the debt-group thresholds change", async () => {
    await t.db.query(`UPDATE debt_group_threshold SET min_days_past_due = min_days_past_due + 17 WHERE debt_group IN (3, 4)`);
    await expectEqualsLedger(DATES);
  });
});
