import { expect } from "chai";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { startRegistry, tokens } from "./support";
import { LiveFigures, liveFigures } from "./liveFigures";

/**
 * The report's stock figures come from dated rollups kept by triggers. Whatever writes
 * the tables (the demo-data loader, the API's mutations, plain SQL, concurrent writers), the
 * rollups must equal the figures computed from the history on every date.
 */
// The whole new province on every date (the live figures count every record, both old provinces').
const REPORT = `query ($from: Date!, $to: Date!) {
  r: collectiveEconomyReport(from: $from, to: $to, territory: CA_MAU) {
    cooperativeCount cooperativeGroupCount memberCount newModelCooperativeCount
    bySector { sectorCode cooperativeCount goodOrFairCount }
    byDistrict { districtCode cooperativeCount goodOrFairCount }
    byRating { byRating { rating cooperativeCount } goodOrFairCount }
  }
}`;

const GOOD_OR_FAIR = new Set(["GOOD", "FAIR"]);

/** What the report must say on a date, derived from the live figures. */
function expectedReport(live: LiveFigures) {
  const cells = live.activeCells.map(([key, n]) => {
    const [sector, district, rating, newModel] = key.split("|");
    return { sector, district, rating: rating === "" ? null : rating, newModel: newModel === "true", n };
  });
  const total = (of: typeof cells) => of.reduce((sum, c) => sum + c.n, 0);
  return {
    cooperativeCount: total(cells),
    cooperativeGroupCount: live.groupCount,
    memberCount: live.memberCount,
    newModelCooperativeCount: total(cells.filter((c) => c.newModel)),
    goodOrFairCount: total(cells.filter((c) => c.rating && GOOD_OR_FAIR.has(c.rating))),
    districts: [...new Set(cells.map((c) => c.district).filter((d) => d !== ""))]
      .sort()
      .map((district) => ({ districtCode: district, cooperativeCount: total(cells.filter((c) => c.district === district)), goodOrFairCount: total(cells.filter((c) => c.district === district && c.rating && GOOD_OR_FAIR.has(c.rating))) })),
  };
}

async function reportOn(registry: SubgraphUnderTest, date: string) {
  const result = await registry.query(REPORT, { from: date, to: date });
  expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
  const r = result.data!.r;
  return {
    cooperativeCount: r.cooperativeCount,
    cooperativeGroupCount: r.cooperativeGroupCount,
    memberCount: r.memberCount,
    newModelCooperativeCount: r.newModelCooperativeCount,
    goodOrFairCount: r.byRating.goodOrFairCount,
    districts: r.byDistrict,
  };
}

async function expectReportEqualsHistory(registry: SubgraphUnderTest, db: Client, dates: string[]) {
  for (const date of dates) {
    expect(await reportOn(registry, date), `report on ${date}`).to.deep.equal(expectedReport(await liveFigures(db, date)));
  }
}

/** Month ends from 2015 to 2026 and some days in between. */
const DATES = [
  ...Array.from({ length: 12 }, (_, i) => [`${2015 + i}-06-30`, `${2015 + i}-12-31`]).flat(),
  "2016-02-29", "2019-07-01", "2021-01-15", "2021-06-29", "2023-11-08", "2030-01-01",
];

