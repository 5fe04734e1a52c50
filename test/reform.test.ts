import { expect } from "chai";
import { Client } from "pg";
import { e2eDatabaseUrl, e2eStack, graphql } from "./support/stack";

interface AreaRow {
  unitCode: string;
  unitName: string;
  level: string;
  cooperativeCount: number;
  goodOrFairCount: number;
}

const ADDITIVE = ["cooperativeCount", "cooperativeGroupCount", "memberCount", "unionCount", "newCooperativeCount", "newAllianceMemberCount", "stateManagementClassCount", "outreachClassCount", "fundedProjectCount"];

describe("end to end: the province across the reform of 1 July 2025", function () {
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

  it("lists the new province's 64 commune-level units on 2026-06-30, each formed from old communes", async () => {
    const result = await graphql<{ administrativeUnits: { code: string; name: string; codeSystem: string; predecessors: { code: string }[] }[] }>(
      `{ administrativeUnits(asOf: "2026-06-30", level: COMMUNE) { code name codeSystem predecessors { code } } }`,
    );
    expect(result.errors).to.equal(undefined);
    const units = result.data!.administrativeUnits;
    expect(units).to.have.length(64);
    expect(new Set(units.map((u) => u.codeSystem))).to.deep.equal(new Set(["POST_2025"]));
    for (const u of units) expect(u.predecessors.length, u.name).to.be.greaterThan(0);
  });

  it("finds a cooperative registered in 2019 in an old commune by filtering on the new commune that succeeded it", async () => {
    // A cooperative of 2019 whose old commune's code is not its successor's, so the match can only come from the succession.
    const { rows } = await registryDb.query(
      `SELECT c.id, c.commune_code, s.new_code FROM cooperative c
         JOIN administrative_unit_succession s ON s.old_code = c.commune_code
        WHERE c.founded_on BETWEEN '2019-01-01' AND '2019-12-31' AND c.address_code_system = 'PRE_2025' AND s.new_code <> c.commune_code
        ORDER BY c.code LIMIT 1`,
    );
    expect(rows, "a cooperative of 2019 in a merged commune").to.have.length(1);
    const [{ id, commune_code: oldCode, new_code: newCode }] = rows;
    const result = await graphql<{ cooperatives: { edges: { node: { id: string; address: { communeCode: string }; commune: { successors: { code: string }[] } } }[] } }>(
      `query ($communes: [String!]) { cooperatives(filter: { communeCodes: $communes, foundedFrom: "2019-01-01", foundedTo: "2019-12-31" }, first: 100) {
        edges { node { id address { communeCode } commune { successors { code } } } } } }`,
      { communes: [newCode] },
    );
    expect(result.errors).to.equal(undefined);
    const found = result.data!.cooperatives.edges.map((e) => e.node).find((n) => n.id === id);
    expect(found, `cooperative of old commune ${oldCode} under new commune ${newCode}`).to.not.equal(undefined);
    expect(found!.address.communeCode, "the address keeps the unit it was recorded under").to.equal(oldCode);
    expect(found!.commune.successors.map((s) => s.code)).to.include(newCode);
    // And filtering by the old district still finds it (history).
    const byDistrict = await graphql<{ cooperatives: { edges: { node: { id: string } }[] } }>(
      `query ($d: [String!]) { cooperatives(filter: { districtCodes: $d, foundedFrom: "2019-01-01", foundedTo: "2019-12-31" }, first: 100) { edges { node { id } } } }`,
      { d: [(await registryDb.query(`SELECT district_code FROM cooperative WHERE id = $1`, [id])).rows[0].district_code] },
    );
    expect(byDistrict.data!.cooperatives.edges.map((e) => e.node.id)).to.include(id);
  });

  it("reports 2026-01-01..2026-06-30 by new commune exactly as the records give, computed here in SQL", async () => {
    const result = await graphql<{ collectiveEconomyReport: { territory: string; cooperativeCount: number; byArea: AreaRow[] } }>(
      `{ collectiveEconomyReport(from: "2026-01-01", to: "2026-06-30") { territory cooperativeCount byArea { unitCode unitName level cooperativeCount goodOrFairCount } } }`,
    );
    expect(result.errors).to.equal(undefined);
    const report = result.data!.collectiveEconomyReport;
    expect(report.territory).to.equal("CA_MAU");
    // Status on the day from the history; rating of the latest year classified by then; the new
    // commune: the address's own unit after the reform, else its old commune's successor (the
    // first clause of the resolution for a split commune).
    const { rows } = await registryDb.query<{ unit_code: string; unit_name: string; n: string; good: string }>(
      `WITH status_on AS (
         SELECT DISTINCT ON (e.cooperative_id) e.cooperative_id AS id, e.status_after AS status
           FROM cooperative_event e WHERE e.status_after IS NOT NULL AND e.effective_on <= DATE '2026-06-30'
          ORDER BY e.cooperative_id, e.effective_on DESC, e.recorded_at DESC
       ), rating_on AS (
         SELECT DISTINCT ON (k.cooperative_id) k.cooperative_id AS id, k.rating
           FROM classification k WHERE k.classified_on <= DATE '2026-06-30' ORDER BY k.cooperative_id, k.year DESC
       ), first_successor AS (
         SELECT DISTINCT ON (old_code) old_code, new_code FROM administrative_unit_succession
          ORDER BY old_code, substring(source from 'clause ([0-9]+)')::int
       ), placed AS (
         SELECT c.id,
                CASE WHEN c.address_code_system = 'POST_2025' THEN c.commune_code
                     ELSE (SELECT f.new_code FROM first_successor f WHERE f.old_code = c.commune_code) END AS unit_code
           FROM cooperative c
       )
       SELECT p.unit_code, u.name AS unit_name, count(*) AS n, count(*) FILTER (WHERE r.rating IN ('GOOD', 'FAIR')) AS good
         FROM placed p JOIN status_on s ON s.id = p.id AND s.status = 'ACTIVE'
         LEFT JOIN rating_on r ON r.id = p.id
         JOIN administrative_unit u ON u.code_system = 'POST_2025' AND u.code = p.unit_code
        GROUP BY p.unit_code, u.name ORDER BY p.unit_code`,
    );
    const expected = rows.map((r) => ({ unitCode: r.unit_code, unitName: r.unit_name, level: "COMMUNE", cooperativeCount: Number(r.n), goodOrFairCount: Number(r.good) }));
    expect(expected.length, "the demo data has active cooperatives in many new communes").to.be.greaterThan(10);
    expect(report.byArea).to.deep.equal(expected);
    expect(report.byArea.reduce((sum, a) => sum + a.cooperativeCount, 0)).to.equal(report.cooperativeCount);
  });

  it("keeps the 2021-H1 report by the old districts of old Cà Mau, with the article's figures", async () => {
    const result = await graphql<{ collectiveEconomyReport: Record<string, any> }>(
      `{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") {
        territory cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount newCooperativeCount
        stateManagementClassCount outreachClassCount newAllianceMemberCount tradePromotionSupportedCooperativeCount(province: "Hà Nội") fundedProjectCount
        byDistrict { districtCode cooperativeCount } byArea { unitCode level cooperativeCount } } }`,
    );
    expect(result.errors).to.equal(undefined);
    const r = result.data!.collectiveEconomyReport;
    expect(r.territory).to.equal("OLD_CA_MAU");
    expect([r.cooperativeCount, r.cooperativeGroupCount, r.memberCount, r.unionCount, r.unionMemberCooperativeCount, r.newCooperativeCount, r.stateManagementClassCount, r.outreachClassCount, r.newAllianceMemberCount, r.tradePromotionSupportedCooperativeCount, r.fundedProjectCount]).to.deep.equal([275, 961, 14190, 1, 5, 16, 9, 56, 7, 10, 22]);
    expect(r.byArea.map((a: { unitCode: string; cooperativeCount: number }) => [a.unitCode, a.cooperativeCount])).to.deep.equal(r.byDistrict.map((d: { districtCode: string; cooperativeCount: number }) => [d.districtCode, d.cooperativeCount]));
    expect(new Set(r.byArea.map((a: { level: string }) => a.level))).to.deep.equal(new Set(["DISTRICT"]));
  });

  it("splits 2026-H1 into old Cà Mau and old Bạc Liêu figures that add up to the province's", async () => {
    const fields = `territory ${ADDITIVE.join(" ")} tradePromotionSupportedCooperativeCount fundOutstandingPrincipal byArea { unitCode cooperativeCount }`;
    const result = await graphql<Record<string, Record<string, any>>>(`{
      all: collectiveEconomyReport(from: "2026-01-01", to: "2026-06-30") { ${fields} }
      ca: collectiveEconomyReport(from: "2026-01-01", to: "2026-06-30", territory: OLD_CA_MAU) { ${fields} }
      bl: collectiveEconomyReport(from: "2026-01-01", to: "2026-06-30", territory: OLD_BAC_LIEU) { ${fields} } }`);
    expect(result.errors).to.equal(undefined);
    const { all, ca, bl } = result.data!;
    expect([all.territory, ca.territory, bl.territory]).to.deep.equal(["CA_MAU", "OLD_CA_MAU", "OLD_BAC_LIEU"]);
    // Both old provinces have records of their own, so the sums below test the split.
    for (const key of ["cooperativeCount", "cooperativeGroupCount", "memberCount", "newCooperativeCount", "tradePromotionSupportedCooperativeCount", "fundOutstandingPrincipal"]) {
      expect(Number(ca[key]), `OLD_CA_MAU ${key}`).to.be.greaterThan(0);
      expect(Number(bl[key]), `OLD_BAC_LIEU ${key}`).to.be.greaterThan(0);
    }
    expect(bl.byArea.length).to.be.greaterThan(5);
    for (const key of [...ADDITIVE.filter((k) => !k.endsWith("ClassCount")), "tradePromotionSupportedCooperativeCount", "fundOutstandingPrincipal"]) {
      expect(Number(ca[key]) + Number(bl[key]), key).to.equal(Number(all[key]));
    }
    const units = (r: Record<string, any>) => r.byArea.map((a: { unitCode: string }) => a.unitCode);
    expect([...units(ca), ...units(bl)].sort()).to.deep.equal(units(all));
  });

  it("has a history in 2026-H1 for the new province: foundings, classes, programs and OCOP products", async () => {
    const result = await graphql<{ collectiveEconomyReport: Record<string, number> }>(
      `{ collectiveEconomyReport(from: "2026-01-01", to: "2026-06-30", territory: CA_MAU) {
        newCooperativeCount newAllianceMemberCount stateManagementClassCount outreachClassCount tradePromotionProgramCount tradePromotionSupportedCooperativeCount ocopProductCount dissolvedCooperativeCount } }`,
    );
    expect(result.errors).to.equal(undefined);
    const r = result.data!.collectiveEconomyReport;
    for (const key of ["newCooperativeCount", "stateManagementClassCount", "outreachClassCount", "tradePromotionProgramCount", "tradePromotionSupportedCooperativeCount", "ocopProductCount"]) {
      expect(r[key], key).to.be.greaterThan(0);
    }
    // Founded in the period: registered at addresses in the new communes.
    const { rows } = await registryDb.query(`SELECT DISTINCT address_code_system FROM cooperative WHERE founded_on BETWEEN '2026-01-01' AND '2026-06-30'`);
    expect(rows.map((x) => x.address_code_system)).to.deep.equal(["POST_2025"]);
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
