import { expect } from "chai";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { startRegistry } from "./support";

/**
 * A cooperative's or group's search document holds the names of its units and of the units its
 * commune became or came from: changing the units (as a migration does) rewrites the documents
 * concerned by itself, with no step to remember.
 */
describe("registry subgraph: search documents follow changes of the administrative units", function () {
  let registry: SubgraphUnderTest;
  let db: Client;

  const found = async (list: "cooperatives" | "cooperativeGroups", search: string): Promise<string[]> => {
    const result = await registry.query(`query ($search: String) { ${list}(filter: { search: $search }, first: 50) { edges { node { name } } } }`, { search });
    expect(result.errors).to.equal(undefined);
    return result.data![list].edges.map((e: { node: { name: string } }) => e.node.name).sort();
  };
  const documentOf = async (table: string, name: string): Promise<string> => (await db.query(`SELECT search_document FROM ${table} WHERE name = $1`, [name])).rows[0].search_document;

  before(async function () {
    this.timeout(120_000);
    registry = await startRegistry();
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
    const cooperative = (code: string, name: string, codeSystem: string, commune: string, district: string | null) =>
      db.query(
        `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, address_code_system, charter_capital, legal_representative, version)
         VALUES ($1, $2, 'ACTIVE', '2020-01-01', '2020-01-01', 'LAW_2012', 'AGRICULTURE', $3, $4, $5, 100000000, 'Nguyễn Văn A', 1)`,
        [code, name, commune, district, codeSystem],
      );
    // Khánh Hòa (old commune 32047 of Huyện U Minh 966) became Xã U Minh (new 32047).
    await cooperative("4000000001", "Hợp tác xã Nông nghiệp Một", "PRE_2025", "32047", "966");
    await cooperative("4000000002", "Hợp tác xã Nông nghiệp Hai", "POST_2025", "32047", null);
    // Far from U Minh: Đầm Dơi's Tân Thuận.
    await cooperative("4000000003", "Hợp tác xã Muối Ba", "PRE_2025", "32167", "970");
    await db.query(
      `INSERT INTO cooperative_group (name, commune_code, district_code, sector_code, founded_on, status, version) VALUES ('Tổ hợp tác Nuôi tôm Bốn', '32047', NULL, 'FISHERIES', '2025-08-01', 'OPERATING', 1)`,
    );
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  it("renaming an old commune rewrites its addresses' documents and those of the new unit it became", async () => {
    expect(await found("cooperatives", "Khánh Hòa Mới")).to.deep.equal([]);
    const unrelated = await documentOf("cooperative", "Hợp tác xã Muối Ba");
    await db.query(`UPDATE administrative_unit SET name = 'Xã Khánh Hòa Mới' WHERE code_system = 'PRE_2025' AND code = '32047'`);
    expect(await found("cooperatives", "Khánh Hòa Mới")).to.deep.equal(["Hợp tác xã Nông nghiệp Hai", "Hợp tác xã Nông nghiệp Một"]);
    expect(await found("cooperativeGroups", "Khánh Hòa Mới")).to.deep.equal(["Tổ hợp tác Nuôi tôm Bốn"]);
    expect(await documentOf("cooperative", "Hợp tác xã Muối Ba")).to.equal(unrelated);
  });

  it("renaming an old district rewrites the documents of the new units its communes became", async () => {
    await db.query(`UPDATE administrative_unit SET name = 'Huyện Rừng Tràm' WHERE code_system = 'PRE_2025' AND code = '966'`);
    expect(await found("cooperatives", "rung tram")).to.deep.equal(["Hợp tác xã Nông nghiệp Hai", "Hợp tác xã Nông nghiệp Một"]);
    expect(await found("cooperativeGroups", "rung tram")).to.deep.equal(["Tổ hợp tác Nuôi tôm Bốn"]);
  });

  it("a new succession link, or one removed, changes the names an address is found by, in one transaction with the change", async () => {
    // As if a resolution had made Đầm Dơi's Tân Thuận (old 32167) also part of Xã U Minh (new 32047).
    await db.query("BEGIN");
    await db.query(
      `INSERT INTO administrative_unit_succession (old_unit_id, old_code, new_unit_id, new_code, whole, effective_on, source)
       SELECT o.id, o.code, n.id, n.code, false, '2025-07-01', 'test'
         FROM administrative_unit o, administrative_unit n
        WHERE o.code_system = 'PRE_2025' AND o.code = '32167' AND n.code_system = 'POST_2025' AND n.code = '32047'`,
    );
    const inside = (await db.query(`SELECT name FROM cooperative WHERE search_document LIKE '%' || search_text('Xã U Minh') || '%' ORDER BY name`)).rows.map((r) => r.name);
    expect(inside).to.include("Hợp tác xã Muối Ba");
    await db.query("COMMIT");
    expect(await found("cooperatives", "muoi ba u minh")).to.deep.equal(["Hợp tác xã Muối Ba"]);

    await db.query(`DELETE FROM administrative_unit_succession WHERE old_code = '32167' AND new_code = '32047' AND source = 'test'`);
    expect(await found("cooperatives", "muoi ba u minh")).to.deep.equal([]);
  });

  it("leaves the documents alone when only a unit's validity changes", async () => {
    const versionOf = async () => (await db.query(`SELECT xmin::text AS v FROM cooperative WHERE code = '4000000001'`)).rows[0].v;
    const before = await versionOf();
    await db.query(`UPDATE administrative_unit SET valid_to = '2025-06-30' WHERE code_system = 'PRE_2025' AND code = '32047'`);
    expect(await versionOf()).to.equal(before);
    await db.query(`UPDATE administrative_unit SET name = name || '' WHERE code_system = 'PRE_2025' AND code = '32047'`);
    expect(await versionOf()).to.equal(before);
  });
});
