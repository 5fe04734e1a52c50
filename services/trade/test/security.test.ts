import { AuditEntry, createDataSource, recordAudit, Role } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { codes, registryCooperative, rowCounts, startTrade, TradeUnderTest, tokens } from "./support";

/**
 * Security at the trade subgraph's level: the role matrix of its protected fields (a participation's
 * sales and agreements) and of every mutation, a COOPERATIVE_MANAGER kept to its own cooperative,
 * the bad-input cases products.test.ts and programs.test.ts do not already cover (right code,
 * nothing written), and the audit log.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = { data?: any; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };

const REGISTER_PRODUCT = `mutation ($input: RegisterProductInput!) { registerProduct(input: $input) { product { id version } } }`;
const UPDATE_PRODUCT = `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { product { id version name } } }`;
const CERTIFY = `mutation ($input: RecordOcopCertificationInput!) { recordOcopCertification(input: $input) { certification { id } } }`;
const CREATE_PROGRAM = `mutation ($input: CreateProgramInput!) { createTradePromotionProgram(input: $input) { program { id version } } }`;
const UPDATE_PROGRAM = `mutation ($input: UpdateProgramInput!) { updateTradePromotionProgram(input: $input) { program { id version } } }`;
const REGISTER = `mutation ($input: RegisterParticipationInput!) { registerParticipation(input: $input) { participation { id version } } }`;
const RESULTS = `mutation ($input: RecordParticipationResultsInput!) { recordParticipationResults(input: $input) { participation { id version } } }`;
const AUDIT = `query ($filter: AuditEntryFilter, $first: Int) {
  tradeAuditLog(filter: $filter, first: $first) { totalCount edges { node { occurredAt service actorSubject actorRole operation entityType entityId before after } } }
}`;

const MISSING = "00000000-0000-4000-8000-000000000000";
const ROLES = ["ANONYMOUS", "OFFICER", "FUND_OFFICER", "FUND_APPROVER", "COOPERATIVE_MANAGER", "ADMIN"] as const;
type RoleName = (typeof ROLES)[number];

describe("trade subgraph: security", function () {
  this.timeout(120_000);
  let trade: TradeUnderTest;
  let db: Client;
  const A = randomUUID();
  const B = randomUUID();
  const ids = { productA: "", productB: "", program: "", participationA: "", participationB: "" };

  const tokenOf = (role: RoleName): string | undefined =>
    ({
      ANONYMOUS: undefined,
      OFFICER: tokens.officer(),
      FUND_OFFICER: tokens.fundOfficer(),
      FUND_APPROVER: tokens.fundApprover(),
      COOPERATIVE_MANAGER: tokens.manager(A),
      ADMIN: tokens.admin(),
    })[role];
  const refusal = (role: RoleName) => (role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
  const snapshot = () => rowCounts(db);

  async function ok(query: string, variables: Record<string, unknown>, token = tokens.officer()): Promise<Record<string, any>> {
    const result = await trade.query(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }
  const entries = async (filter: Record<string, unknown>) => (await ok(AUDIT, { filter, first: 100 }, tokens.admin())).tradeAuditLog.edges.map((e: any) => e.node) as any[];

  const program = (overrides: Record<string, unknown> = {}) => ({
    name: "Hội chợ OCOP Cà Mau",
    kind: "FAIR",
    organiser: "Sở Công Thương tỉnh Cà Mau",
    venue: "Quảng trường Thành phố Cà Mau",
    province: "Cà Mau",
    startsOn: "2022-04-08",
    endsOn: "2022-04-12",
    budget: 200_000_000,
    budgetSource: "PROVINCIAL_BUDGET",
    supportPolicy: { legalBasis: "Kế hoạch hỗ trợ HTX năm 2022", percentage: 100, capPerCooperative: 20_000_000 },
    ...overrides,
  });

  before(async () => {
    trade = await startTrade({ cooperatives: [A, B] });
    db = new Client({ connectionString: trade.databaseUrl });
    await db.connect();
    ids.productA = (await ok(REGISTER_PRODUCT, { input: { cooperativeId: A, name: "Mật ong U Minh Hạ", productGroup: "FOOD" } })).registerProduct.product.id;
    ids.productB = (await ok(REGISTER_PRODUCT, { input: { cooperativeId: B, name: "Cua Năm Căn", productGroup: "FOOD" } })).registerProduct.product.id;
    ids.program = (await ok(CREATE_PROGRAM, { input: program() })).createTradePromotionProgram.program.id;
    for (const [coop, product, key, revenue] of [
      [A, ids.productA, "participationA", 50_000_000],
      [B, ids.productB, "participationB", 70_000_000],
    ] as const) {
      const p = (await ok(REGISTER, { input: { programId: ids.program, cooperativeId: coop, productIds: [product], boothCount: 1, supportAmount: 0 } })).registerParticipation.participation;
      await ok(RESULTS, { input: { participationId: p.id, version: p.version, salesRevenue: revenue, agreements: [{ counterparty: "Siêu thị Co.opmart Cà Mau", kind: "SALES_CONTRACT", value: 100_000_000, signedOn: "2022-04-10" }] } });
      ids[key] = p.id;
    }
  });
  after(async () => {
    await db?.end();
    await trade?.stop();
  });

  describe("role matrix: protected fields", () => {
    const READERS: RoleName[] = ["OFFICER", "FUND_OFFICER", "FUND_APPROVER", "ADMIN"];
    for (const role of ROLES) {
      it(`${role}: Participation.salesRevenue and agreements of its own and of another cooperative`, async () => {
        for (const [id, own, revenue] of [
          [ids.participationA, true, 50_000_000],
          [ids.participationB, false, 70_000_000],
        ] as [string, boolean, number][]) {
          const allowed = READERS.includes(role) || (role === "COOPERATIVE_MANAGER" && own);
          const sales: Result = await trade.query(`query ($id: ID!) { participation(id: $id) { boothCount salesRevenue } }`, { id }, tokenOf(role));
          const agreements: Result = await trade.query(`query ($id: ID!) { participation(id: $id) { agreements { counterparty value } } }`, { id }, tokenOf(role));
          if (allowed) {
            expect(sales.errors).to.equal(undefined);
            expect(sales.data!.participation).to.deep.equal({ boothCount: 1, salesRevenue: revenue });
            expect(agreements.errors).to.equal(undefined);
            expect(agreements.data!.participation.agreements).to.deep.equal([{ counterparty: "Siêu thị Co.opmart Cà Mau", value: 100_000_000 }]);
          } else {
            // The public part stays; the sensitive fields are null with UNAUTHENTICATED without a token, FORBIDDEN with one.
            expect(sales.data!.participation).to.deep.equal({ boothCount: 1, salesRevenue: null });
            expect(codes(sales)).to.deep.equal([refusal(role)]);
            expect(agreements.data?.participation ?? null).to.equal(null);
            expect(codes(agreements)).to.deep.equal([refusal(role)]);
          }
        }
      });

      it(`${role}: tradeAuditLog`, async () => {
        const result: Result = await trade.query(AUDIT, { first: 1 }, tokenOf(role));
        if (role === "ADMIN") {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.tradeAuditLog.totalCount).to.be.greaterThan(0);
        } else {
          expect(result.data).to.equal(null);
          expect(codes(result)).to.deep.equal([refusal(role)]);
        }
      });
    }

    it("products, certifications, programs and the public part of participations are public", async () => {
      const result = await trade.query(`{ products(first: 5) { totalCount } tradePromotionPrograms(first: 5) { edges { node { name participations { edges { node { boothCount supportAmount } } } } } } }`);
      expect(result.errors).to.equal(undefined);
    });
  });

  describe("role matrix: mutations", () => {
    // Harmless for a role that passes authorisation: an unknown record (NOT_FOUND), refused input or
    // a duplicate (CONFLICT). A refused role gets its code; nothing is written, the audit log included.
    const WRITERS: RoleName[] = ["OFFICER", "ADMIN"];
    const WRITERS_OR_MANAGER: RoleName[] = ["OFFICER", "ADMIN", "COOPERATIVE_MANAGER"];
    const cases: [string, string, () => Record<string, unknown>, RoleName[]][] = [
      ["registerProduct", REGISTER_PRODUCT, () => ({ input: { cooperativeId: A, name: "Mật ong U Minh Hạ", productGroup: "FOOD" } }), WRITERS_OR_MANAGER],
      ["updateProduct", UPDATE_PRODUCT, () => ({ input: { id: MISSING, version: 1, name: "Tên mới" } }), WRITERS_OR_MANAGER],
      ["recordOcopCertification", CERTIFY, () => ({ input: { productId: MISSING, stars: 4, score: 75, decisionNumber: "1/QĐ-UBND", certifiedOn: "2021-05-20" } }), WRITERS],
      ["createTradePromotionProgram", CREATE_PROGRAM, () => ({ input: program({ endsOn: "2022-01-01" }) }), WRITERS],
      ["updateTradePromotionProgram", UPDATE_PROGRAM, () => ({ input: { id: MISSING, version: 1, name: "Tên mới" } }), WRITERS],
      ["registerParticipation", REGISTER, () => ({ input: { programId: MISSING, cooperativeId: A, productIds: [ids.productA], boothCount: 1, supportAmount: 0 } }), WRITERS_OR_MANAGER],
      ["recordParticipationResults", RESULTS, () => ({ input: { participationId: MISSING, version: 1, salesRevenue: 1, agreements: [] } }), WRITERS_OR_MANAGER],
    ];
    for (const [name, query, variables, allowed] of cases) {
      for (const role of ROLES) {
        const expected = allowed.includes(role) ? "allowed" : refusal(role);
        it(`${name} as ${role}: ${expected}`, async () => {
          const before = await snapshot();
          const result: Result = await trade.query(query, variables(), tokenOf(role));
          const code = result.errors?.[0].extensions?.code;
          if (expected === "allowed") expect(["NOT_FOUND", "BAD_USER_INPUT", "CONFLICT"], JSON.stringify(result.errors)).to.include(code);
          else expect(code, JSON.stringify(result.errors)).to.equal(expected);
          expect(await snapshot()).to.deep.equal(before);
        });
      }
    }

    it("a COOPERATIVE_MANAGER changes its own cooperative's products and participations only", async () => {
      const manager = tokens.manager(A);
      const before = await snapshot();
      const attempts: [string, Record<string, unknown>][] = [
        [REGISTER_PRODUCT, { input: { cooperativeId: B, name: "Khô cá lóc", productGroup: "FOOD" } }],
        [UPDATE_PRODUCT, { input: { id: ids.productB, version: 1, name: "Cua Năm Căn loại 1" } }],
        [REGISTER, { input: { programId: ids.program, cooperativeId: B, productIds: [ids.productB], boothCount: 2, supportAmount: 0 } }],
        [RESULTS, { input: { participationId: ids.participationB, version: 2, salesRevenue: 1, agreements: [] } }],
        // Officers decide support, even for the manager's own cooperative.
        [RESULTS, { input: { participationId: ids.participationA, version: 2, salesRevenue: 1, agreements: [], supportAmount: 1_000_000 } }],
      ];
      for (const [query, variables] of attempts) expect(codes(await trade.query(query, variables, manager)), query).to.deep.equal(["FORBIDDEN"]);
      expect(await snapshot()).to.deep.equal(before);
    });
  });

  describe("a COOPERATIVE_MANAGER cannot reach another cooperative's sales or agreements by any path", () => {
    const manager = () => tokens.manager(A);

    it("not through a program's participations, aliases or the id's case", async () => {
      const result: Result = await trade.query(
        `query ($p: ID!, $b: ID!) {
          tradePromotionProgram(id: $p) { participations { edges { node { cooperative { id } salesRevenue } } } }
          theirs: participation(id: $b) { s: salesRevenue }
          upper: participation(id: ${JSON.stringify(ids.participationB.toUpperCase())}) { salesRevenue }
        }`,
        { p: ids.program, b: ids.participationB },
        manager(),
      );
      const nodes = result.data!.tradePromotionProgram.participations.edges.map((e: any) => e.node);
      expect(nodes.filter((n: any) => n.salesRevenue !== null).map((n: any) => n.cooperative.id)).to.deep.equal([A]);
      expect(result.data!.theirs).to.deep.equal({ s: null });
      expect(result.data!.upper?.salesRevenue ?? null).to.equal(null);
      expect(JSON.stringify(result.data)).not.to.contain("70000000");
      expect(result.errors!.every((e) => e.extensions!.code === "FORBIDDEN")).to.equal(true);
    });

    it("not through an entity reference (_entities Cooperative → participations)", async () => {
      const result: Result = await trade.query(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id participations { edges { node { salesRevenue } } } } } }`,
        { reps: [{ __typename: "Cooperative", id: A }, { __typename: "Cooperative", id: B }] },
        manager(),
      );
      const [own, other] = result.data!._entities;
      expect(own.participations.edges[0].node.salesRevenue).to.equal(50_000_000);
      expect(other.participations.edges[0].node.salesRevenue).to.equal(null);
      expect(codes(result)).to.deep.equal(["FORBIDDEN"]);
    });

    it("not through a Participation reference (node(id:) makes it an entity: its results stay refused)", async () => {
      const result: Result = await trade.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Participation { salesRevenue agreements { id } } } }`, { reps: [{ __typename: "Participation", id: ids.participationB }] }, manager());
      expect(JSON.stringify(result.data ?? null)).not.to.contain("70000000");
      const entity = (result.data as { _entities?: ({ salesRevenue: unknown } | null)[] } | null)?._entities?.[0];
      if (entity) expect(result.errors, "the refused results carry their error").to.have.length.greaterThan(0);
    });
  });

  describe("bad-input catalogue: what products.test.ts and programs.test.ts do not cover, the right code, nothing written", () => {
    const version = async (table: string, id: string) => Number((await db.query(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version);
    const catalogue: [string, string, () => Promise<Record<string, unknown>> | Record<string, unknown>, string][] = [
      ["registerProduct: an over-long name", REGISTER_PRODUCT, () => ({ input: { cooperativeId: A, name: "x".repeat(256), productGroup: "FOOD" } }), "BAD_USER_INPUT"],
      ["registerProduct: an unknown product group", REGISTER_PRODUCT, () => ({ input: { cooperativeId: A, name: "Sản phẩm mới", productGroup: "SPACESHIPS" } }), "BAD_USER_INPUT"],
      ["registerProduct: a wrong type (name as a number)", REGISTER_PRODUCT, () => ({ input: { cooperativeId: A, name: 42, productGroup: "FOOD" } }), "BAD_USER_INPUT"],
      ["updateProduct: a malformed id", UPDATE_PRODUCT, () => ({ input: { id: "sp-1", version: 1, name: "Tên mới" } }), "BAD_USER_INPUT"],
      ["updateProduct: a version out of range", UPDATE_PRODUCT, () => ({ input: { id: ids.productA, version: 2 ** 31, name: "Tên mới" } }), "BAD_USER_INPUT"],
      ["updateProduct: a brand and removeBrand together", UPDATE_PRODUCT, async () => ({ input: { id: ids.productA, version: await version("product", ids.productA), brand: { name: "Mật ong", kind: "TRADEMARK" }, removeBrand: true } }), "BAD_USER_INPUT"],
      ["updateProduct: a name another product of the cooperative has", UPDATE_PRODUCT, async () => {
        const other = (await ok(REGISTER_PRODUCT, { input: { cooperativeId: A, name: `Sản phẩm ${randomUUID().slice(0, 6)}`, productGroup: "FOOD" } })).registerProduct.product;
        return { input: { id: other.id, version: other.version, name: "MẬT ONG U MINH HẠ" } };
      }, "CONFLICT"],
      ["recordOcopCertification: a date in the future", CERTIFY, () => ({ input: { productId: ids.productA, stars: 4, score: 75, decisionNumber: "9/QĐ-UBND", certifiedOn: "2999-01-01" } }), "BAD_USER_INPUT"],
      ["recordOcopCertification: a date out of range", CERTIFY, () => ({ input: { productId: ids.productA, stars: 4, score: 75, decisionNumber: "9/QĐ-UBND", certifiedOn: "1850-01-01" } }), "BAD_USER_INPUT"],
      ["recordOcopCertification: a malformed product id", CERTIFY, () => ({ input: { productId: "mat-ong", stars: 4, score: 75, decisionNumber: "9/QĐ-UBND", certifiedOn: "2021-01-01" } }), "BAD_USER_INPUT"],
      ["recordOcopCertification: an over-long decision number", CERTIFY, () => ({ input: { productId: ids.productA, stars: 4, score: 75, decisionNumber: "x".repeat(101), certifiedOn: "2021-01-01" } }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: negative money", CREATE_PROGRAM, () => ({ input: program({ budget: -1 }) }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: money beyond 10^15", CREATE_PROGRAM, () => ({ input: program({ budget: 1e16 }) }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: money as text", CREATE_PROGRAM, () => ({ input: program({ budget: "hai trăm triệu" }) }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: a date that does not exist", CREATE_PROGRAM, () => ({ input: program({ startsOn: "2022-02-30" }) }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: a date out of range", CREATE_PROGRAM, () => ({ input: program({ startsOn: "3022-01-01", endsOn: "3022-01-02" }) }), "BAD_USER_INPUT"],
      ["createTradePromotionProgram: an over-long name", CREATE_PROGRAM, () => ({ input: program({ name: "x".repeat(1000) }) }), "BAD_USER_INPUT"],
      ["updateTradePromotionProgram: a malformed id", UPDATE_PROGRAM, () => ({ input: { id: "ct-1", version: 1, name: "Tên mới" } }), "BAD_USER_INPUT"],
      ["updateTradePromotionProgram: an unknown id", UPDATE_PROGRAM, () => ({ input: { id: MISSING, version: 1, name: "Tên mới" } }), "NOT_FOUND"],
      ["updateTradePromotionProgram: a stale version", UPDATE_PROGRAM, async () => ({ input: { id: ids.program, version: (await version("trade_promotion_program", ids.program)) + 1, name: "Tên mới" } }), "CONFLICT"],
      ["updateTradePromotionProgram: an end before the start", UPDATE_PROGRAM, async () => ({ input: { id: ids.program, version: await version("trade_promotion_program", ids.program), endsOn: "2022-01-01" } }), "BAD_USER_INPUT"],
      ["updateTradePromotionProgram: a policy and its removal together", UPDATE_PROGRAM, async () => ({ input: { id: ids.program, version: await version("trade_promotion_program", ids.program), removeSupportPolicy: true, supportPolicy: { legalBasis: "Kế hoạch 2022", percentage: 50 } } }), "BAD_USER_INPUT"],
      ["registerParticipation: negative support", REGISTER, () => ({ input: { programId: ids.program, cooperativeId: A, productIds: [ids.productA], boothCount: 1, supportAmount: -1 } }), "BAD_USER_INPUT"],
      ["registerParticipation: too many booths", REGISTER, () => ({ input: { programId: ids.program, cooperativeId: A, productIds: [ids.productA], boothCount: 1001, supportAmount: 0 } }), "BAD_USER_INPUT"],
      ["registerParticipation: an over-long note", REGISTER, () => ({ input: { programId: ids.program, cooperativeId: A, productIds: [ids.productA], boothCount: 1, supportAmount: 0, note: "x".repeat(2001) } }), "BAD_USER_INPUT"],
      ["recordParticipationResults: negative sales", RESULTS, async () => ({ input: { participationId: ids.participationA, version: await version("participation", ids.participationA), salesRevenue: -1, agreements: [] } }), "BAD_USER_INPUT"],
      ["recordParticipationResults: sales beyond 10^15", RESULTS, async () => ({ input: { participationId: ids.participationA, version: await version("participation", ids.participationA), salesRevenue: 2 ** 53 + 2, agreements: [] } }), "BAD_USER_INPUT"],
      ["recordParticipationResults: an unknown agreement kind", RESULTS, async () => ({ input: { participationId: ids.participationA, version: await version("participation", ids.participationA), salesRevenue: 1, agreements: [{ counterparty: "Hapro", kind: "HANDSHAKE" }] } }), "BAD_USER_INPUT"],
      ["recordParticipationResults: an over-long counterparty", RESULTS, async () => ({ input: { participationId: ids.participationA, version: await version("participation", ids.participationA), salesRevenue: 1, agreements: [{ counterparty: "x".repeat(301), kind: "OTHER" }] } }), "BAD_USER_INPUT"],
      ["recordParticipationResults: a malformed id", RESULTS, () => ({ input: { participationId: "tg-1", version: 1, salesRevenue: 1, agreements: [] } }), "BAD_USER_INPUT"],
    ];
    for (const [what, query, variables, expected] of catalogue) {
      it(`${what}: ${expected}`, async () => {
        const vars = await variables();
        const before = await snapshot();
        const result: Result = await trade.query(query, vars, tokens.officer());
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal(expected);
        expect(JSON.stringify(result.errors)).not.to.match(/SELECT|INSERT|UPDATE .* SET|violates|\/work\/|\.ts:\d|\.js:\d|at .*\(.*:\d+:\d+\)/);
        expect(await snapshot()).to.deep.equal(before);
      });
    }
  });

  describe("references to the registry, hostile text, forged cursors", () => {
    const UNKNOWN = "11111111-1111-4111-8111-111111111111";

    it("refuses a product of a cooperative the registry does not know (NOT_FOUND), even from that cooperative's manager, writing nothing", async () => {
      const before = await snapshot();
      for (const token of [tokens.officer(), tokens.manager(UNKNOWN)]) {
        const result: Result = await trade.query(REGISTER_PRODUCT, { input: { cooperativeId: UNKNOWN, name: "Sản phẩm ma", productGroup: "FOOD" } }, token);
        expect(codes(result)).to.deep.equal(["NOT_FOUND"]);
        expect(result.data?.registerProduct ?? null).to.equal(null);
      }
      expect(await snapshot()).to.deep.equal(before);
    });

    it("refuses a participation of a cooperative the registry does not know (NOT_FOUND), writing nothing", async () => {
      const before = await snapshot();
      const result: Result = await trade.query(REGISTER, { input: { programId: ids.program, cooperativeId: UNKNOWN, productIds: [ids.productA], boothCount: 1, supportAmount: 0 } }, tokens.officer());
      expect(codes(result)).to.deep.equal(["NOT_FOUND"]);
      expect(await snapshot()).to.deep.equal(before);
    });

    for (const [what, name] of [
      ["a NUL character", "Mật ong\u0000"],
      ["a lone surrogate", "Mật ong \udc00"],
      ["blanks only", "     "],
      ["invisible characters only", "\u200b\u202e\u2060"],
    ]) {
      it(`registerProduct and the products' search refuse ${what}: BAD_USER_INPUT, nothing written`, async () => {
        const before = await snapshot();
        const registered: Result = await trade.query(REGISTER_PRODUCT, { input: { cooperativeId: A, name, productGroup: "FOOD" } }, tokens.officer());
        expect(codes(registered)).to.deep.equal(["BAD_USER_INPUT"]);
        const searched: Result = await trade.query(`query ($s: String) { products(filter: { search: $s }) { totalCount } }`, { s: name });
        expect(codes(searched)).to.deep.equal(["BAD_USER_INPUT"]);
        expect(await snapshot()).to.deep.equal(before);
      });
    }

    it("refuses forged cursors and cursors of another order before SQL: BAD_USER_INPUT", async () => {
      const byName = await ok(`{ products(first: 1, orderBy: [{ field: NAME, direction: ASC }]) { pageInfo { endCursor } } }`, {});
      for (const after of ["WyJ4Iiwibm90LWEtdXVpZCJd", Buffer.from(JSON.stringify(["2021-01-01", "x"])).toString("base64url"), byName.products.pageInfo.endCursor]) {
        const result: Result = await trade.query(`query ($after: String) { products(first: 2, after: $after, orderBy: [{ field: REGISTERED_AT, direction: ASC }]) { totalCount } }`, { after });
        expect(codes(result), after).to.deep.equal(["BAD_USER_INPUT"]);
      }
    });
  });

  describe("audit log", () => {
    it("records every mutation with who, what and the change", async () => {
      const manager = tokens.manager(A);
      const started = new Date(Date.now() - 1000).toISOString();
      const product = (await ok(REGISTER_PRODUCT, { input: { cooperativeId: A, name: "Tôm khô Rạch Gốc", productGroup: "FOOD", brand: { name: "Rạch Gốc", kind: "TRADEMARK" } } }, manager)).registerProduct.product;
      const updated = (await ok(UPDATE_PRODUCT, { input: { id: product.id, version: product.version, name: "Tôm khô Rạch Gốc loại 1", removeBrand: true } }, manager)).updateProduct.product;
      const certification = (await ok(CERTIFY, { input: { productId: product.id, stars: 4, score: 75, decisionNumber: "77/QĐ-UBND", certifiedOn: "2021-05-20" } })).recordOcopCertification.certification;

      const productLog = await entries({ entityType: "Product", entityId: product.id });
      expect(productLog.map((e) => e.operation)).to.deep.equal(["updateProduct", "registerProduct"]);
      const [update, registration] = productLog;
      expect(registration).to.deep.include({ service: "trade", actorSubject: `manager-of-${A}`, actorRole: "COOPERATIVE_MANAGER", before: null });
      expect(registration.occurredAt >= started).to.equal(true);
      expect(registration.after).to.include({ id: product.id, cooperativeId: A, name: "Tôm khô Rạch Gốc", brandName: "Rạch Gốc", markKind: "TRADEMARK" });
      expect(update.before).to.deep.equal({ name: "Tôm khô Rạch Gốc", brandName: "Rạch Gốc", markKind: "TRADEMARK", version: product.version });
      expect(update.after).to.deep.equal({ name: "Tôm khô Rạch Gốc loại 1", brandName: null, markKind: null, version: updated.version });
      const [certified] = await entries({ entityType: "OcopCertification", entityId: certification.id });
      expect(certified).to.deep.include({ operation: "recordOcopCertification", actorRole: "OFFICER", before: null });
      expect(certified.after).to.include({ productId: product.id, stars: 4, score: 75, level: "PROVINCIAL", decisionNumber: "77/QĐ-UBND", certifiedOn: "2021-05-20" });

      const created = (await ok(CREATE_PROGRAM, { input: program({ name: "Tuần hàng HTX tại Cần Thơ", province: "Cần Thơ" }) }, tokens.admin())).createTradePromotionProgram.program;
      const changed = (await ok(UPDATE_PROGRAM, { input: { id: created.id, version: created.version, budget: 250_000_000, removeSupportPolicy: true } })).updateTradePromotionProgram.program;
      const programLog = await entries({ entityType: "TradePromotionProgram", entityId: created.id });
      expect(programLog.map((e) => e.operation)).to.deep.equal(["updateTradePromotionProgram", "createTradePromotionProgram"]);
      expect(programLog[1]).to.deep.include({ actorRole: "ADMIN" });
      expect(programLog[1].after).to.include({ name: "Tuần hàng HTX tại Cần Thơ", budget: 200_000_000, policyCapPerCooperative: 20_000_000 });
      expect(programLog[0].before).to.deep.equal({ budget: 200_000_000, policyLegalBasis: "Kế hoạch hỗ trợ HTX năm 2022", policyPercentage: 100, policyCapPerCooperative: 20_000_000, version: created.version });
      expect(programLog[0].after).to.deep.equal({ budget: 250_000_000, policyLegalBasis: null, policyPercentage: null, policyCapPerCooperative: null, version: changed.version });

      const participation = (await ok(REGISTER, { input: { programId: created.id, cooperativeId: A, productIds: [product.id, ids.productA], boothCount: 2, supportAmount: 0 } }, manager)).registerParticipation.participation;
      const first = (await ok(RESULTS, { input: { participationId: participation.id, version: participation.version, salesRevenue: 30_000_000, agreements: [{ counterparty: "Công ty Hapro", kind: "MEMORANDUM_OF_UNDERSTANDING" }] } }, manager)).recordParticipationResults.participation;
      const second = (await ok(RESULTS, { input: { participationId: participation.id, version: first.version, salesRevenue: 35_000_000, boothCount: 3, agreements: [{ counterparty: "Công ty Hapro", kind: "SALES_CONTRACT", value: 80_000_000, signedOn: "2022-04-11" }] } })).recordParticipationResults.participation;
      const participationLog = await entries({ entityType: "Participation", entityId: participation.id });
      expect(participationLog.map((e) => e.operation)).to.deep.equal(["recordParticipationResults", "recordParticipationResults", "registerParticipation"]);
      const [correction, results, registered] = participationLog;
      expect(registered.after).to.include({ programId: created.id, cooperativeId: A, boothCount: 2, supportAmount: 0, salesRevenue: null });
      expect(registered.after.productIds).to.deep.equal([product.id, ids.productA]);
      expect(results.before).to.deep.include({ salesRevenue: null, agreements: [], version: participation.version });
      expect(results.after).to.deep.include({ salesRevenue: 30_000_000, agreements: [{ counterparty: "Công ty Hapro", kind: "MEMORANDUM_OF_UNDERSTANDING", value: null, signedOn: null, description: null }], version: first.version });
      expect(correction).to.deep.include({ actorRole: "OFFICER" });
      expect(correction.before).to.deep.include({ salesRevenue: 30_000_000, boothCount: 2, agreements: results.after.agreements });
      expect(correction.after).to.deep.include({ salesRevenue: 35_000_000, boothCount: 3, version: second.version });
      expect(correction.after.agreements).to.deep.equal([{ counterparty: "Công ty Hapro", kind: "SALES_CONTRACT", value: 80_000_000, signedOn: "2022-04-11", description: null }]);
    });

    it("writes the entry in the change's transaction: rolled back with a refused mutation, refused outside one", async () => {
      // Refused after the participation row was locked and read: a stale version (CONFLICT).
      const before = await snapshot();
      const refused: Result = await trade.query(RESULTS, { input: { participationId: ids.participationA, version: 99, salesRevenue: 1, agreements: [] } }, tokens.officer());
      expect(codes(refused)).to.deep.equal(["CONFLICT"]);
      expect(await snapshot()).to.deep.equal(before);

      const { dataSource } = createDataSource({ name: "trade", url: trade.databaseUrl, entities: [AuditEntry], migrations: [], poolSize: 1 });
      await dataSource.initialize();
      try {
        const viewer = { subject: "officer-1", role: Role.OFFICER };
        const failed = await dataSource
          .transaction(async (manager) => {
            await recordAudit(manager, viewer, { operation: "updateProduct", entityType: "Product", entityId: ids.productA, before: { name: "a" }, after: { name: "b" } });
            throw new Error("the change failed after its audit entry was written");
          })
          .then(() => undefined, (e: Error) => e.message);
        expect(failed).to.match(/change failed/);
        expect(await snapshot()).to.deep.equal(before);
        const outside = await recordAudit(dataSource.manager, viewer, { operation: "x", entityType: "Product", entityId: ids.productA }).then(() => undefined, (e: Error) => e.message);
        expect(outside).to.match(/inside the mutation's transaction/);
        expect(await snapshot()).to.deep.equal(before);
      } finally {
        await dataSource.destroy();
      }
    });

    it("filters by subject and operation, and is append-only even through SQL", async () => {
      const bySubject = await entries({ subject: `manager-of-${A}` });
      expect(bySubject.length).to.be.greaterThan(0);
      expect(bySubject.every((e) => e.actorSubject === `manager-of-${A}`)).to.equal(true);
      const byOperation = await entries({ operation: "registerParticipation" });
      expect(byOperation.length).to.be.greaterThan(2);
      const error = await db.query(`DELETE FROM audit_entry`).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(String(error)).to.match(/append-only/);
    });
  });
});
