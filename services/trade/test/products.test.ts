import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { judgeSearch, SubgraphUnderTest } from "@camau/shared/testing";
import { codes, paths, rowCounts, startTrade, tokens } from "./support";

const REGISTER = `mutation ($input: RegisterProductInput!) {
  registerProduct(input: $input) { product { id name productGroup version brand { name kind registrationNumber } cooperative { id } } }
}`;
const UPDATE = `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { product { id name version description brand { name } } } }`;
const CERTIFY = `mutation ($input: RecordOcopCertificationInput!) {
  recordOcopCertification(input: $input) { certification { stars score level decisionNumber certifiedOn expiresOn } product { id } }
}`;

describe("trade subgraph: products and OCOP certifications", function () {
  let trade: SubgraphUnderTest;
  let db: Client;
  const coopA = randomUUID();
  const coopB = randomUUID();
  let honeyId: string;

  const product = (overrides: Record<string, unknown> = {}) => ({
    cooperativeId: coopA,
    name: "Mật ong U Minh Hạ",
    productGroup: "FOOD",
    description: "Mật ong hoa tràm",
    brand: { name: "Mật ong U Minh Hạ", kind: "COLLECTIVE_MARK", registrationNumber: "Số 178512" },
    ...overrides,
  });
  const certification = (overrides: Record<string, unknown> = {}) => ({
    productId: honeyId,
    stars: 4,
    score: 75,
    decisionNumber: "1234/QĐ-UBND",
    certifiedOn: "2020-05-20",
    ...overrides,
  });

  before(async function () {
    this.timeout(120_000);
    trade = await startTrade({ cooperatives: [coopA, coopB] });
    db = new Client({ connectionString: trade.databaseUrl });
    await db.connect();
  });

  after(async () => {
    await db?.end();
    await trade?.stop();
  });

  it("registers a product for any cooperative as an officer, returning the cooperative as a reference", async () => {
    const result = await trade.query(REGISTER, { input: product() }, tokens.officer());
    expect(result.errors).to.equal(undefined);
    const p = result.data!.registerProduct.product;
    expect(p).to.deep.include({ name: "Mật ong U Minh Hạ", productGroup: "FOOD", version: 1, cooperative: { id: coopA } });
    expect(p.brand).to.deep.equal({ name: "Mật ong U Minh Hạ", kind: "COLLECTIVE_MARK", registrationNumber: "Số 178512" });
    honeyId = p.id;
  });

  it("lets a cooperative manager register products of its own cooperative only", async () => {
    const own = await trade.query(REGISTER, { input: product({ name: "Khô cá đồng U Minh", brand: null }) }, tokens.manager(coopA));
    expect(own.errors).to.equal(undefined);
    expect(own.data!.registerProduct.product.brand).to.equal(null);
    const before = await rowCounts(db);
    const other = await trade.query(REGISTER, { input: product({ cooperativeId: coopB, name: "Cua Năm Căn" }) }, tokens.manager(coopA));
    expect(codes(other)).to.deep.equal(["FORBIDDEN"]);
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  it("refuses anonymous callers (UNAUTHENTICATED) and other roles (FORBIDDEN) and writes nothing", async () => {
    const before = await rowCounts(db);
    expect(codes(await trade.query(REGISTER, { input: product({ name: "Tôm khô Rạch Gốc" }) }))).to.deep.equal(["UNAUTHENTICATED"]);
    expect(codes(await trade.query(REGISTER, { input: product({ name: "Tôm khô Rạch Gốc" }) }, tokens.fundOfficer()))).to.deep.equal(["FORBIDDEN"]);
    expect(codes(await trade.query(CERTIFY, { input: certification() }, tokens.manager(coopA)))).to.deep.equal(["FORBIDDEN"]);
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  it("refuses the same product name twice in a cooperative, ignoring case and diacritics (CONFLICT)", async () => {
    const before = await rowCounts(db);
    const duplicate = await trade.query(REGISTER, { input: product({ name: "MAT ONG u minh ha" }) }, tokens.officer());
    expect(codes(duplicate)).to.deep.equal(["CONFLICT"]);
    expect(await rowCounts(db)).to.deep.equal(before);
    const elsewhere = await trade.query(REGISTER, { input: product({ cooperativeId: coopB }) }, tokens.officer());
    expect(elsewhere.errors).to.equal(undefined);
  });

  const badInputs: [string, Record<string, unknown>, string][] = [
    ["a cooperative id that is not a UUID", { cooperativeId: "htx-1" }, "input.cooperativeId"],
    ["a one-letter name", { name: "M" }, "input.name"],
    ["a one-letter brand", { name: "Mật ong rừng", brand: { name: "M", kind: "TRADEMARK" } }, "input.brand.name"],
    ["an over-long description", { name: "Mật ong rừng", description: "x".repeat(5001) }, "input.description"],
  ];
  for (const [what, overrides, path] of badInputs) {
    it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
      const before = await rowCounts(db);
      const result = await trade.query(REGISTER, { input: product(overrides) }, tokens.officer());
      expect(codes(result), JSON.stringify(result)).to.deep.equal(["BAD_USER_INPUT"]);
      expect(paths(result)).to.include(path);
      expect(await rowCounts(db)).to.deep.equal(before);
    });
  }

  it("updates a product with its version; a stale version is a CONFLICT, another cooperative's manager FORBIDDEN, an unknown id NOT_FOUND", async () => {
    const updated = await trade.query(UPDATE, { input: { id: honeyId, version: 1, description: "Mật ong hoa tràm rừng U Minh Hạ, gác kèo" } }, tokens.manager(coopA));
    expect(updated.errors).to.equal(undefined);
    expect(updated.data!.updateProduct.product).to.include({ version: 2, description: "Mật ong hoa tràm rừng U Minh Hạ, gác kèo" });
    const before = await rowCounts(db);
    expect(codes(await trade.query(UPDATE, { input: { id: honeyId, version: 1, name: "Mật ong" } }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
    expect(codes(await trade.query(UPDATE, { input: { id: honeyId, version: 2, name: "Mật ong" } }, tokens.manager(coopB)))).to.deep.equal(["FORBIDDEN"]);
    expect(codes(await trade.query(UPDATE, { input: { id: randomUUID(), version: 1, name: "Mật ong" } }, tokens.officer()))).to.deep.equal(["NOT_FOUND"]);
    const both = await trade.query(UPDATE, { input: { id: honeyId, version: 2, removeBrand: true, brand: { name: "Ong Rừng", kind: "TRADEMARK" } } }, tokens.officer());
    expect(paths(both)).to.deep.equal(["input.removeBrand"]);
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  it("records a 4-star provincial certification valid 36 months by default", async () => {
    const result = await trade.query(CERTIFY, { input: certification() }, tokens.officer());
    expect(result.errors).to.equal(undefined);
    expect(result.data!.recordOcopCertification.certification).to.deep.equal({
      stars: 4,
      score: 75,
      level: "PROVINCIAL",
      decisionNumber: "1234/QĐ-UBND",
      certifiedOn: "2020-05-20",
      expiresOn: "2023-05-20",
    });
  });

  const refusedCertifications: [string, Record<string, unknown>, string][] = [
    ["a 5-star provincial certification", { stars: 5, score: 95, level: "PROVINCIAL", decisionNumber: "9/QĐ-UBND" }, "input.level"],
    ["a 3-star national certification", { stars: 3, score: 60, level: "NATIONAL", decisionNumber: "10/QĐ-BNN" }, "input.level"],
    ["a 4-star certification with a 5-star score", { stars: 4, score: 92, decisionNumber: "11/QĐ-UBND" }, "input.score"],
    ["a 3-star certification with a score under 50", { stars: 3, score: 49, decisionNumber: "12/QĐ-UBND" }, "input.score"],
    ["a 5-star certification with a 4-star score", { stars: 5, score: 85, decisionNumber: "13/QĐ-UBND" }, "input.score"],
    ["6 stars", { stars: 6, score: 95, decisionNumber: "14/QĐ-UBND" }, "input.stars"],
    ["a certification dated in the future", { certifiedOn: "2999-01-01", decisionNumber: "15/QĐ-UBND" }, "input.certifiedOn"],
    ["an expiry beyond 36 months", { expiresOn: "2023-05-21", decisionNumber: "16/QĐ-UBND" }, "input.expiresOn"],
    ["a product id that is not a UUID", { productId: "123", decisionNumber: "17/QĐ-UBND" }, "input.productId"],
  ];
  for (const [what, overrides, path] of refusedCertifications) {
    it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
      const before = await rowCounts(db);
      const result = await trade.query(CERTIFY, { input: certification(overrides) }, tokens.officer());
      expect(codes(result), JSON.stringify(result)).to.deep.equal(["BAD_USER_INPUT"]);
      expect(paths(result)).to.include(path);
      expect(await rowCounts(db)).to.deep.equal(before);
    });
  }

  it("refuses a decision recorded twice for a product (CONFLICT) and a certification of an unknown product (NOT_FOUND)", async () => {
    const before = await rowCounts(db);
    expect(codes(await trade.query(CERTIFY, { input: certification() }, tokens.officer()))).to.deep.equal(["CONFLICT"]);
    expect(codes(await trade.query(CERTIFY, { input: certification({ productId: randomUUID(), decisionNumber: "77/QĐ-UBND" }) }, tokens.officer()))).to.deep.equal(["NOT_FOUND"]);
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  it("gives the stars in force on any date, a 5-star national re-rating superseding the earlier one", async () => {
    const national = await trade.query(CERTIFY, { input: certification({ stars: 5, score: 93, decisionNumber: "2001/QĐ-BNN-VPĐP", certifiedOn: "2022-09-01" }) }, tokens.admin());
    expect(national.data!.recordOcopCertification.certification).to.include({ level: "NATIONAL", expiresOn: "2025-09-01" });
    const stars = await trade.query(
      `query ($id: ID!) { product(id: $id) {
        before: ocopStars(asOf: "2020-05-19") first: ocopStars(asOf: "2020-05-20") upgraded: ocopStars(asOf: "2022-09-01")
        lastDay: ocopStars(asOf: "2025-09-01") expired: ocopStars(asOf: "2025-09-02")
        certificationInForce(asOf: "2021-04-08") { decisionNumber } certifications { stars }
      } }`,
      { id: honeyId },
    );
    expect(stars.errors).to.equal(undefined);
    expect(stars.data!.product).to.deep.equal({
      before: null,
      first: 4,
      upgraded: 5,
      lastDay: 5,
      expired: null,
      certificationInForce: { decisionNumber: "1234/QĐ-UBND" },
      certifications: [{ stars: 5 }, { stars: 4 }],
    });
  });

  it("lets anyone read products; a malformed or unknown id reads as null", async () => {
    const read = await trade.query(`query ($id: ID!) { product(id: $id) { name } bad: product(id: "nope") { name } missing: product(id: "${randomUUID()}") { name } }`, { id: honeyId });
    expect(read.errors).to.equal(undefined);
    expect(read.data).to.deep.equal({ product: { name: "Mật ong U Minh Hạ" }, bad: null, missing: null });
  });

  describe("search and filters", () => {
    before(async () => {
      for (const [cooperativeId, name, productGroup, brand] of [
        [coopB, "Tôm khô Rạch Gốc", "FOOD", { name: "Tôm khô Rạch Gốc", kind: "COLLECTIVE_MARK" }],
        [coopB, "Tinh dầu tràm U Minh Hạ", "HERBAL", null],
        [coopB, "Đệm lác Đầm Dơi", "HANDICRAFT", null],
      ] as const) {
        const r = await trade.query(REGISTER, { input: { cooperativeId, name, productGroup, brand } }, tokens.officer());
        expect(r.errors).to.equal(undefined);
      }
    });

    const names = async (filter: Record<string, unknown>) => {
      const result = await trade.query(`query ($filter: ProductFilter) { products(filter: $filter, first: 100) { totalCount edges { node { name } } } }`, { filter });
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      expect(result.data!.products.totalCount).to.equal(result.data!.products.edges.length);
      return result.data!.products.edges.map((e: { node: { name: string } }) => e.node.name).sort();
    };

    it("finds 'Mật ong U Minh Hạ' products from 'mat ong u minh', case- and diacritic-insensitively, also from NFD input", async () => {
      expect(await names({ search: "mat ong u minh" })).to.deep.equal(["Mật ong U Minh Hạ", "Mật ong U Minh Hạ"]);
      expect(await names({ search: "MẬT ONG".normalize("NFD") })).to.deep.equal(["Mật ong U Minh Hạ", "Mật ong U Minh Hạ"]);
      expect(await names({ search: "u minh" })).to.deep.equal(["Khô cá đồng U Minh", "Mật ong U Minh Hạ", "Mật ong U Minh Hạ", "Tinh dầu tràm U Minh Hạ"]);
      expect(await names({ search: "dem lac dam doi" })).to.deep.equal(["Đệm lác Đầm Dơi"]);
      expect(await names({ search: "rach goc 100%" })).to.deep.equal([]);
    });

    it("filters by cooperative, product group, brand and minimum stars in force on a date", async () => {
      expect(await names({ cooperativeIds: [coopA] })).to.deep.equal(["Khô cá đồng U Minh", "Mật ong U Minh Hạ"]);
      expect(await names({ productGroups: ["HERBAL", "HANDICRAFT"] })).to.deep.equal(["Tinh dầu tràm U Minh Hạ", "Đệm lác Đầm Dơi"]);
      expect(await names({ branded: true, cooperativeIds: [coopB] })).to.deep.equal(["Mật ong U Minh Hạ", "Tôm khô Rạch Gốc"]);
      expect(await names({ minStars: 4, starsAsOf: "2021-04-08" })).to.deep.equal(["Mật ong U Minh Hạ"]);
      expect(await names({ minStars: 5, starsAsOf: "2021-04-08" })).to.deep.equal([]);
      expect(await names({ minStars: 5, starsAsOf: "2023-01-01" })).to.deep.equal(["Mật ong U Minh Hạ"]);
      expect(await names({ ocopRated: true, starsAsOf: "2019-01-01" })).to.deep.equal([]);
      expect((await names({ ocopRated: false, starsAsOf: "2021-04-08" })).length).to.equal(5);
    });

    it("refuses a bad filter or page size with BAD_USER_INPUT", async () => {
      const bad = await trade.query(`{ products(filter: { minStars: 2, cooperativeIds: ["x"] }) { totalCount } }`);
      expect(codes(bad)).to.deep.equal(["BAD_USER_INPUT"]);
      expect(paths(bad)).to.have.members(["filter.minStars", "filter.cooperativeIds"]);
      expect(codes(await trade.query(`{ products(first: 101) { totalCount } }`))).to.deep.equal(["BAD_USER_INPUT"]);
    });

    it("pages by name with stable cursors", async () => {
      const page = (after: string | null) =>
        trade.query(`query ($after: String) { products(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`, { after });
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const result: any = await page(after);
        seen.push(...result.data.products.edges.map((e: any) => e.node.name));
        if (!result.data.products.pageInfo.hasNextPage) break;
        after = result.data.products.pageInfo.endCursor;
      }
      expect(seen).to.have.length(6);
      // Vietnamese alphabetical order: Đệm lác (Đ after D) before Khô cá.
      expect([...seen].sort((a, b) => a.localeCompare(b, "vi"))).to.deep.equal(seen);
      expect(seen.indexOf("Đệm lác Đầm Dơi")).to.be.lessThan(seen.indexOf("Khô cá đồng U Minh"));
    });
  });

  describe("as a Vietnamese user expects", () => {
    before(async () => {
      for (const [name, brand] of [
        ["Gạo lúa-tôm Tân Tiến", null],
        ["Bánh phồng tôm HTX Cái Đôi Vàm", { name: "Cái Đôi Vàm", kind: "COLLECTIVE_MARK" }],
      ] as const) {
        const r = await trade.query(REGISTER, { input: { cooperativeId: coopB, name, productGroup: "FOOD", brand } }, tokens.officer());
        expect(r.errors).to.equal(undefined);
      }
    });

    const found = async (search: string, orderBy?: unknown) => {
      const result = await trade.query(`query ($s: String, $o: [ProductOrder!]) { products(filter: { search: $s }, orderBy: $o, first: 100) { edges { node { name } } } }`, { s: search, o: orderBy });
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      return [...new Set<string>(result.data!.products.edges.map((e: { node: { name: string } }) => e.node.name))];
    };

    it("finds the judged products: abbreviations, punctuation, typos", async () => {
      const judged = [
        { query: "mat ong", expected: ["Mật ong U Minh Hạ"] },
        { query: "tinh dau trma", expected: ["Tinh dầu tràm U Minh Hạ"] },
        { query: "lúa-tôm", expected: ["Gạo lúa-tôm Tân Tiến"] },
        { query: "lua tom tan tien", expected: ["Gạo lúa-tôm Tân Tiến"] },
        { query: "hop tac xa cai doi vam", expected: ["Bánh phồng tôm HTX Cái Đôi Vàm"] },
        { query: "banh phong tom", expected: ["Bánh phồng tôm HTX Cái Đôi Vàm"] },
        { query: "tom", expected: ["Tôm khô Rạch Gốc", "Gạo lúa-tôm Tân Tiến", "Bánh phồng tôm HTX Cái Đôi Vàm"] },
        { query: "dem lac", expected: ["Đệm lác Đầm Dơi"] },
        { query: "kho ca dong", expected: ["Khô cá đồng U Minh"] },
      ];
      const { results, precision } = await judgeSearch("products", judged, (q) => found(q));
      for (const r of results) expect(r.recall, `recall of ${r.query}: found ${r.found}`).to.equal(1);
      expect(precision).to.be.at.least(0.9);
    });

    it("ranks whole words before words that only contain the search, and sorts by name in Vietnamese order on request", async () => {
      // "kho" is a whole word of "Khô cá đồng" and "Tôm khô".
      const ranked = await found("kho");
      expect(ranked.slice(0, 2).sort()).to.deep.equal(["Khô cá đồng U Minh", "Tôm khô Rạch Gốc"]);
      const byName = await found("u minh", [{ field: "NAME" }]);
      expect(byName).to.deep.equal(["Khô cá đồng U Minh", "Mật ong U Minh Hạ", "Tinh dầu tràm U Minh Hạ"]);
      const all = await trade.query(`{ products(orderBy: [{ field: NAME }], first: 100) { edges { node { name } } } }`);
      const names = [...new Set<string>(all.data!.products.edges.map((e: { node: { name: string } }) => e.node.name))];
      expect(names).to.deep.equal(["Bánh phồng tôm HTX Cái Đôi Vàm", "Đệm lác Đầm Dơi", "Gạo lúa-tôm Tân Tiến", "Khô cá đồng U Minh", "Mật ong U Minh Hạ", "Tinh dầu tràm U Minh Hạ", "Tôm khô Rạch Gốc"]);
    });
  });
});