describe("registry: report rollups equal the history", function () {
  this.timeout(180_000);
  let registry: SubgraphUnderTest;
  let db: Client;

  before(async () => {
    registry = await startRegistry({ seed: true });
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  it("on the demo data loaded in bulk, on every date", async () => {
    const [{ n }] = (await db.query(`SELECT count(*) AS n FROM rollup_horizon`)).rows;
    expect(Number(n), "month-end snapshots taken by the loader").to.be.greaterThan(100);
    await expectReportEqualsHistory(registry, db, DATES);
    // The article's figures, as a sanity check of the comparison itself.
    // The report's default territory in 2021 is old Cà Mau: the article's figures.
    const june = (await registry.query(`{ r: collectiveEconomyReport(from: "2021-06-30", to: "2021-06-30") { cooperativeCount cooperativeGroupCount memberCount } }`)).data!.r;
    expect([june.cooperativeCount, june.cooperativeGroupCount, june.memberCount]).to.deep.equal([275, 961, 14190]);
  });

  it("after backdated status events, classifications and membership changes written in SQL", async () => {
    const { rows: coops } = await db.query(`SELECT id FROM cooperative ORDER BY code LIMIT 6`);
    const [a, b, c, d, e, f] = coops.map((row) => row.id as string);
    await db.query(
      `INSERT INTO cooperative_event (cooperative_id, kind, effective_on, actor_subject, actor_role, status_after)
       VALUES ($1, 'STATUS_CHANGED', '2018-03-01', 'test', 'OFFICER', 'SUSPENDED'),
              ($1, 'STATUS_CHANGED', '2018-09-01', 'test', 'OFFICER', 'ACTIVE'),
              ($2, 'STATUS_CHANGED', '2020-05-05', 'test', 'OFFICER', 'DISSOLVED')`,
      [a, b],
    );
    await db.query(`UPDATE classification SET rating = 'WEAK', classified_on = classified_on - 200 WHERE cooperative_id = $1`, [c]);
    await db.query(`DELETE FROM classification WHERE cooperative_id = $1`, [d]);
    await db.query(`UPDATE cooperative SET sector_code = 'TRANSPORT', district_code = '970', is_new_model = NOT is_new_model WHERE id = $1`, [e]);
    await db.query(`UPDATE member SET left_on = joined_on + 400 WHERE id IN (SELECT id FROM member WHERE cooperative_id = $1 AND left_on IS NULL LIMIT 3)`, [f]);
    await db.query(`UPDATE member SET cooperative_id = $2 WHERE id IN (SELECT id FROM member WHERE cooperative_id = $1 LIMIT 2)`, [f, a]);
    await db.query(`DELETE FROM member WHERE id IN (SELECT id FROM member WHERE group_id IS NOT NULL ORDER BY id LIMIT 20)`);
    await db.query(`UPDATE cooperative_group SET dissolved_on = founded_on + 700 WHERE id IN (SELECT id FROM cooperative_group WHERE dissolved_on IS NULL ORDER BY id LIMIT 15)`);
    await db.query(
      `INSERT INTO member (group_id, kind, full_name, membership_type, joined_on)
       SELECT id, 'INDIVIDUAL', 'Thành viên mới', 'OFFICIAL', founded_on - 30 FROM cooperative_group ORDER BY id LIMIT 10`,
    );
    await expectReportEqualsHistory(registry, db, DATES);
  });

  it("after the API's mutations, including concurrent ones on the same cooperative", async () => {
    const { rows } = await db.query(`SELECT c.id FROM cooperative c WHERE c.status = 'ACTIVE' AND c.founded_on < '2021-01-01' ORDER BY c.code LIMIT 2`);
    const [target, other] = rows.map((row) => row.id as string);
    const addMember = (cooperativeId: string, i: number) =>
      registry.query(
        `mutation ($input: AddMemberInput!) { addMember(input: $input) { member { id } } }`,
        { input: { cooperativeId, member: { kind: "INDIVIDUAL", fullName: `Xã viên ${i}`, membershipType: "OFFICIAL", capitalContributed: 1_000_000, joinedOn: "2021-03-0" + ((i % 9) + 1) } } },
        tokens.officer(),
      );
    const added = await Promise.all(Array.from({ length: 12 }, (_, i) => addMember(i % 3 === 0 ? other : target, i)));
    for (const result of added) expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const status = await registry.query(
      `mutation ($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { cooperative { status } } }`,
      { input: { id: other, status: "SUSPENDED", effectiveOn: "2021-04-01" } },
      tokens.officer(),
    );
    expect(status.errors, JSON.stringify(status.errors)).to.equal(undefined);
    await expectReportEqualsHistory(registry, db, ["2021-02-28", "2021-03-05", "2021-03-31", "2021-04-01", "2021-06-30", "2026-01-01"]);
  });

  it("takes the month-end snapshots it lacks at the next write, and they hold the same values", async () => {
    // As if the last months had ended since the snapshots were taken.
    await db.query(`DELETE FROM rollup_snapshot WHERE through > '2022-12-31'`);
    await db.query(`DELETE FROM rollup_horizon WHERE through > '2022-12-31'`);
    await expectReportEqualsHistory(registry, db, ["2023-01-31", "2024-12-31"]);
    const { rows } = await db.query(`SELECT id FROM cooperative WHERE status = 'ACTIVE' ORDER BY code DESC LIMIT 1`);
    await db.query(`UPDATE cooperative SET is_new_model = NOT is_new_model WHERE id = $1`, [rows[0].id]);
    const { rows: horizon } = await db.query(`SELECT max(through) AS through FROM rollup_horizon WHERE figure = 'active_cooperatives'`);
    expect(horizon[0].through.getTime(), "snapshots up to the last month end").to.be.greaterThan(new Date("2024-12-31").getTime());
    await expectReportEqualsHistory(registry, db, ["2023-01-31", "2024-12-31", "2025-06-30"]);
  });
});
