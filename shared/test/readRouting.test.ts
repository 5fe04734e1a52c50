import { expect } from "chai";
import { createErrorFormatter, GATEWAY_SECRET_HEADER, gatewaySecret, RunningServer, runSubgraph } from "../src";
import { ReplicatedPostgres, sqlStatementsByPool, startReplicatedDatabase, testTokens } from "../src/testing";
import { slowSubgraph } from "./support/slowSubgraph";

describe("read routing between the primary and a replica", function () {
  this.timeout(60_000);
  let pair: ReplicatedPostgres;
  let server: RunningServer;

  const call = async (query: string, token?: string) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };
  /** Statements each pool sent while `work` ran. */
  const sentDuring = async (work: () => Promise<unknown>) => {
    const before = await sqlStatementsByPool(server.url);
    await work();
    const after = await sqlStatementsByPool(server.url);
    return { primary: after.primary - before.primary, replica: after.replica - before.replica };
  };

  before(async function () {
    const started = await startReplicatedDatabase(this, "read-routing", "read_routing");
    pair = started.pair;
    const urls = started.urls;
    server = await runSubgraph(slowSubgraph, { databaseUrl: urls.primary, databaseReadUrl: urls.standby, port: 0, seedIfEmpty: false, statementTimeoutMs: 0, log: () => undefined });
  });
  after(async () => {
    await server?.stop();
    await pair?.stop();
  });

  it("sends an anonymous query's raw SQL to the replica", async () => {
    const sent = await sentDuring(() => call("{ sleepInDatabase(ms: 1) }"));
    expect(sent).to.deep.equal({ primary: 0, replica: 1 });
  });

  it("sends a signed-in caller's query to the primary", async () => {
    const sent = await sentDuring(() => call("{ sleepInDatabase(ms: 1) }", testTokens.officer()));
    expect(sent.primary).to.equal(1);
    expect(sent.replica).to.equal(0);
  });

  it("refuses an anonymous mutation before any SQL, and runs a signed-in one on the primary", async () => {
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    const none = await sentDuring(async () => (refused = await call("mutation { sleepInTransaction(ms: 1) }")));
    expect(refused?.errors?.[0].extensions?.code).to.equal("UNAUTHENTICATED");
    expect(none).to.deep.equal({ primary: 0, replica: 0 });
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const sent = await sentDuring(async () => (answer = await call("mutation { sleepInTransaction(ms: 1) }", testTokens.officer())));
    expect(answer?.data).to.deep.equal({ sleepInTransaction: 1 });
    expect(sent.replica).to.equal(0);
    expect(sent.primary).to.be.greaterThan(0);
  });
});

describe("DATABASE_UNAVAILABLE", () => {
  it("is not said of another service that refuses the connection (fetch keeps that as the cause)", () => {
    const format = createErrorFormatter("gateway");
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4001"), { code: "ECONNREFUSED" }) });
    const original = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(format({ message: "fetch failed" }, refused).extensions?.code).to.equal("INTERNAL_SERVER_ERROR");
      const pgRefused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      expect(format({ message: pgRefused.message }, pgRefused).extensions?.code).to.equal("DATABASE_UNAVAILABLE");
    } finally {
      process.stderr.write = original;
    }
  });
});
