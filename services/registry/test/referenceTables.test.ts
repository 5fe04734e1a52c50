import { expect } from "chai";
import { DataSource } from "typeorm";
import { createDataSource } from "@camau/shared";
import { freshDatabase } from "@camau/shared/testing";
import { registryEntities } from "../src/entities";
import { ReferenceTables } from "../src/reference/referenceTables";
import { registrySubgraph } from "../src/subgraph";

/**
 * Each registry process keeps the sectors and administrative units in memory: the copy must
 * answer as the tables do, and follow every change written to them (by a migration, or by SQL
 * while the registry serves), which the version counter's trigger makes visible.
 */
describe("registry: the in-memory reference tables follow the tables", function () {
  this.timeout(120_000);
  let ds: DataSource;
  const version = async (on: DataSource = ds) => Number(((await on.query("SELECT version FROM reference_data_version")) as { version: string }[])[0].version);

  before(async () => {
    const url = await freshDatabase("registry_reference_tables");
    ds = createDataSource({ name: "registry-reference-tables-test", url, entities: registryEntities, migrations: registrySubgraph.migrations }).dataSource;
    await ds.initialize();
    await ds.runMigrations();
  });

  after(async () => {
    await ds?.destroy();
  });

  it("every statement that writes sectors or units raises the version, within its own transaction", async () => {
    const start = await version();
    const writer = ds.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`UPDATE administrative_unit SET name = name WHERE code_system = 'PRE_2025' AND code = '964'`);
      expect(await version(), "not before the commit").to.equal(start);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect(await version()).to.equal(start + 1);
    await ds.query(`INSERT INTO sector (code, name, name_en, sort_order) VALUES ('TEST_SECTOR', 'Thử', 'Test', 99)`);
    await ds.query(`DELETE FROM sector WHERE code = 'TEST_SECTOR'`);
    // A statement that matches no row still counts once; the cost is one more read of the tables.
    await ds.query(`UPDATE sector SET name = name WHERE false`);
    expect(await version()).to.equal(start + 4);
  });

  it("answers as the tables, and after a change as the changed tables once it checks again", async () => {
    const tables = new ReferenceTables(ds, 0);
    const [unit] = await tables.units(["PRE_2025:964", "PRE_2025:NO_SUCH"]);
    const [row] = (await ds.query(`SELECT name FROM administrative_unit WHERE code_system = 'PRE_2025' AND code = '964'`)) as { name: string }[];
    expect(unit.code).to.equal("964");
    expect(unit.name).to.equal(row.name);
    expect((await tables.sectors(["FISHERIES", "NO_SUCH"])).map((s) => s.code)).to.deep.equal(["FISHERIES"]);

    await ds.query(`UPDATE administrative_unit SET name = 'Thành phố Cà Mau Mới' WHERE code_system = 'PRE_2025' AND code = '964'`);
    await ds.query(`INSERT INTO sector (code, name, name_en, sort_order) VALUES ('TEST_SECTOR', 'Thử', 'Test', 99)`);
    try {
      expect((await tables.units(["PRE_2025:964"]))[0].name).to.equal("Thành phố Cà Mau Mới");
      expect((await tables.sectors(["TEST_SECTOR"])).map((s) => s.nameEn)).to.deep.equal(["Test"]);
    } finally {
      await ds.query(`UPDATE administrative_unit SET name = $1 WHERE code_system = 'PRE_2025' AND code = '964'`, [row.name]);
      await ds.query(`DELETE FROM sector WHERE code = 'TEST_SECTOR'`);
    }
    expect((await tables.units(["PRE_2025:964"]))[0].name).to.equal(row.name);
    expect(await tables.sectors(["TEST_SECTOR"])).to.deep.equal([]);
  });

  it("between two checks it answers from its copy", async () => {
    const tables = new ReferenceTables(ds, Number.POSITIVE_INFINITY);
    const before = (await tables.units(["PRE_2025:964"]))[0].name;
    await ds.query(`UPDATE administrative_unit SET name = 'Tên tạm' WHERE code_system = 'PRE_2025' AND code = '964'`);
    try {
      expect((await tables.units(["PRE_2025:964"]))[0].name).to.equal(before);
    } finally {
      await ds.query(`UPDATE administrative_unit SET name = $1 WHERE code_system = 'PRE_2025' AND code = '964'`, [before]);
    }
  });

  it("without the version counter (a database not yet migrated) reads the rows on every call, as before the copy", async () => {
    const tables = new ReferenceTables(ds, 0);
    await ds.query(`ALTER TABLE reference_data_version RENAME TO reference_data_version_away`);
    try {
      expect((await tables.units(["PRE_2025:964", "PRE_2025:NO_SUCH"])).map((u) => u.code)).to.deep.equal(["964"]);
      expect((await tables.sectors(["FISHERIES"])).map((s) => s.code)).to.deep.equal(["FISHERIES"]);
    } finally {
      await ds.query(`ALTER TABLE reference_data_version_away RENAME TO reference_data_version`);
    }
    expect((await tables.sectors(["FISHERIES"])).map((s) => s.code)).to.deep.equal(["FISHERIES"]);
  });
});
