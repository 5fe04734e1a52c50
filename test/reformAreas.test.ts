import { expect } from "chai";
import { Client } from "pg";
import { e2eDatabaseUrl, e2eStack, graphql } from "./support/stack";

/** Groups and trade across the reform of 1 July 2025: the same rule for places as cooperatives, and old Bạc Liêu's own history. */
describe("end to end: groups and trade across the reform of 1 July 2025", function () {
  let registryDb: Client;

  before(async function () {
    this.timeout(240_000);
    await e2eStack();
    registryDb = new Client({ connectionString: await e2eDatabaseUrl("registry") });
    await registryDb.connect();
  });
  after(async () => {
    await registryDb?.end();
  });

  it("finds a group registered before 2025 in an old commune by filtering on the new commune that succeeded it, and says where it is now", async () => {
    // A group whose old commune's code is not its successor's, so the match can only come from the succession.
    const { rows } = await registryDb.query(
      `SELECT g.id, g.commune_code, g.district_code, s.new_code FROM cooperative_group g
         JOIN administrative_unit_succession s ON s.old_code = g.commune_code
        WHERE g.founded_on < '2025-07-01' AND g.district_code IS NOT NULL AND s.new_code <> g.commune_code
        ORDER BY g.name, g.id LIMIT 1`,
    );
    expect(rows, "a group of an old commune that merged into another").to.have.length(1);
    const [{ id, commune_code: oldCode, district_code: districtCode, new_code: newCode }] = rows;
    // Every group under the new commune, computed here from the succession: its own and its predecessors'.
    const { rows: expected } = await registryDb.query(
      `SELECT count(*)::int AS n FROM cooperative_group g
        WHERE (g.district_code IS NULL AND g.commune_code = $1)
           OR (g.district_code IS NOT NULL AND g.commune_code IN (SELECT old_code FROM administrative_unit_succession WHERE new_code = $1))`,
      [newCode],
    );

    const result = await graphql<{ cooperativeGroups: { totalCount: number } }>(
      `query ($communes: [String!]) { cooperativeGroups(filter: { communeCodes: $communes }, first: 1) { totalCount } }`,
      { communes: [newCode] },
    );
    expect(result.errors).to.equal(undefined);
    expect(result.data!.cooperativeGroups.totalCount).to.equal(expected[0].n);

    const inDistrict = await graphql<{ cooperativeGroups: { edges: { node: { id: string; communeCode: string; commune: { code: string; codeSystem: string }; currentCommune: { code: string; codeSystem: string } } }[] } }>(
      `query ($communes: [String!], $districts: [String!]) { cooperativeGroups(filter: { communeCodes: $communes, districtCodes: $districts }, first: 100) {
        edges { node { id communeCode commune { code codeSystem } currentCommune { code codeSystem } } } } }`,
      { communes: [newCode], districts: [districtCode] },
    );
    expect(inDistrict.errors).to.equal(undefined);
    const found = inDistrict.data!.cooperativeGroups.edges.map((e) => e.node).find((n) => n.id === id);
    expect(found, `group of old commune ${oldCode} under new commune ${newCode}`).to.not.equal(undefined);
    expect(found!.communeCode, "the group keeps the unit it was registered under").to.equal(oldCode);
    expect(found!.commune).to.deep.equal({ code: oldCode, codeSystem: "PRE_2025" });
    expect(found!.currentCommune.codeSystem).to.equal("POST_2025");

    // The old district still finds its groups (history), and the old commune's own code the group.
    const byOld = await graphql<{ d: { totalCount: number }; c: { edges: { node: { id: string } }[] } }>(
      `query ($d: [String!], $c: [String!]) {
        d: cooperativeGroups(filter: { districtCodes: $d }, first: 1) { totalCount }
        c: cooperativeGroups(filter: { communeCodes: $c }, first: 100) { edges { node { id } } } }`,
      { d: [districtCode], c: [oldCode] },
    );
    expect(byOld.errors).to.equal(undefined);
    const { rows: inOldDistrict } = await registryDb.query(`SELECT count(*)::int AS n FROM cooperative_group WHERE district_code = $1`, [districtCode]);
    expect(byOld.data!.d.totalCount).to.equal(inOldDistrict[0].n);
    expect(byOld.data!.c.edges.map((e) => e.node.id)).to.include(id);
  });

  it("gives old Bạc Liêu its own OCOP products and program participations in 2021-H1, and leaves old Cà Mau's trade figures as they were", async () => {
    const result = await graphql<{ bacLieu: Record<string, number>; caMau: Record<string, number> }>(
      `{ bacLieu: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30", territory: OLD_BAC_LIEU) { ocopProductCount tradePromotionSupportedCooperativeCount }
         caMau: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { ocopProductCount tradePromotionSupportedCooperativeCount hanoi: tradePromotionSupportedCooperativeCount(province: "Hà Nội") } }`,
    );
    expect(result.errors).to.equal(undefined);
    expect(result.data!.bacLieu.ocopProductCount).to.be.greaterThan(0);
    expect(result.data!.bacLieu.tradePromotionSupportedCooperativeCount).to.be.greaterThan(0);
    // Old Cà Mau's figures before old Bạc Liêu's history joined the demo data.
    expect(result.data!.caMau).to.deep.equal({ ocopProductCount: 34, tradePromotionSupportedCooperativeCount: 26, hanoi: 10 });
  });
});
