import { generateRegistry } from "@camau/demo-data";
import { BAC_LIEU_PRE_2025_DISTRICTS, createDataSource, PRE_2025_DISTRICTS, REFORM_DATE } from "@camau/shared";
import { createHash } from "node:crypto";
import { expect } from "chai";
import { fundEntities } from "../src/entities";
import { BorrowerCommune1781000000000 } from "../src/migrations/1781000000000-BorrowerCommune";
import { loanPositionsSql } from "../src/report/positionsSql";
import { FUND_ROLLUPS } from "../src/report/rollups";
import { borrowersFromRegistry, DEFAULT_HORIZON, FUNDED_IN_REPORT_PERIOD, generateFund, seedFund, seedIfEmpty } from "../src/seed";
import { FundUnderTest, rowCounts, startFund, tokens } from "./support";

const POSITIONS = `query ($after: String, $asOf: Date!) { loans(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
  id status(asOf: $asOf) position(asOf: $asOf) { outstandingPrincipal daysPastDue principalPastDue interestPastDue debtGroup } } } } }`;

describe("fund demo data", function () {
  this.timeout(180_000);
  const registry = generateRegistry({ scale: 1 });
  const borrowers = borrowersFromRegistry(registry);
  const dataset = generateFund({ borrowers });
  const caMau = new Set(PRE_2025_DISTRICTS.map((d) => d.code));
  const bacLieu = new Set(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => d.code));
  const caMauLoans = dataset.loans.filter((l) => l.borrower.districtCode !== null && caMau.has(l.borrower.districtCode));
  let t: FundUnderTest;
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => t.fund.query(query, variables, token);

  before(async () => {
    t = await startFund([], { seed: true });
  });
  after(() => t?.stop());

  it("is deterministic: the same seed gives the same rows", () => {
    expect(JSON.stringify(generateFund({ borrowers: borrowersFromRegistry(generateRegistry({ scale: 1 })) }))).to.equal(JSON.stringify(dataset));
  });

  it("funds exactly 22 projects of old Cà Mau with a first disbursement in the first half of 2021", () => {
    expect(caMauLoans.filter((l) => l.firstDisbursedOn! >= "2021-01-01" && l.firstDisbursedOn! <= "2021-06-30")).to.have.length(FUNDED_IN_REPORT_PERIOD);
  });

  it("keeps old Cà Mau's history before the reform exactly as it was (the other lending streams draw their own numbers)", () => {
    const before = caMauLoans.filter((l) => l.signedOn < REFORM_DATE).map((l) => [l.id, l.contractNumber, l.cooperativeId, l.principal, l.firstDisbursedOn, l.lifecycle, l.closedOn]);
    const digest = createHash("sha256").update(JSON.stringify(before)).digest("hex");
    // Pinned again when the ids became sequenced (their first 32 bits the order they were made in):
    // the same loans, borrowers, amounts and dates; same-day contracts numbered in that order.
    expect([before.length, digest], "the same as before the other streams were added").to.deep.equal([196, "f94cd3f8207f0caa93aa953263fc97916dc7f61f9549cf7cedf839e542cb684e"]);
  });

  it("lends only to real registry cooperatives that were ACTIVE when they applied", () => {
    const byId = new Map(borrowers.map((b) => [b.id, b]));
    for (const a of dataset.applications) {
      const b = byId.get(a.cooperativeId);
      expect(b, a.cooperativeId).to.not.equal(undefined);
      expect(b!.activeSpans.some((s) => s.from <= a.submittedOn && (s.to === null || s.to > a.submittedOn)), `${a.cooperativeId} on ${a.submittedOn}`).to.equal(true);
      expect(a.borrower.sectorCode).to.equal(registry.cooperatives.find((c) => c.id === a.cooperativeId)!.sectorCode);
    }
  });

  it("lends to old Bạc Liêu's cooperatives before the merger (their fund's own contract series) and after it, under their old districts and communes", () => {
    const theirs = dataset.loans.filter((l) => l.borrower.districtCode !== null && bacLieu.has(l.borrower.districtCode));
    const before = theirs.filter((l) => l.firstDisbursedOn! < REFORM_DATE);
    expect(before.length).to.be.greaterThan(50);
    expect(before.filter((l) => l.firstDisbursedOn! >= "2021-01-01" && l.firstDisbursedOn! <= "2021-06-30").length).to.be.greaterThan(0);
    for (const l of before) expect(l.contractNumber, l.id).to.match(/^QHTBL-\d{4}-\d{4}$/);
    expect(theirs.filter((l) => l.signedOn >= REFORM_DATE).length).to.be.greaterThan(5);
    for (const l of theirs) expect(l.borrower.communeName, l.id).to.match(/^(Xã|Phường|Thị trấn) /);
  });

  it("lends to cooperatives registered since the reform, under their new commune and no district, in the fund's series", () => {
    const registeredSince = new Set(registry.cooperatives.filter((c) => c.districtCode === null).map((c) => c.id));
    const theirs = dataset.loans.filter((l) => registeredSince.has(l.cooperativeId));
    expect(theirs.length).to.be.greaterThan(5);
    for (const l of theirs) {
      expect(l.borrower.districtCode).to.equal(null);
      expect(l.borrower.communeCode).to.equal(registry.cooperatives.find((c) => c.id === l.cooperativeId)!.communeCode);
      expect(l.contractNumber).to.match(/^QHT-202[56]-\d{4}$/);
    }
    expect(new Set(dataset.loans.map((l) => l.contractNumber)).size, "contract numbers are unique").to.equal(dataset.loans.length);
  });

  it("has a history from 2017, loans of a few hundred million đồng, some repaid, some overdue, one written off", () => {
    expect(dataset.loans.map((l) => l.firstDisbursedOn!).sort()[0]).to.match(/^2017-/);
    for (const l of dataset.loans) expect(l.principal).to.be.within(100_000_000, 1_000_000_000);
    expect(dataset.loans.filter((l) => l.lifecycle === "CLOSED").length).to.be.greaterThan(50);
    expect(dataset.loans.filter((l) => l.lifecycle === "WRITTEN_OFF")).to.have.length(1);
    expect(dataset.restructurings.length).to.be.greaterThan(0);
    expect(new Set(dataset.applications.map((a) => a.status))).to.deep.equal(new Set(["APPROVED", "REJECTED", "WITHDRAWN", "SUBMITTED", "UNDER_APPRAISAL"]));
  });

  it("loads into the database once, and the report gives 22 funded projects for 2021-01-01..2021-06-30", async () => {
    const counts = await rowCounts(t.db);
    expect(counts.loan).to.equal(dataset.loans.length);
    expect(counts.repayment).to.equal(dataset.repayments.length);
    // A second start (another process, a restart) finds data and loads nothing.
    const { dataSource } = createDataSource({ name: "fund-seed-again", url: t.fund.databaseUrl, entities: fundEntities, migrations: [] });
    await dataSource.initialize();
    try {
      await seedIfEmpty(dataSource, () => undefined);
    } finally {
      await dataSource.destroy();
    }
    expect(await rowCounts(t.db)).to.deep.equal(counts);
    const report = await q(`{ _entities(representations: [{ __typename: "CollectiveEconomyReport", from: "2021-01-01", to: "2021-06-30", territory: "OLD_CA_MAU" }]) {
      ... on CollectiveEconomyReport { from to fundedProjectCount fundDisbursedAmount fundOutstandingPrincipal } } }`);
    expect(report.errors).to.equal(undefined);
    const r = report.data!._entities[0];
    expect(r).to.include({ from: "2021-01-01", to: "2021-06-30", fundedProjectCount: 22 });
    const caMauIds = new Set(caMauLoans.map((l) => l.id));
    const inPeriod = dataset.disbursements.filter((d) => caMauIds.has(d.loanId) && d.disbursedOn >= "2021-01-01" && d.disbursedOn <= "2021-06-30").reduce((s, d) => s + d.amount, 0);
    expect(r.fundDisbursedAmount).to.equal(inPeriod);
    expect(r.fundOutstandingPrincipal).to.be.greaterThan(0);
  });

  it("writes the dated rollups exactly as their SQL functions rebuild them (the seed computes them in memory)", async () => {
    // Row count and md5 of each rollup table's rows of the fund's figures, in a fixed order.
    const prints = async () => {
      const out: Record<string, string> = {};
      for (const table of ["rollup_contribution", "rollup_delta", "rollup_horizon", "rollup_snapshot"]) {
        const { rows } = await t.db.query(`SELECT count(*) AS n, md5(string_agg(row(t.*)::text, E'\\n' ORDER BY row(t.*)::text)) AS digest FROM ${table} t WHERE figure = ANY ($1)`, [Object.keys(FUND_ROLLUPS)]);
        out[table] = `${rows[0].n}:${rows[0].digest}`;
      }
      return out;
    };
    const seeded = await prints();
    expect(Number(seeded.rollup_contribution.split(":")[0])).to.be.greaterThan(10_000);
    await t.db.query("BEGIN");
    try {
      for (const figure of Object.keys(FUND_ROLLUPS)) await t.db.query(`SELECT rollup_rebuild($1, ARRAY(SELECT id FROM loan))`, [figure]);
      expect(await prints()).to.deep.equal(seeded);
    } finally {
      await t.db.query("ROLLBACK");
    }
  });

  it("writes the same rows when generating and copying loan by loan (seedFund), and leaves the tables' triggers, indexes and keys as they were", async () => {
    // Every row of every table of the fund (less the migrations' reference ids and insert
    // timestamps), and every trigger, index and constraint with its state.
    const fingerprint = async (db: typeof t.db) => {
      const tables = ["loan_application", "loan", "disbursement", "loan_schedule", "schedule_installment", "repayment", "loan_restructuring", "contract_counter", "rollup_contribution", "rollup_delta", "rollup_horizon", "rollup_snapshot"];
      const out: Record<string, string> = {};
      for (const table of tables) {
        const { rows: columns } = await db.query(
          `SELECT quote_ident(column_name) AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'product_id' ORDER BY ordinal_position`,
          [table],
        );
        const row = `row(${columns.map((c) => `t.${c.c}`).join(", ")})::text`;
        const { rows } = await db.query(`SELECT count(*) AS n, md5(string_agg(${row}, E'\\n' ORDER BY ${row})) AS digest FROM ${table} t`);
        out[table] = `${rows[0].n}:${rows[0].digest}`;
      }
      const { rows: schema } = await db.query(`SELECT string_agg(d, E'\\n' ORDER BY d) AS defs FROM (
        SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL SELECT pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal) x`);
      out.schema = schema[0].defs;
      return out;
    };
    const streamed = await startFund([]);
    try {
      const migrated = (await fingerprint(streamed.db)).schema;
      const { dataSource } = createDataSource({ name: "fund-seed-streamed", url: streamed.fund.databaseUrl, entities: fundEntities, migrations: [] });
      await dataSource.initialize();
      try {
        const result = await seedFund(dataSource, { borrowers });
        expect(result.loans).to.equal(dataset.loans.length);
      } finally {
        await dataSource.destroy();
      }
      const [whole, byLoan] = [await fingerprint(t.db), await fingerprint(streamed.db)];
      expect(Number(whole.schedule_installment.split(":")[0])).to.equal(dataset.installments.length);
      expect(byLoan.schema, "triggers, indexes and keys as the migrations made them").to.equal(migrated);
      expect(byLoan).to.deep.equal(whole);
    } finally {
      await streamed.stop();
    }
  });

  it("fills the borrower's commune of the rows stored before the fund kept it, from the demo registry (migration BorrowerCommune)", async () => {
    const communes = `SELECT 'a' AS t, id, borrower_commune_code AS code, borrower_commune_name AS name FROM loan_application
                      UNION ALL SELECT 'l', id, borrower_commune_code, borrower_commune_name FROM loan ORDER BY 1, 2`;
    const expected = (await t.db.query(communes)).rows;
    expect(expected.filter((r) => r.code === null || r.name === null), "the seed writes every commune").to.deep.equal([]);
    const { dataSource } = createDataSource({ name: "fund-borrower-commune", url: t.fund.databaseUrl, entities: fundEntities, migrations: [] });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new BorrowerCommune1781000000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    expect((await t.db.query(communes)).rows).to.deep.equal(expected);
  });

  it("shows overdue loans at the end of the history", async () => {
    const overdue = await q(`{ loans(first: 100, filter: { asOf: "2025-06-30", overdue: true }) { totalCount } }`, {}, tokens.officer());
    expect(overdue.data!.loans.totalCount).to.be.greaterThan(0);
  });

  it("runs its history to the end of last month: 2026 has new loans, and most running loans are current, some late", async () => {
    expect(DEFAULT_HORIZON).to.equal("2026-11-30");
    expect(dataset.loans.filter((l) => l.firstDisbursedOn !== null && l.firstDisbursedOn >= "2026-01-01").length).to.be.greaterThan(10);
    expect(dataset.repayments.filter((r) => r.paidOn >= "2026-01-01").length).to.be.greaterThan(50);
    const { rows } = await t.db.query(`SELECT p.status, p.dpd FROM (${loanPositionsSql("$1::date")}) p WHERE p.outstanding > 0`, [DEFAULT_HORIZON]);
    const late = rows.filter((row) => Number(row.dpd) > 0).length;
    const current = rows.filter((row) => Number(row.dpd) === 0).length;
    expect(late, "some running loans are late").to.be.greaterThan(0);
    expect(current, "most running loans are current").to.be.greaterThan(late);
  });

  for (const asOf of ["2018-06-30", "2020-03-31", "2021-06-30", "2023-01-15", "2025-06-30", "2026-11-30"]) {
    it(`computes the same positions in SQL (portfolio) and in the domain code (loan fields) as of ${asOf}`, async () => {
      const sql: Record<string, any>[] = await t.db.query(`SELECT * FROM (${loanPositionsSql("$1::date")}) p`, [asOf]).then((r) => r.rows);
      const bySql = new Map(sql.map((row) => [row.loan_id, row]));
      let after: string | null = null;
      let compared = 0;
      for (;;) {
        const page: any = await q(POSITIONS, { after, asOf }, tokens.fundOfficer());
        expect(page.errors, JSON.stringify(page.errors)).to.equal(undefined);
        for (const { node } of page.data.loans.edges) {
          const row = bySql.get(node.id);
          if (!row) {
            expect(node.status, node.id).to.equal(null); // signed after the date
            continue;
          }
          compared++;
          expect(
            { status: node.status, outstanding: node.position.outstandingPrincipal, dpd: node.position.daysPastDue, pp: node.position.principalPastDue, ip: node.position.interestPastDue, group: node.position.debtGroup },
            node.id,
          ).to.deep.equal({ status: row.status, outstanding: Number(row.outstanding), dpd: Number(row.dpd), pp: Number(row.overdue_principal), ip: Number(row.overdue_interest), group: row.debt_group === null ? null : Number(row.debt_group) });
        }
        if (!page.data.loans.pageInfo.hasNextPage) break;
        after = page.data.loans.pageInfo.endCursor;
      }
      expect(compared).to.equal(sql.length);
    });
  }

  it("shows fund staff the portfolio, whose breakdowns add up (the public's has its small cells withheld)", async () => {
    const result = await q(`{ fundPortfolio(asOf: "2021-06-30") { asOf loansOutstanding principalOutstanding disbursedToDate principalRepaidToDate writtenOffToDate par30Principal par30Ratio overdueLoanCount
      byDebtGroup { debtGroup name loanCount principalOutstanding } bySector { sectorCode sectorName loanCount principalOutstanding disbursedToDate } byDistrict { districtCode districtName loanCount principalOutstanding } } }`, {}, tokens.fundOfficer());
    expect(result.errors).to.equal(undefined);
    const p = result.data!.fundPortfolio;
    expect(p.loansOutstanding).to.be.greaterThan(22);
    expect(p.byDebtGroup.map((g: any) => g.debtGroup)).to.deep.equal([1, 2, 3, 4, 5]);
    const sum = (rows: any[], key: string) => rows.reduce((s, r) => s + r[key], 0);
    for (const breakdown of [p.byDebtGroup, p.bySector, p.byDistrict]) {
      expect(sum(breakdown, "principalOutstanding")).to.equal(p.principalOutstanding);
      expect(sum(breakdown, "loanCount")).to.equal(p.loansOutstanding);
    }
    expect(sum(p.bySector, "disbursedToDate")).to.equal(p.disbursedToDate);
    expect(p.disbursedToDate).to.equal(p.principalOutstanding + p.principalRepaidToDate + p.writtenOffToDate);
    expect(p.par30Ratio).to.be.within(0, 1);
    expect(p.par30Ratio).to.be.closeTo(p.par30Principal / p.principalOutstanding, 1e-12);
    expect(p.bySector.find((s: any) => s.sectorCode === "FISHERIES").sectorName).to.equal("Thủy sản");
    expect(p.byDistrict.every((d: any) => /^(Huyện|Thành phố|Thị xã)/.test(d.districtName))).to.equal(true);
  });
});
