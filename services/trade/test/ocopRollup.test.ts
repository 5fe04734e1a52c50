import { BAC_LIEU_PRE_2025_DISTRICTS, placeInTerritory, Territory } from "@camau/shared";
import { expect } from "chai";
import { Client } from "pg";
import { putDemoCooperatives, startTrade, TradeUnderTest } from "./support";

/**
 * The report's ocopProductCount comes from a dated rollup kept by triggers, split by the old
 * province of each cooperative's head office as trade last synced it from the registry's places:
 * it must equal the count of products with a certification in force on the date, placed by the
 * registry's current places, for every territory and date, after the bulk load and after writes.
 */
const DATES = [
  ...Array.from({ length: 9 }, (_, i) => [`${2018 + i}-06-30`, `${2018 + i}-12-31`]).flat(),
  "2018-05-07", "2019-02-28", "2020-03-17", "2021-06-30", "2022-01-01", "2024-07-04", "2031-01-01",
];
const TERRITORIES = [Territory.CA_MAU, Territory.OLD_CA_MAU, Territory.OLD_BAC_LIEU];
const BAC_LIEU_DISTRICT = BAC_LIEU_PRE_2025_DISTRICTS[0].code;

describe("trade: OCOP products rollup equals the certifications in force", function () {
  this.timeout(180_000);
  let trade: TradeUnderTest;
  let db: Client;

  before(async () => {
    trade = await startTrade({ seed: true });
    putDemoCooperatives(trade.directory);
    db = new Client({ connectionString: trade.databaseUrl });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await trade?.stop();
  });

  /** The definition: products with a certificate in force on the date, where the registry places their cooperative now. */
  async function live(date: string, territory: Territory): Promise<number> {
    const { rows } = await db.query(
      `SELECT p.cooperative_id AS id, count(*) AS n FROM product p
        WHERE EXISTS (SELECT 1 FROM ocop_certification c WHERE c.product_id = p.id AND c.certified_on <= $1::date AND c.expires_on >= $1::date)
        GROUP BY p.cooperative_id`,
      [date],
    );
    const places = await trade.directory.places();
    return rows
      .filter((row) => {
        if (territory === Territory.CA_MAU) return true;
        const place = places.get(row.id);
        return place !== undefined && placeInTerritory(territory, place.districtCode, place.communeCode);
      })
      .reduce((sum, row) => sum + Number(row.n), 0);
  }

  async function expectEqualsLive(): Promise<Record<string, number>> {
    const representations = DATES.flatMap((to) => TERRITORIES.map((territory) => ({ __typename: "CollectiveEconomyReport", from: to, to, territory })));
    const result = await trade.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveEconomyReport { ocopProductCount } } }`, { r: representations });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const totals: Record<string, number> = {};
    for (const [i, { to, territory }] of representations.entries()) {
      const expected = await live(to, territory);
      expect(result.data!._entities[i].ocopProductCount, `OCOP products on ${to} in ${territory}`).to.equal(expected);
      totals[territory] = (totals[territory] ?? 0) + expected;
    }
    return totals;
  }

  it("on the demo data loaded in bulk, in each old province and in the whole province", async () => {
    const totals = await expectEqualsLive();
    expect(totals[Territory.OLD_CA_MAU]).to.be.greaterThan(0);
    expect(totals[Territory.OLD_BAC_LIEU]).to.be.greaterThan(0);
    const { rows } = await db.query(`SELECT count(*) AS n FROM cooperative_territory`);
    expect(Number(rows[0].n), "cooperatives placed from the registry").to.be.greaterThan(100);
  });

  it("after ratings added, renewed, backdated, expired early and removed, written in SQL", async () => {
    const { rows: products } = await db.query(
      `SELECT p.id, (SELECT max(expires_on)::text FROM ocop_certification c WHERE c.product_id = p.id) AS last_expiry
         FROM product p ORDER BY p.id LIMIT 40`,
    );
    const certify = (productId: string, certifiedOn: string, expiresOn: string, key: string) =>
      db.query(
        `INSERT INTO ocop_certification (product_id, stars, score, level, decision_number, certified_on, expires_on, recorded_by)
         VALUES ($1, 3, 60, 'PROVINCIAL', $2, $3::date, $4::date, 'test')`,
        [productId, `${key}/QĐ-UBND`, certifiedOn, expiresOn],
      );
    const uncertified = products.filter((p) => p.last_expiry === null);
    const certified = products.filter((p) => p.last_expiry !== null);
    expect(uncertified.length, "products never rated").to.be.greaterThan(2);
    expect(certified.length, "products rated").to.be.greaterThan(3);
    await certify(uncertified[0].id, "2022-03-01", "2025-02-28", "new-1");
    // Backdated, and a second certificate overlapping the first (a re-rating).
    await certify(uncertified[1].id, "2019-01-15", "2022-01-14", "backdated-1");
    await certify(uncertified[1].id, "2020-06-01", "2023-05-31", "rerated-1");
    // Renewed on the day it lapses, so it stays in force across.
    await certify(certified[0].id, certified[0].last_expiry, "2031-06-30", "renewed-1");
    await db.query(`UPDATE ocop_certification SET expires_on = certified_on + 30 WHERE product_id = $1`, [certified[1].id]);
    await db.query(`DELETE FROM ocop_certification WHERE product_id = $1`, [certified[2].id]);
    await expectEqualsLive();
  });

  it("after a product changes cooperative, and cooperatives move between old provinces or leave the registry's places", async () => {
    const { rows } = await db.query(
      `SELECT p.id, p.cooperative_id FROM product p
        WHERE EXISTS (SELECT 1 FROM ocop_certification c WHERE c.product_id = p.id AND c.certified_on <= DATE '2024-07-04' AND c.expires_on >= DATE '2024-07-04')
          AND NOT EXISTS (SELECT 1 FROM participation_product pp WHERE pp.product_id = p.id)
        ORDER BY p.id LIMIT 3`,
    );
    expect(rows.length).to.equal(3);
    const places = await trade.directory.places();
    const caMauCooperative = [...places].find(([, place]) => placeInTerritory(Territory.OLD_CA_MAU, place.districtCode, place.communeCode))![0];
    await db.query(`UPDATE product SET cooperative_id = $2 WHERE id = $1`, [rows[0].id, caMauCooperative]);
    // Its cooperative's head office moves to old Bạc Liêu: the registry's places say so on the next report.
    trade.directory.put({ id: rows[1].cooperative_id, status: "ACTIVE", sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: BAC_LIEU_DISTRICT, districtName: null, communeCode: null });
    // A product of a cooperative the registry does not place: the whole province only.
    await db.query(`UPDATE product SET cooperative_id = gen_random_uuid() WHERE id = $1`, [rows[2].id]);
    await expectEqualsLive();
  });
});
