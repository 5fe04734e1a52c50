import { expect } from "chai";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";
import { certificationInForce } from "../src/domain/ocop";
import { supportProblem } from "../src/domain/participation";
import { generateTrade, registryBacLieuCooperatives, registryDemoCooperatives, seedIfEmpty, TRADE_SEED, tradeDataset } from "../src/seed";
import { DataSource } from "typeorm";
import { tradeSubgraph } from "../src/subgraph";
import { putDemoCooperatives, startTrade, TradeUnderTest } from "./support";

describe("trade subgraph on the demo dataset", function () {
  let trade: TradeUnderTest;
  let db: Client;

  before(async function () {
    this.timeout(180_000);
    trade = await startTrade({ seed: true });
    // The report places cooperatives through the registry: here, the registry's demo cooperatives.
    putDemoCooperatives(trade.directory);
    db = new Client({ connectionString: trade.databaseUrl });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await trade?.stop();
  });

  it("reports 10 cooperatives supported at the Hà Nội program in the first half of 2021, as the article does", async () => {
    const result = await trade.query(`{ _entities(representations: [{ __typename: "CollectiveEconomyReport", from: "2021-01-01", to: "2021-06-30", territory: "OLD_CA_MAU" }]) {
      ... on CollectiveEconomyReport { tradePromotionProgramCount tradePromotionSupportedCooperativeCount(province: "Hà Nội") ocopProductCount } } }`);
    expect(result.errors).to.equal(undefined);
    const report = result.data!._entities[0];
    expect(report.tradePromotionSupportedCooperativeCount).to.equal(10);
    expect(report.tradePromotionProgramCount).to.be.greaterThan(1);
    expect(report.ocopProductCount).to.be.greaterThan(0);
  });

  it("holds one program in Hà Nội in that period, whose 10 participants all show OCOP-rated or branded products", async () => {
    const result = await trade.query(`{ tradePromotionPrograms(filter: { from: "2021-01-01", to: "2021-06-30", province: "ha noi" }) { edges { node {
      name startsOn supportPolicy { capPerCooperative }
      participations(first: 20) { totalCount edges { node { supportAmount cooperative { id } products { name brand { name } ocopStars(asOf: "2021-04-08") } } } }
    } } } }`);
    expect(result.errors).to.equal(undefined);
    const programs = result.data!.tradePromotionPrograms.edges.map((e: any) => e.node);
    expect(programs).to.have.length(1);
    const [hanoi] = programs;
    expect(hanoi.participations.totalCount).to.equal(10);
    expect(new Set(hanoi.participations.edges.map((e: any) => e.node.cooperative.id)).size).to.equal(10);
    for (const { node } of hanoi.participations.edges) {
      expect(node.products.length).to.be.greaterThan(0);
      for (const p of node.products) expect(p.brand !== null || p.ocopStars !== null, p.name).to.equal(true);
      expect(node.supportAmount).to.be.at.most(hanoi.supportPolicy.capPerCooperative);
    }
  });

  it("finds 'Mật ong U Minh Hạ' products when searching 'mat ong u minh'", async () => {
    const result = await trade.query(`{ products(filter: { search: "mat ong u minh" }, first: 100) { totalCount edges { node { name productGroup } } } }`);
    const names: string[] = result.data!.products.edges.map((e: any) => e.node.name);
    expect(names).to.include("Mật ong U Minh Hạ");
    for (const name of names) expect(name.toLowerCase()).to.include("mật ong");
  });

  it("uses cooperatives of the registry's demo data: ACTIVE in 2021 for the first years, ACTIVE at the end of the history for the later ones; fisheries and agriculture ones for crab, shrimp and honey", async () => {
    const registry = generateRegistry({ seed: DEFAULT_SEED, scale: 1 });
    const byId = new Map(registry.cooperatives.map((c) => [c.id, c]));
    const statusOn = (id: string, date: string) => {
      let status: string | null = null;
      for (const e of registry.events.filter((x) => x.cooperativeId === id && x.statusAfter !== null).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))) {
        if (e.effectiveOn <= date) status = e.statusAfter;
      }
      return status;
    };
    const firstYears = generateTrade(registryDemoCooperatives(registry), TRADE_SEED);
    // Old Bạc Liêu's makers before the merger are drawn from its cooperatives active through 2024.
    const early = new Set([...[...firstYears.products, ...firstYears.participations].map((r) => r.cooperativeId), ...registryBacLieuCooperatives(registry).map((c) => c.id)]);
    const { rows } = await db.query(`SELECT DISTINCT cooperative_id AS id FROM product UNION SELECT DISTINCT cooperative_id FROM participation`);
    expect(rows.length).to.be.greaterThan(20);
    let later = 0;
    for (const { id } of rows) {
      expect(byId.has(id), id).to.equal(true);
      if (early.has(id)) {
        expect(statusOn(id, "2021-01-01")).to.equal("ACTIVE");
        expect(statusOn(id, "2021-12-31")).to.equal("ACTIVE");
      } else {
        later++;
        expect(statusOn(id, "2026-11-30"), id).to.equal("ACTIVE");
      }
    }
    // The history after the first years brings in other cooperatives, old Bạc Liêu's among them.
    expect(later).to.be.greaterThan(5);
    const { rows: bacLieu } = await db.query(`SELECT DISTINCT cooperative_id AS id FROM product`);
    expect(bacLieu.some(({ id }) => byId.get(id)!.code.startsWith("19"))).to.equal(true);
    const makers = await db.query(`SELECT cooperative_id AS id, name FROM product WHERE name ~ '^(Cua|Tôm|Mật ong)'`);
    for (const { id, name } of makers.rows) {
      expect(["FISHERIES", "AGRICULTURE", "FORESTRY"], name).to.include(byId.get(id)!.sectorCode);
    }
  });

  it("covers certifications from 2019 on and programs of 2020, 2021, 2025 and 2026 in several provinces, all within their policies", async () => {
    const certs = await db.query(`SELECT min(certified_on)::text AS first, count(*) AS n, count(DISTINCT level) AS levels FROM ocop_certification`);
    expect(certs.rows[0].first >= "2019-01-01" && certs.rows[0].first < "2020-01-01").to.equal(true);
    const programs = await db.query(`SELECT DISTINCT extract(year FROM starts_on)::int AS year, province FROM trade_promotion_program`);
    expect(new Set(programs.rows.map((r) => r.year))).to.deep.equal(new Set([2020, 2021, 2025, 2026]));
    const last = await db.query(`SELECT max(certified_on)::text AS last FROM ocop_certification`);
    expect(last.rows[0].last > "2026-01-01" && last.rows[0].last <= "2026-11-30").to.equal(true);
    expect(new Set(programs.rows.map((r) => r.province))).to.include.members(["Hà Nội", "TP. Hồ Chí Minh", "Cần Thơ", "Cà Mau"]);
    const dataset = tradeDataset(generateRegistry({ seed: DEFAULT_SEED, scale: 1 }), TRADE_SEED, 1);
    const programById = new Map(dataset.programs.map((p) => [p.id, p]));
    for (const p of dataset.participations) {
      const program = programById.get(p.programId)!;
      const policy = program.policyLegalBasis ? { legalBasis: program.policyLegalBasis, percentage: program.policyPercentage, capPerCooperative: program.policyCapPerCooperative } : null;
      expect(supportProblem(policy, p.supportAmount, p.eligibleCost)).to.equal(null);
    }
    const certsOf = (productId: string) => dataset.certifications.filter((c) => c.productId === productId);
    expect(dataset.products.some((p) => certificationInForce(certsOf(p.id), "2021-06-30") !== null)).to.equal(true);
  });

  it("is deterministic and loads only into an empty database", async () => {
    const a = tradeDataset(generateRegistry({ seed: DEFAULT_SEED, scale: 1 }), TRADE_SEED, 1);
    const b = tradeDataset(generateRegistry({ seed: DEFAULT_SEED, scale: 1 }), TRADE_SEED, 1);
    expect(a).to.deep.equal(b);
    const { rows } = await db.query(`SELECT id FROM product ORDER BY id`);
    expect(rows.map((r) => r.id)).to.deep.equal(a.products.map((p) => p.id).sort());
    const before = (await db.query(`SELECT count(*) AS n FROM participation`)).rows[0].n;
    const ds = new DataSource({ type: "postgres", url: trade.databaseUrl, entities: tradeSubgraph.entities as never });
    await ds.initialize();
    try {
      await seedIfEmpty(ds, () => undefined);
    } finally {
      await ds.destroy();
    }
    expect((await db.query(`SELECT count(*) AS n FROM participation`)).rows[0].n).to.equal(before);
  });
});
