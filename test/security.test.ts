import { closeSharedRedis, RunningGateway, sharedRedis, startGateway } from "@camau/gateway";
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { DEVELOPMENT_JWT_SECRET, Role, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "@camau/shared";
import { freePort, installed, requireSystemTool } from "@camau/shared/testing";
import { expect } from "chai";
import jwt from "jsonwebtoken";
import { Client } from "pg";
import { e2eStack, graphql } from "./support/stack";

/**
 * Security through the gateway, as a client: a COOPERATIVE_MANAGER kept to its own cooperative by
 * every path the public API offers, the audit logs of every subgraph for ADMIN only, and errors
 * that carry nothing of the inside. (services/<name>/test/security.test.ts has the full matrix.)
 */
const MEMBERS = "members(first: 5) { edges { node { fullName nationalId dateOfBirth phone } } }";
const INTERNALS = /SELECT |INSERT |violates|relation "|\/work\/|node_modules|\.js:\d|\.ts:\d|at .*\(|127\.0\.0\.1|localhost|ECONNREFUSED/;

describe("end to end: access control, audit log and masking through the gateway", function () {
  this.timeout(240_000);
  let union: { id: string; members: { id: string; code: string }[] };

  before(async () => {
    await e2eStack();
    const found = await graphql<{ cooperativeUnions: { edges: { node: { id: string; memberships: { cooperative: { id: string; code: string } }[] } }[] } }>(
      `{ cooperativeUnions(first: 1) { edges { node { id memberships { cooperative { id code } } } } } }`,
    );
    const node = found.data!.cooperativeUnions.edges[0].node;
    union = { id: node.id, members: node.memberships.map((m) => m.cooperative) };
  });

  const managerOf = (id: string) => signToken({ sub: `manager-of-${id}`, role: Role.COOPERATIVE_MANAGER, cooperativeId: id });

  describe("a COOPERATIVE_MANAGER reaches its own cooperative's members only", () => {
    it("by aliases", async () => {
      const [own, other] = union.members;
      const response = await graphql<Record<string, { members: unknown }>>(
        `query ($own: ID!, $other: ID!) { mine: cooperative(id: $own) { ${MEMBERS} } theirs: cooperative(id: $other) { ${MEMBERS} } also: cooperativeByCode(code: "${other.code}") { ${MEMBERS} } }`,
        { own: own.id, other: other.id },
        managerOf(own.id),
      );
      expect(response.data!.mine.members).not.to.equal(null);
      expect(response.data!.theirs.members).to.equal(null);
      expect(response.data!.also.members).to.equal(null);
      expect(response.errors!.map((e) => e.extensions!.code)).to.deep.equal(["FORBIDDEN", "FORBIDDEN"]);
    });

    it("by nested fields: own cooperative → union → the other members → their members", async () => {
      const [own] = union.members;
      const response = await graphql<{ cooperative: { unionMembership: { union: { memberships: { cooperative: { id: string; members: unknown } }[] } } } }>(
        `query ($own: ID!) { cooperative(id: $own) { unionMembership { union { memberships { cooperative { id ${MEMBERS} } } } } } }`,
        { own: own.id },
        managerOf(own.id),
      );
      const visible = response.data!.cooperative.unionMembership.union.memberships.filter((m) => m.cooperative.members !== null).map((m) => m.cooperative.id);
      expect(visible).to.deep.equal([own.id]);
      expect(response.errors!.every((e) => e.extensions!.code === "FORBIDDEN")).to.equal(true);
    });

    it("by the list of cooperatives", async () => {
      const [own] = union.members;
      const response = await graphql<{ cooperatives: { edges: { node: { id: string; members: unknown } }[] } }>(`{ cooperatives(first: 50) { edges { node { id ${MEMBERS} } } } }`, {}, managerOf(own.id));
      const visible = response.data!.cooperatives.edges.filter((e) => e.node.members !== null).map((e) => e.node.id);
      expect(visible.every((id) => id === own.id)).to.equal(true);
    });

    it("not by _entities, which the gateway does not expose", async () => {
      const [, other] = union.members;
      const response = await graphql(`{ _entities(representations: [{ __typename: "Cooperative", id: "${other.id}" }]) { ... on Cooperative { ${MEMBERS} } } }`, {}, managerOf(union.members[0].id));
      expect(response.status).to.equal(400);
      expect(response.errors![0].extensions!.code).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(response.data ?? null).to.equal(null);
    });
  });

  describe("audit log", () => {
    const AUDIT = `{ registryAuditLog(first: 5) { totalCount edges { node { service operation entityType actorRole } } } outreachAuditLog(first: 5) { totalCount } }`;

    it("records a change made through the gateway, readable by ADMIN in every subgraph's log", async () => {
      const created = await graphql<{ createTrainingClass: { trainingClass: { id: string } } }>(
        `mutation ($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { trainingClass { id } } }`,
        { input: { kind: "OUTREACH", title: "Lớp tuyên truyền kiểm toán", organiser: "Liên minh Hợp tác xã tỉnh Cà Mau", coOrganisers: [], districtCode: "966", communeCode: "32047", startDate: "2022-03-10", endDate: "2022-03-11", audience: "COOPERATIVE_MEMBERS" } },
        signToken({ sub: "officer-audit", role: Role.OFFICER }),
      );
      expect(created.errors).to.equal(undefined);
      const log = await graphql<{ outreachAuditLog: { edges: { node: Record<string, unknown> }[] } }>(
        `query ($id: ID!) { outreachAuditLog(filter: { entityId: $id }) { edges { node { service actorSubject actorRole operation entityType entityId } } } registryAuditLog(first: 1) { totalCount } }`,
        { id: created.data!.createTrainingClass.trainingClass.id },
        signToken({ sub: "admin-e2e", role: Role.ADMIN }),
      );
      expect(log.errors).to.equal(undefined);
      expect(log.data!.outreachAuditLog.edges[0].node).to.deep.equal({
        service: "outreach",
        actorSubject: "officer-audit",
        actorRole: "OFFICER",
        operation: "createTrainingClass",
        entityType: "TrainingClass",
        entityId: created.data!.createTrainingClass.trainingClass.id,
      });
    });

    for (const role of [Role.OFFICER, Role.FUND_OFFICER, Role.FUND_APPROVER]) {
      it(`refuses ${role} with FORBIDDEN`, async () => {
        const response = await graphql(AUDIT, {}, signToken({ sub: "someone", role }));
        expect(response.data ?? null).to.equal(null);
        expect(response.errors![0].extensions!.code).to.equal("FORBIDDEN");
      });
    }

    it("refuses a caller without a token with UNAUTHENTICATED", async () => {
      const response = await graphql(AUDIT);
      expect(response.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
    });
  });

  describe("errors carry nothing of the inside", () => {
    const probes: [string, string, string][] = [
      ["a malformed id", `{ cooperative(id: "1 OR 1=1; --") { id } }`, "BAD_USER_INPUT"],
      ["a forged cursor", `{ cooperatives(after: "eyJ4IjoxfQ") { totalCount } }`, "BAD_USER_INPUT"],
      ["a malformed date literal", `{ collectiveEconomyReport(from: "2021-13-01", to: "2021-06-30") { cooperativeCount } }`, "BAD_USER_INPUT"],
      ["an unknown field", `{ cooperatives { edges { node { passwordHash } } } }`, "GRAPHQL_VALIDATION_FAILED"],
      ["a syntax error", `{ cooperatives { `, "GRAPHQL_PARSE_FAILED"],
    ];
    for (const [what, query, code] of probes) {
      it(`${what}: ${code}, no SQL, stack, path or host`, async () => {
        const response = await graphql(query);
        expect(response.errors![0].extensions!.code).to.equal(code);
        expect(JSON.stringify(response)).not.to.match(INTERNALS);
        for (const error of response.errors!) expect(Object.keys(error.extensions ?? {})).not.to.include.members(["stacktrace", "exception"]);
      });
    }
  });

  describe("the public endpoint under abuse", () => {
    it("a dangling cooperative reference nulls one field with NOT_FOUND, never the whole page, and is not cached", async () => {
      const stack = await e2eStack();
      const trade = new Client({ connectionString: stack.subgraphs.find((s) => s.name === "trade")!.databaseUrl });
      await trade.connect();
      const ghost = "22222222-2222-4222-8222-222222222222";
      try {
        // A record written before references were checked (or restored from an older backup).
        await trade.query(`INSERT INTO product (cooperative_id, name, product_group, version) VALUES ($1, 'Sản phẩm của HTX không tồn tại', 'FOOD', 1)`, [ghost]);
        const stackUrl = stack.gatewayUrl;
        const response = await fetch(stackUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ products(first: 100) { edges { node { name cooperative { name } } } } }` }) });
        const body = (await response.json()) as { data: { products: { edges: { node: { name: string; cooperative: { name: string } | null } }[] } } | null; errors?: { path: (string | number)[]; extensions: { code: string } }[]; extensions?: unknown };
        expect(body.data, JSON.stringify(body).slice(0, 500)).not.to.equal(null);
        const nodes = body.data!.products.edges.map((e) => e.node);
        expect(nodes.length).to.be.greaterThan(1);
        expect(nodes.filter((n) => n.cooperative === null).map((n) => n.name)).to.deep.equal(["Sản phẩm của HTX không tồn tại"]);
        expect(body.errors!.map((e) => [e.extensions.code, e.path.slice(-1)[0]])).to.deep.equal([["NOT_FOUND", "cooperative"]]);
        expect(response.headers.get("cache-control")).to.match(/no-store/);
      } finally {
        await trade.query(`DELETE FROM product WHERE cooperative_id = $1`, [ghost]);
        await trade.end();
      }
    });

    it("a COOPERATIVE_MANAGER of a cooperative that does not exist cannot register a product (NOT_FOUND)", async () => {
      const ghost = "33333333-3333-4333-8333-333333333333";
      const response = await graphql(
        `mutation ($input: RegisterProductInput!) { registerProduct(input: $input) { product { id name cooperative { name } } } }`,
        { input: { cooperativeId: ghost, name: "Sản phẩm ma", productGroup: "FOOD" } },
        managerOf(ghost),
      );
      expect(response.errors!.map((e) => e.extensions!.code)).to.deep.equal(["NOT_FOUND"]);
    });

    const probes: [string, string, Record<string, unknown>][] = [
      ["a NUL in the cooperatives' search", `query ($s: String) { cooperatives(filter: { search: $s }) { totalCount } }`, { s: "a\u0000b" }],
      ["a lone surrogate in the products' search", `query ($s: String) { products(filter: { search: $s }) { totalCount } }`, { s: "\ud800" }],
      ["a forged cursor", `{ cooperatives(after: "WyJ4Iiwibm90LWEtdXVpZCJd") { totalCount } }`, {}],
    ];
    for (const [what, query, variables] of probes) {
      it(`${what}: BAD_USER_INPUT, not INTERNAL_SERVER_ERROR`, async () => {
        const response = await graphql(query, variables);
        expect(response.errors!.map((e) => e.extensions!.code)).to.deep.equal(["BAD_USER_INPUT"]);
      });
    }

    it("history shows the public no staff login and no member ids", async () => {
      const response = await graphql<{ cooperatives: { edges: { node: { history: { edges: { node: { actorSubject: string | null } }[] } } }[] } }>(
        `{ cooperatives(first: 5) { edges { node { history(last: 3) { edges { node { actorSubject actorRole details } } } } } } }`,
      );
      const events = response.data!.cooperatives.edges.flatMap((e) => e.node.history.edges.map((h) => h.node));
      expect(events.length).to.be.greaterThan(0);
      expect(events.every((e) => e.actorSubject === null)).to.equal(true);
      expect(JSON.stringify(events)).not.to.contain("memberId");
    });

    it("refuses any mutation without a token with HTTP 401 UNAUTHENTICATED, before looking at its input (even values GraphQL refuses)", async () => {
      const cases: [string, Record<string, unknown>][] = [
        [`mutation ($input: AddMemberInput!) { addMember(input: $input) { member { id } } }`, { input: { cooperativeId: "x", member: { kind: "INDIVIDUAL", fullName: "\u0000", membershipType: "OFFICIAL", capitalContributed: "rất nhiều", joinedOn: "2021-02-30" } } }],
        [`mutation ($input: EndMembershipInput!) { endMembership(input: $input) { member { id } } }`, { input: { memberId: "x", leftOn: "không rõ" } }],
        [`mutation ($input: SubmitLoanApplicationInput!) { submitLoanApplication(input: $input) { application { id } } }`, { input: { cooperativeId: "x", productId: "y", projectName: "", purpose: "", requestedAmount: -5, requestedTermMonths: "ba" } }],
        [`mutation ($input: WithdrawLoanApplicationInput!) { withdrawLoanApplication(input: $input) { application { id } } }`, { input: { applicationId: 1, version: "một" } }],
      ];
      for (const [query, variables] of cases) {
        const response = await graphql(query, variables);
        expect(response.status, query).to.equal(401);
        expect(response.errors!.map((e) => e.extensions!.code), query).to.deep.equal(["UNAUTHENTICATED"]);
      }
    });

    const now = () => Math.floor(Date.now() / 1000);
    const forgedLifetime: [string, () => object][] = [
      ["issued an hour in the future", () => ({ iat: now() + 3600, exp: now() + 7200 })],
      ["expiring in the year 9999", () => ({ iat: now(), exp: Math.floor(Date.UTC(9999, 0, 1) / 1000) })],
      ["living 13 hours", () => ({ iat: now(), exp: now() + 13 * 3600 })],
    ];
    for (const [what, times] of forgedLifetime) {
      it(`refuses a well-signed token ${what} with HTTP 401`, async () => {
        const token = jwt.sign({ role: "OFFICER", sub: "officer-e2e", ...times() }, DEVELOPMENT_JWT_SECRET, { algorithm: "HS256", issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
        const response = await graphql(`{ sectors { code } }`, {}, token);
        expect(response.status).to.equal(401);
        expect(response.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
      });
    }

    const SECURITY_HEADERS = ["content-security-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "origin-agent-cluster", "referrer-policy", "strict-transport-security", "x-content-type-options", "x-dns-prefetch-control", "x-download-options", "x-frame-options", "x-permitted-cross-domain-policies", "x-xss-protection"];
    const headersOf = (response: Response) => Object.fromEntries(SECURITY_HEADERS.map((h) => [h, response.headers.get(h)]));

    it("answers every path with the same security headers: /graphql plain JSON, /graphql through Express, a GET, a 404", async () => {
      const { gatewayUrl } = await e2eStack();
      const body = JSON.stringify({ query: "{ sectors { code } }" });
      const plain = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
      const viaExpress = await fetch(`${gatewayUrl}?via=express`, { method: "POST", headers: { "content-type": "application/json" }, body });
      const get = await fetch(`${gatewayUrl}?query=${encodeURIComponent("{ sectors { code } }")}`, { headers: { "apollo-require-preflight": "true" } });
      const missing = await fetch(new URL("/wp-admin/setup.php", gatewayUrl));
      expect(headersOf(plain)).to.include({ "x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN", "referrer-policy": "no-referrer" });
      expect(headersOf(plain)["content-security-policy"]).to.match(/default-src 'none'/);
      for (const other of [viaExpress, get, missing]) expect(headersOf(other)).to.deep.equal(headersOf(plain));
      expect([plain.status, viaExpress.status, get.status]).to.deep.equal([200, 200, 200]);
      expect(missing.status).to.equal(404);
      expect(missing.headers.get("content-type")).to.match(/application\/json/);
      expect(await missing.json()).to.deep.equal({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] });
    });
  });

  describe("fair use: per-client budgets (a gateway with small budgets in front of the same subgraphs)", () => {
    let gateway: RunningGateway;
    const REPORT = `{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount fundedProjectCount } }`;
    const post = async (query: string, token?: string, path = "") => {
      const response = await fetch(`${gateway.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string; retryAfterSeconds?: number } }[] } };
    };
    const as = (sub: string) => signToken({ sub, role: Role.OFFICER });

    before(async () => {
      const stack = await e2eStack();
      gateway = await startGateway({
        port: await freePort(),
        subgraphUrls: Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.url])),
        fairUse: { enabled: true, costPerWindow: 7_000, windowSeconds: 60, maxConcurrentExpensive: 1, aggregateCost: 2_000 },
      });
    });
    after(() => gateway?.stop());

    for (const [path, what] of [["", "plain JSON"], ["?via=express", "through Express"]] as const) {
      it(`answers HTTP 429 with Retry-After and RATE_LIMITED once a client's cost budget is spent (${what}); other clients go on`, async () => {
        const spender = as(`spender${path}`);
        const statuses: number[] = [];
        let refused: Awaited<ReturnType<typeof post>> | undefined;
        for (let i = 0; i < 10 && !refused; i++) {
          const answer = await post(REPORT, spender, path);
          statuses.push(answer.status);
          if (answer.status === 429) refused = answer;
          else expect(answer.body.errors, JSON.stringify(answer.body.errors)).to.equal(undefined);
        }
        expect(statuses.slice(0, 2)).to.deep.equal([200, 200]);
        expect(refused, `statuses ${statuses}`).not.to.equal(undefined);
        expect(Number(refused!.retryAfter)).to.be.within(1, 60);
        expect(refused!.body.errors![0].extensions).to.deep.include({ code: "RATE_LIMITED", retryAfterSeconds: Number(refused!.retryAfter) });
        expect(refused!.body.data ?? null).to.equal(null);
        // The budget is the spender's: other clients are served in full.
        expect((await post(REPORT, as(`bystander${path}`), path)).status).to.equal(200);
        expect((await post(`{ sectors { code } }`, as(`trivial${path}`), path)).status).to.equal(200);
      });
    }

    it("lets a client run one expensive operation at a time: the others at once are refused with 429", async () => {
      const token = as("concurrent");
      const answers = await Promise.all(Array.from({ length: 3 }, () => post(REPORT, token)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).to.include(200);
      expect(statuses).to.include(429);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.body.errors![0].message).to.match(/at once/);
      expect(refused.retryAfter).to.equal("1");
      // A slot is given back with the answer: the next one goes through.
      expect((await post(REPORT, token)).status).to.equal(200);
    });

    it("behind a trusted proxy, counts anonymous clients by forwarded address, and caps the public's expensive operations as a whole", async () => {
      const previous = process.env.TRUST_PROXY;
      process.env.TRUST_PROXY = "1"; // read per request by the gateway under test, which runs in this process
      const capped = await startGateway({
        port: await freePort(),
        subgraphUrls: Object.fromEntries((await e2eStack()).subgraphs.map((s) => [s.name, s.url])),
        fairUse: { enabled: true, costPerWindow: 1_000_000, maxConcurrentExpensive: 5, maxConcurrentAnonymousExpensive: 1 },
      });
      try {
        const from = (address: string, token?: string) =>
          fetch(capped.url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query: REPORT }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: { message: string }[] } }));
        const [signedIn, ...anonymous] = await Promise.all([from("203.0.113.50", as("signed-in")), ...[1, 2, 3, 4].map((i) => from(`203.0.113.${i}`))]);
        expect(signedIn.status).to.equal(200);
        expect(anonymous.map((a) => a.status)).to.include(200);
        const refused = anonymous.filter((a) => a.status === 429);
        expect(refused.length).to.be.greaterThan(0);
        expect(refused[0].body.errors![0].message).to.match(/public/);
      } finally {
        await capped.stop();
        if (previous === undefined) delete process.env.TRUST_PROXY;
        else process.env.TRUST_PROXY = previous;
      }
    });

    it("with REDIS_URL, two gateways spend one budget: a client refused by one is refused by the other", async function () {
      requireSystemTool(this, installed("/usr/bin/redis-server"), "redis-server", "apt-get install redis-server");
      const port = await freePort();
      const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      const previous = process.env.REDIS_URL;
      const replicas: RunningGateway[] = [];
      try {
        for (let i = 0; i < 50; i++) {
          const up = await new Promise<boolean>((resolve) => {
            const socket = connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
            socket.on("error", () => resolve(false));
          });
          if (up) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
        const subgraphUrls = Object.fromEntries((await e2eStack()).subgraphs.map((s) => [s.name, s.url]));
        for (let i = 0; i < 2; i++) replicas.push(await startGateway({ port: await freePort(), subgraphUrls, fairUse: { enabled: true, costPerWindow: 5_000, windowSeconds: 60, aggregateCost: 2_000 } }));
        // The client connects in the background and fails commands at once until it is ready (the
        // gateway then answers from memory): the shared budget is only shared once it is connected.
        for (let i = 0; i < 100 && !sharedRedis()?.isReady; i++) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(sharedRedis()?.isReady, "the gateway's Redis client connected").to.equal(true);
        const token = as("two-replicas");
        const ask = (replica: RunningGateway) =>
          fetch(replica.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: REPORT }) }).then(async (r) => (await r.arrayBuffer(), r.status));
        // About 2,050 each against 5,000: two answers, from either replica, spend the budget.
        expect([await ask(replicas[0]), await ask(replicas[1])]).to.deep.equal([200, 200]);
        expect(await ask(replicas[0])).to.equal(429);
        expect(await ask(replicas[1])).to.equal(429);
      } finally {
        for (const replica of replicas) await replica.stop();
        await closeSharedRedis();
        if (previous === undefined) delete process.env.REDIS_URL;
        else process.env.REDIS_URL = previous;
        redis.kill();
      }
    });

    it("counts anonymous clients by address (without TRUST_PROXY, X-Forwarded-For is not believed)", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10 && !statuses.includes(429); i++) {
        const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` }, body: JSON.stringify({ query: REPORT }) });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).to.include(429);
    });
  });
});
