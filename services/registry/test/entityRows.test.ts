import { expect } from "chai";
import { DataSource } from "typeorm";
import { createDataSource, dropDatabase, entityRows } from "@camau/shared";
import { freshDatabase } from "@camau/shared/testing";
import { registryEntities } from "../src/entities";
import { AdministrativeUnit } from "../src/entities/AdministrativeUnit";
import { Classification } from "../src/entities/Classification";
import { Cooperative } from "../src/entities/Cooperative";
import { Sector } from "../src/entities/Sector";
import { registrySubgraph } from "../src/subgraph";
import { createLoaders } from "../src/loaders";

/**
 * The read paths' loaders hydrate rows themselves (shared's entityRows) instead of through the
 * query builder: the resolvers must get exactly what `find` gives (dates as strings, bigints
 * through their transformer, arrays, nulls, the entity's class), or answers would change.
 */
describe("registry: entities read by constant SQL equal TypeORM's find", function () {
  this.timeout(120_000);
  let url: string;
  let ds: DataSource;

  before(async () => {
    url = await freshDatabase("registry_entity_rows");
    ds = createDataSource({ name: "registry-entity-rows-test", url, entities: registryEntities, migrations: registrySubgraph.migrations }).dataSource;
    await ds.initialize();
    await ds.runMigrations();
    await ds.query(
      `INSERT INTO cooperative (code, name, foreign_name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, charter_capital, legal_representative, business_lines, alliance_joined_on, version)
       VALUES ('9600000001', 'HTX Tôm Lúa', 'Shrimp Rice Coop', 'ACTIVE', '2020-01-01', '2019-12-31', 'LAW_2023', 'AGRICULTURE', '32002', '964', 4500000000000, 'A', '{0321,0118}', '2021-06-30', 1),
              ('9600000002', 'HTX Muối', NULL, 'DISSOLVED', '2024-02-29', '2020-01-01', 'LAW_2012', 'FISHERIES', '32005', NULL, 0, 'B', '{}', NULL, 3)`,
    );
    const [first, second] = (await ds.query(`SELECT id FROM cooperative ORDER BY code`)) as { id: string }[];
    await ds.query(
      `INSERT INTO classification (cooperative_id, year, score, rating, scheme, classified_on)
       VALUES ($1, 2021, 81, 'GOOD', 'TT01-2020', '2022-03-01'), ($1, 2022, 64, 'AVERAGE', 'TT01-2020', '2023-03-01'), ($2, 2022, 30, 'WEAK', 'TT01-2020', '2023-03-02')`,
      [first.id, second.id],
    );
  });

  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (url) await dropDatabase(url);
  });

  it("cooperatives: every column, converted as find converts it", async () => {
    const found = await ds.getRepository(Cooperative).find({ order: { code: "ASC" } });
    const read = await entityRows(ds, Cooperative).query("c", "FROM cooperative c ORDER BY c.code", []);
    expect(found).to.have.length(2);
    expect(read).to.deep.equal(found);
    expect(read[0]).to.be.instanceOf(Cooperative);
    expect(read[0].charterCapital).to.equal(found[0].charterCapital);
    expect(read[0].searchRank).to.equal(undefined); // select: false, as find leaves it
  });

  it("sectors, administrative units and classifications", async () => {
    expect(await entityRows(ds, Sector).query("s", "FROM sector s ORDER BY s.sort_order", [])).to.deep.equal(await ds.getRepository(Sector).find({ order: { sortOrder: "ASC" } }));
    const units = await ds.getRepository(AdministrativeUnit).find({ order: { codeSystem: "ASC", code: "ASC" } });
    expect(units.length).to.be.greaterThan(10);
    expect(await entityRows(ds, AdministrativeUnit).query("u", "FROM administrative_unit u ORDER BY u.code_system, u.code", [])).to.deep.equal(units);
    expect(await entityRows(ds, Classification).query("c", "FROM classification c ORDER BY c.year, c.score", [])).to.deep.equal(await ds.getRepository(Classification).find({ order: { year: "ASC", score: "ASC" } }));
  });

  it("the loaders answer each key with its row, or null", async () => {
    const loaders = createLoaders(ds);
    const [first, second] = await ds.getRepository(Cooperative).find({ order: { code: "ASC" } });
    const latest = await loaders.latestClassificationByCooperative.loadMany([first.id, second.id, "00000000-0000-4000-8000-000000000000"]);
    expect(latest.map((c) => (c as Classification | null)?.year ?? null)).to.deep.equal([2022, 2022, null]);
    expect((await loaders.classificationsByCooperative.load(first.id)).map((c) => c.year)).to.deep.equal([2022, 2021]);
    expect((await loaders.cooperativeById.load(second.id))?.code).to.equal("9600000002");
    expect((await loaders.sectorByCode.loadMany(["FISHERIES", "NO_SUCH"])).map((s) => (s as Sector | null)?.code ?? null)).to.deep.equal(["FISHERIES", null]);
    expect((await loaders.unitByKey.load("PRE_2025:964"))?.code).to.equal("964");
  });
});
