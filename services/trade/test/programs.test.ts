import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { codes, paths, registryCooperative, rowCounts, startTrade, TradeUnderTest, tokens } from "./support";

const CREATE_PROGRAM = `mutation ($input: CreateProgramInput!) {
  createTradePromotionProgram(input: $input) { program { id name province version supportPolicy { legalBasis percentage capPerCooperative } } }
}`;
const UPDATE_PROGRAM = `mutation ($input: UpdateProgramInput!) { updateTradePromotionProgram(input: $input) { program { id version endsOn supportPolicy { capPerCooperative } } } }`;
const REGISTER_PRODUCT = `mutation ($input: RegisterProductInput!) { registerProduct(input: $input) { product { id } } }`;
const REGISTER = `mutation ($input: RegisterParticipationInput!) {
  registerParticipation(input: $input) { participation { id version boothCount supportAmount eligibleCost cooperative { id } products { name } program { name } } }
}`;
const RESULTS = `mutation ($input: RecordParticipationResultsInput!) {
  recordParticipationResults(input: $input) { participation { id version salesRevenue supportAmount resultsRecordedAt agreements { counterparty kind value signedOn } } }
}`;

describe("trade subgraph: programs and participations", function () {
  let trade: TradeUnderTest;
  let db: Client;
  const coopA = randomUUID();
  const coopB = randomUUID();
  const coopC = randomUUID();
  const productsOf: Record<string, string[]> = {};
  let hanoi: string;
  let noPolicy: string;
  let future: string;
  let participationA: string;

  const program = (overrides: Record<string, unknown> = {}) => ({
    name: "Chương trình xúc tiến thương mại tại Hà Nội",
    kind: "PRODUCT_WEEK",
    organiser: "Liên minh Hợp tác xã tỉnh Cà Mau",
    venue: "Trung tâm Giới thiệu sản phẩm HTX, Hà Nội",
    province: "Hà Nội",
    startsOn: "2021-04-08",
    endsOn: "2021-04-12",
    budget: 350_000_000,
    budgetSource: "PROVINCIAL_BUDGET",
    supportPolicy: { legalBasis: "Kế hoạch hỗ trợ HTX năm 2021", percentage: 100, capPerCooperative: 20_000_000 },
    ...overrides,
  });
  const registration = (overrides: Record<string, unknown> = {}) => ({
    programId: hanoi,
    cooperativeId: coopA,
    productIds: productsOf[coopA],
    boothCount: 1,
    supportAmount: 15_000_000,
    eligibleCost: 18_000_000,
    ...overrides,
  });

  before(async function () {
    this.timeout(120_000);
    trade = await startTrade({ cooperatives: [coopA, coopB, coopC] });
    db = new Client({ connectionString: trade.databaseUrl });
    await db.connect();
    for (const [coop, names] of [
      [coopA, ["Mật ong U Minh Hạ", "Khô cá sặc Trần Văn Thời"]],
      [coopB, ["Cua Năm Căn"]],
      [coopC, ["Tôm khô Rạch Gốc"]],
    ] as const) {
      productsOf[coop] = [];
      for (const name of names) {
        const r = await trade.query(REGISTER_PRODUCT, { input: { cooperativeId: coop, name, productGroup: "FOOD" } }, tokens.officer());
        productsOf[coop].push(r.data!.registerProduct.product.id);
      }
    }
  });

  after(async () => {
    await db?.end();
    await trade?.stop();
  });

  describe("programs", () => {
    it("creates a program with its support policy as an officer", async () => {
      const result = await trade.query(CREATE_PROGRAM, { input: program() }, tokens.officer());
      expect(result.errors).to.equal(undefined);
      expect(result.data!.createTradePromotionProgram.program).to.deep.include({
        province: "Hà Nội",
        version: 1,
        supportPolicy: { legalBasis: "Kế hoạch hỗ trợ HTX năm 2021", percentage: 100, capPerCooperative: 20_000_000 },
      });
      hanoi = result.data!.createTradePromotionProgram.program.id;
      const plain = await trade.query(
        CREATE_PROGRAM,
        { input: program({ name: "Livestream bán hàng OCOP", kind: "ECOMMERCE", province: "Cà Mau", startsOn: "2021-05-20", endsOn: "2021-06-20", supportPolicy: null }) },
        tokens.admin(),
      );
      noPolicy = plain.data!.createTradePromotionProgram.program.id;
      expect(plain.data!.createTradePromotionProgram.program.supportPolicy).to.equal(null);
      const later = await trade.query(CREATE_PROGRAM, { input: program({ name: "Hội chợ năm sau", kind: "FAIR", province: "TP. Hồ Chí Minh", startsOn: "2998-01-01", endsOn: "2998-01-05" }) }, tokens.officer());
      future = later.data!.createTradePromotionProgram.program.id;
    });

    it("refuses programs from managers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", async () => {
      const before = await rowCounts(db);
      expect(codes(await trade.query(CREATE_PROGRAM, { input: program() }, tokens.manager(coopA)))).to.deep.equal(["FORBIDDEN"]);
      expect(codes(await trade.query(CREATE_PROGRAM, { input: program() }))).to.deep.equal(["UNAUTHENTICATED"]);
      expect(codes(await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 1, name: "Đổi tên" } }, tokens.manager(coopA)))).to.deep.equal(["FORBIDDEN"]);
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    const badPrograms: [string, Record<string, unknown>, string][] = [
      ["an end before the start", { endsOn: "2021-04-01" }, "input.endsOn"],
      ["a support percentage of 0", { supportPolicy: { legalBasis: "Kế hoạch 2021", percentage: 0 } }, "input.supportPolicy.percentage"],
      ["a support percentage above 100", { supportPolicy: { legalBasis: "Kế hoạch 2021", percentage: 120 } }, "input.supportPolicy.percentage"],
      ["a blank province", { province: "" }, "input.province"],
    ];
    for (const [what, overrides, path] of badPrograms) {
      it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
        const before = await rowCounts(db);
        const result = await trade.query(CREATE_PROGRAM, { input: program(overrides) }, tokens.officer());
        expect(codes(result), JSON.stringify(result)).to.deep.equal(["BAD_USER_INPUT"]);
        expect(paths(result)).to.include(path);
        expect(await rowCounts(db)).to.deep.equal(before);
      });
    }

    it("updates a program with its version; a stale version is a CONFLICT", async () => {
      const updated = await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 1, endsOn: "2021-04-13" } }, tokens.officer());
      expect(updated.data!.updateTradePromotionProgram.program).to.include({ version: 2, endsOn: "2021-04-13" });
      expect(codes(await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 1, endsOn: "2021-04-12" } }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
      expect(paths(await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 2, endsOn: "2021-04-01" } }, tokens.officer()))).to.deep.equal(["input.endsOn"]);
      expect(codes(await trade.query(UPDATE_PROGRAM, { input: { id: randomUUID(), version: 1, name: "Không có" } }, tokens.officer()))).to.deep.equal(["NOT_FOUND"]);
    });

    it("filters programs by period, kind and province (case- and diacritic-insensitive)", async () => {
      const names = async (filter: Record<string, unknown>) => {
        const r = await trade.query(`query ($filter: ProgramFilter) { tradePromotionPrograms(filter: $filter) { totalCount edges { node { name } } } }`, { filter });
        expect(r.errors).to.equal(undefined);
        return r.data!.tradePromotionPrograms.edges.map((e: { node: { name: string } }) => e.node.name);
      };
      expect(await names({ province: "ha noi" })).to.deep.equal(["Chương trình xúc tiến thương mại tại Hà Nội"]);
      expect(await names({ province: "HÀ NỘI".normalize("NFD") })).to.have.length(1);
      expect(await names({ province: "tp. ho chi minh" })).to.deep.equal(["Hội chợ năm sau"]);
      expect(await names({ from: "2021-04-13", to: "2021-05-20" })).to.deep.equal(["Livestream bán hàng OCOP", "Chương trình xúc tiến thương mại tại Hà Nội"]);
      expect(await names({ from: "2021-04-14", to: "2021-05-19" })).to.deep.equal([]);
      expect(await names({ kinds: ["ECOMMERCE", "FAIR"] })).to.deep.equal(["Hội chợ năm sau", "Livestream bán hàng OCOP"]);
      const bad = await trade.query(`{ tradePromotionPrograms(filter: { from: "2021-06-01", to: "2021-01-01" }) { totalCount } }`);
      expect(paths(bad)).to.deep.equal(["filter.from"]);
    });
  });

  describe("participations", () => {
    it("registers a cooperative with its own products and support within the policy", async () => {
      const result = await trade.query(REGISTER, { input: registration() }, tokens.officer());
      expect(result.errors).to.equal(undefined);
      const p = result.data!.registerParticipation.participation;
      expect(p).to.deep.include({ version: 1, boothCount: 1, supportAmount: 15_000_000, eligibleCost: 18_000_000, cooperative: { id: coopA } });
      expect(p.products.map((x: { name: string }) => x.name)).to.deep.equal(["Mật ong U Minh Hạ", "Khô cá sặc Trần Văn Thời"]);
      participationA = p.id;
    });

    it("takes a cooperative once per program (CONFLICT)", async () => {
      const before = await rowCounts(db);
      expect(codes(await trade.query(REGISTER, { input: registration({ supportAmount: 0 }) }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    const refused: [string, () => Record<string, unknown>, string][] = [
      ["another cooperative's product", () => registration({ cooperativeId: coopB, productIds: [productsOf[coopB][0], productsOf[coopA][0]] }), "input.productIds.1"],
      ["an unknown product", () => registration({ cooperativeId: coopB, productIds: [randomUUID()] }), "input.productIds.0"],
      ["the same product twice", () => registration({ cooperativeId: coopB, productIds: [productsOf[coopB][0], productsOf[coopB][0]] }), "input.productIds.1"],
      ["a product id that is not a UUID", () => registration({ cooperativeId: coopB, productIds: ["cua-nam-can"] }), "input.productIds"],
      ["no products", () => registration({ cooperativeId: coopB, productIds: [] }), "input.productIds"],
      ["support above the policy's cap", () => registration({ cooperativeId: coopB, productIds: productsOf[coopB], supportAmount: 20_000_001, eligibleCost: null }), "input.supportAmount"],
      ["support above the eligible costs", () => registration({ cooperativeId: coopB, productIds: productsOf[coopB], supportAmount: 12_000_000, eligibleCost: 10_000_000 }), "input.supportAmount"],
      ["support from a program without a policy", () => registration({ programId: noPolicy, cooperativeId: coopB, productIds: productsOf[coopB], supportAmount: 1_000_000 }), "input.supportAmount"],
      ["a cooperative id that is not a UUID", () => registration({ cooperativeId: "HTX-01" }), "input.cooperativeId"],
    ];
    for (const [what, input, path] of refused) {
      it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
        const before = await rowCounts(db);
        const result = await trade.query(REGISTER, { input: input() }, tokens.officer());
        expect(codes(result), JSON.stringify(result)).to.deep.equal(["BAD_USER_INPUT"]);
        expect(paths(result)).to.include(path);
        expect(await rowCounts(db)).to.deep.equal(before);
      });
    }

    it("refuses an unknown program with NOT_FOUND", async () => {
      expect(codes(await trade.query(REGISTER, { input: registration({ programId: randomUUID(), cooperativeId: coopB, productIds: productsOf[coopB] }) }, tokens.officer()))).to.deep.equal(["NOT_FOUND"]);
    });

    it("lets a manager register its own cooperative without support, but not set support nor register another cooperative", async () => {
      const before = await rowCounts(db);
      const bInput = registration({ cooperativeId: coopB, productIds: productsOf[coopB] });
      expect(codes(await trade.query(REGISTER, { input: bInput }, tokens.manager(coopB)))).to.deep.equal(["FORBIDDEN"]);
      expect(codes(await trade.query(REGISTER, { input: { ...bInput, supportAmount: 0 } }, tokens.manager(coopC)))).to.deep.equal(["FORBIDDEN"]);
      expect(codes(await trade.query(REGISTER, { input: { ...bInput, supportAmount: 0 } }, tokens.fundApprover()))).to.deep.equal(["FORBIDDEN"]);
      expect(codes(await trade.query(REGISTER, { input: { ...bInput, supportAmount: 0 } }))).to.deep.equal(["UNAUTHENTICATED"]);
      expect(await rowCounts(db)).to.deep.equal(before);
      const own = await trade.query(REGISTER, { input: { ...bInput, supportAmount: 0, eligibleCost: null } }, tokens.manager(coopB));
      expect(own.errors).to.equal(undefined);
      expect(own.data!.registerParticipation.participation.supportAmount).to.equal(0);
    });

    it("keeps 'only its own products' in the database too (composite foreign key)", async () => {
      let error: unknown;
      try {
        await db.query(`INSERT INTO participation_product (participation_id, product_id, cooperative_id, position) VALUES ($1, $2, $3, 9)`, [participationA, productsOf[coopB][0], coopA]);
      } catch (e) {
        error = e;
      }
      expect((error as { code?: string })?.code).to.equal("23503");
    });

    it("refuses a support policy that no longer covers support already granted", async () => {
      const before = await rowCounts(db);
      const lower = await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 2, supportPolicy: { legalBasis: "Kế hoạch mới", capPerCooperative: 10_000_000 } } }, tokens.officer());
      expect(paths(lower)).to.deep.equal(["input.supportPolicy"]);
      const removed = await trade.query(UPDATE_PROGRAM, { input: { id: hanoi, version: 2, removeSupportPolicy: true } }, tokens.officer());
      expect(paths(removed)).to.deep.equal(["input.removeSupportPolicy"]);
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    it("records results (sales, contracts, MOUs) for its own participation as a manager, replacing earlier ones", async () => {
      const input = {
        participationId: participationA,
        version: 1,
        salesRevenue: 85_000_000,
        agreements: [
          { counterparty: "Tổng công ty Thương mại Hà Nội (Hapro)", kind: "MEMORANDUM_OF_UNDERSTANDING", signedOn: "2021-04-09" },
          { counterparty: "Hệ thống siêu thị BRGMart", kind: "SALES_CONTRACT", value: 450_000_000, signedOn: "2021-04-10" },
        ],
      };
      const first = await trade.query(RESULTS, { input }, tokens.manager(coopA));
      expect(first.errors).to.equal(undefined);
      const p = first.data!.recordParticipationResults.participation;
      expect(p).to.include({ version: 2, salesRevenue: 85_000_000, supportAmount: 15_000_000 });
      expect(p.agreements).to.deep.equal([
        { counterparty: "Tổng công ty Thương mại Hà Nội (Hapro)", kind: "MEMORANDUM_OF_UNDERSTANDING", value: null, signedOn: "2021-04-09" },
        { counterparty: "Hệ thống siêu thị BRGMart", kind: "SALES_CONTRACT", value: 450_000_000, signedOn: "2021-04-10" },
      ]);
      const second = await trade.query(RESULTS, { input: { ...input, version: 2, salesRevenue: 90_000_000, agreements: [input.agreements[1]], supportAmount: 18_000_000 } }, tokens.officer());
      expect(second.errors).to.equal(undefined);
      expect(second.data!.recordParticipationResults.participation).to.deep.include({ version: 3, salesRevenue: 90_000_000, supportAmount: 18_000_000 });
      expect(second.data!.recordParticipationResults.participation.agreements).to.have.length(1);
    });

    it("refuses results with a stale version (CONFLICT), from another manager (FORBIDDEN), support set by a manager (FORBIDDEN), above the cap (BAD_USER_INPUT) or before the program (CONFLICT)", async () => {
      const before = await rowCounts(db);
      const input = { participationId: participationA, version: 3, salesRevenue: 1, agreements: [] };
      expect(codes(await trade.query(RESULTS, { input: { ...input, version: 2 } }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
      expect(codes(await trade.query(RESULTS, { input }, tokens.manager(coopB)))).to.deep.equal(["FORBIDDEN"]);
      expect(codes(await trade.query(RESULTS, { input: { ...input, supportAmount: 1 } }, tokens.manager(coopA)))).to.deep.equal(["FORBIDDEN"]);
      expect(paths(await trade.query(RESULTS, { input: { ...input, supportAmount: 20_000_001 } }, tokens.officer()))).to.deep.equal(["input.supportAmount"]);
      expect(paths(await trade.query(RESULTS, { input: { ...input, agreements: [{ counterparty: "Hapro", kind: "OTHER", signedOn: "2999-01-01" }] } }, tokens.officer()))).to.deep.equal([
        "input.agreements.0.signedOn",
      ]);
      expect(codes(await trade.query(RESULTS, { input: { ...input, participationId: randomUUID() } }, tokens.officer()))).to.deep.equal(["NOT_FOUND"]);
      const registered = await trade.query(REGISTER, { input: registration({ programId: future, cooperativeId: coopC, productIds: productsOf[coopC], supportAmount: 0 }) }, tokens.officer());
      const futureId = registered.data!.registerParticipation.participation.id;
      const after = await rowCounts(db);
      expect(codes(await trade.query(RESULTS, { input: { ...input, participationId: futureId, version: 1 } }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
      expect(await rowCounts(db)).to.deep.equal(after);
      expect(after.participation).to.equal(before.participation + 1);
    });

    it("shows sales and agreements only to officers, fund staff and the cooperative's own manager", async () => {
      const READ = `query ($id: ID!) { participation(id: $id) { supportAmount salesRevenue agreements { counterparty } } }`;
      const anonymous = await trade.query(READ, { id: participationA });
      expect(codes(anonymous)).to.include("UNAUTHENTICATED");
      const publicPart = await trade.query(`query ($id: ID!) { participation(id: $id) { supportAmount boothCount products { name } } }`, { id: participationA });
      expect(publicPart.errors).to.equal(undefined);
      expect(codes(await trade.query(READ, { id: participationA }, tokens.manager(coopB)))).to.include("FORBIDDEN");
      for (const token of [tokens.officer(), tokens.fundOfficer(), tokens.manager(coopA)]) {
        const r = await trade.query(READ, { id: participationA }, token);
        expect(r.errors).to.equal(undefined);
        expect(r.data!.participation).to.deep.equal({ supportAmount: 18_000_000, salesRevenue: 90_000_000, agreements: [{ counterparty: "Hệ thống siêu thị BRGMart" }] });
      }
    });
  });

  describe("federation", () => {
    it("extends Cooperative with its products, participations and OCOP product count", async () => {
      await trade.query(
        `mutation ($input: RecordOcopCertificationInput!) { recordOcopCertification(input: $input) { certification { id } } }`,
        { input: { productId: productsOf[coopA][0], stars: 3, score: 60, decisionNumber: "345/QĐ-UBND", certifiedOn: "2020-03-02" } },
        tokens.officer(),
      );
      const result = await trade.query(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative {
          id products { totalCount edges { node { name } } } participations { totalCount edges { node { program { name } } } }
          in2021: ocopProductCount(asOf: "2021-06-30") in2024: ocopProductCount(asOf: "2024-01-01")
        } } }`,
        { reps: [{ __typename: "Cooperative", id: coopA }, { __typename: "Cooperative", id: randomUUID() }, { __typename: "Cooperative", id: "not-a-uuid" }] },
      );
      expect(result.errors).to.equal(undefined);
      const [a, unknown, malformed] = result.data!._entities;
      expect(a.products.edges.map((e: any) => e.node.name)).to.deep.equal(["Khô cá sặc Trần Văn Thời", "Mật ong U Minh Hạ"]);
      expect(a.participations).to.deep.equal({ totalCount: 1, edges: [{ node: { program: { name: "Chương trình xúc tiến thương mại tại Hà Nội" } } }] });
      expect([a.in2021, a.in2024]).to.deep.equal([1, 0]);
      expect(unknown.products.totalCount).to.equal(0);
      expect(malformed.participations.totalCount).to.equal(0);
    });

    it("adds the trade figures to the period report, comparing the province without case or diacritics", async () => {
      const lookups = trade.directory.lookups.length;
      const result = await trade.query(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollectiveEconomyReport {
          from to tradePromotionProgramCount tradePromotionSupportedCooperativeCount hanoi: tradePromotionSupportedCooperativeCount(province: "ha noi")
          hcm: tradePromotionSupportedCooperativeCount(province: "TP. Hồ Chí Minh") ocopProductCount
        } } }`,
        { reps: [{ __typename: "CollectiveEconomyReport", from: "2021-01-01", to: "2021-06-30", territory: "OLD_CA_MAU" }] },
      );
      expect(result.errors).to.equal(undefined);
      expect(result.data!._entities[0]).to.deep.equal({
        from: "2021-01-01",
        to: "2021-06-30",
        tradePromotionProgramCount: 2,
        tradePromotionSupportedCooperativeCount: 2,
        hanoi: 2,
        hcm: 0,
        ocopProductCount: 1,
      });
      // The places of the counted cooperatives come from the directory's places of every
      // cooperative: no lookup per cooperative, whose cost grew with the registry.
      expect(trade.directory.lookups.length).to.equal(lookups);
    });
  });

  describe("SQL statements", () => {
    before(async function () {
      this.timeout(120_000);
      const coops = [randomUUID(), randomUUID(), randomUUID()];
      for (const coop of coops) trade.directory.put(registryCooperative(coop));
      const own: string[][] = [];
      for (const [i, coop] of coops.entries()) {
        const ids: string[] = [];
        for (const name of [`Khô cá lóc ${i}`, `Gạo Một bụi đỏ ${i}`]) {
          const r = await trade.query(REGISTER_PRODUCT, { input: { cooperativeId: coop, name, productGroup: "FOOD" } }, tokens.officer());
          ids.push(r.data!.registerProduct.product.id);
        }
        await trade.query(
          `mutation ($input: RecordOcopCertificationInput!) { recordOcopCertification(input: $input) { certification { id } } }`,
          { input: { productId: ids[0], stars: 4, score: 80, decisionNumber: `50${i}/QĐ-UBND`, certifiedOn: "2020-01-15" } },
          tokens.officer(),
        );
        own.push(ids);
      }
      for (let n = 0; n < 22; n++) {
        const created = await trade.query(CREATE_PROGRAM, { input: program({ name: `Hội chợ số ${n}`, kind: "FAIR", province: "Cần Thơ", startsOn: "2020-10-01", endsOn: "2020-10-05" }) }, tokens.officer());
        const id = created.data!.createTradePromotionProgram.program.id;
        for (const [i, coop] of coops.entries()) {
          const r = await trade.query(REGISTER, { input: { programId: id, cooperativeId: coop, productIds: own[i], supportAmount: 1_000_000 } }, tokens.officer());
          expect(r.errors).to.equal(undefined);
        }
      }
    });

    it("lists programs with their participants' cooperatives, products and stars in a constant number of statements, whatever the page size", async () => {
      const PAGE = `query ($first: Int) { tradePromotionPrograms(first: $first, filter: { province: "can tho" }) { totalCount edges { node {
        name supportPolicy { capPerCooperative }
        participations(first: 10) { totalCount edges { node {
          cooperative { id } boothCount supportAmount program { name }
          products { name ocopStars(asOf: "2020-10-01") brand { name } certifications { stars } cooperative { id } }
        } } }
      } } } }`;
      const statementsFor = async (first: number) => {
        const before = await trade.sqlStatements();
        const result = await trade.query(PAGE, { first });
        expect(result.errors).to.equal(undefined);
        const edges = result.data!.tradePromotionPrograms.edges;
        expect(edges).to.have.length(first);
        for (const edge of edges) {
          expect(edge.node.participations.totalCount).to.equal(3);
          for (const p of edge.node.participations.edges) {
            expect(p.node.products).to.have.length(2);
            expect(p.node.products[0].ocopStars).to.equal(4);
          }
        }
        return (await trade.sqlStatements()) - before;
      };
      const two = await statementsFor(2);
      const twenty = await statementsFor(20);
      expect(twenty).to.equal(two);
      expect(two).to.be.at.most(10);
    });

    it("pages nested participations forward and backward with cursors, without gaps or repeats", async () => {
      const first = await trade.query(`{ tradePromotionPrograms(first: 1, filter: { province: "Cần Thơ" }) { edges { node { id } } } }`);
      const id = first.data!.tradePromotionPrograms.edges[0].node.id;
      const PAGE = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { tradePromotionProgram(id: $id) {
        participations(first: $first, after: $after, last: $last, before: $before) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const result: any = await trade.query(PAGE, { id, first: 1, after });
        const connection = result.data.tradePromotionProgram.participations;
        expect(connection.totalCount).to.equal(3);
        seen.push(...connection.edges.map((e: any) => e.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(new Set(seen).size).to.equal(3);
      expect(seen).to.have.length(3);
      const lastTwo: any = await trade.query(PAGE, { id, last: 2 });
      expect(lastTwo.data.tradePromotionProgram.participations.edges.map((e: any) => e.node.id)).to.deep.equal(seen.slice(1));
      expect(lastTwo.data.tradePromotionProgram.participations.pageInfo.hasPreviousPage).to.equal(true);
      const beforeLast: any = await trade.query(PAGE, { id, last: 5, before: lastTwo.data.tradePromotionProgram.participations.pageInfo.startCursor });
      expect(beforeLast.data.tradePromotionProgram.participations.edges.map((e: any) => e.node.id)).to.deep.equal(seen.slice(0, 1));
      const tooMany = await trade.query(PAGE, { id, first: 101 });
      expect(codes(tooMany)).to.deep.equal(["BAD_USER_INPUT"]);
      const forged = await trade.query(PAGE, { id, first: 1, after: "bm90LWEtY3Vyc29y" });
      expect(codes(forged)).to.deep.equal(["BAD_USER_INPUT"]);
    });

    it("reads the cooperatives of a page, each with products and participations, in a constant number of statements", async () => {
      const ids = (await db.query(`SELECT DISTINCT cooperative_id AS id FROM participation ORDER BY 1`)).rows.map((r) => r.id);
      const QUERY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative {
        products(first: 5) { totalCount edges { node { name ocopStars } } } participations(first: 3) { totalCount edges { node { program { name } products { name } } } } ocopProductCount
      } } }`;
      const statementsFor = async (n: number) => {
        const before = await trade.sqlStatements();
        const result = await trade.query(QUERY, { reps: ids.slice(0, n).map((id) => ({ __typename: "Cooperative", id })) });
        expect(result.errors).to.equal(undefined);
        return (await trade.sqlStatements()) - before;
      };
      expect(ids.length).to.be.at.least(5);
      expect(await statementsFor(ids.length)).to.equal(await statementsFor(1));
    });
  });
});
