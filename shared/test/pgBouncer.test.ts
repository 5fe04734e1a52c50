import { expect } from "chai";
import { Client } from "pg";
import {
  createDataSource,
  dropDatabase,
  inTransaction,
  QUERY_TIMEOUT_MESSAGE,
  RunningServer,
  runSubgraph,
  SubgraphModule,
  withDatabase,
  GATEWAY_SECRET_HEADER,
  gatewaySecret,
} from "../src";
import {
  freshDatabase,
  RunningPgBouncer,
  startPgBouncer,
  testServerUrl,
  GraphQLResponse,
  testTokens,
  debianPostgresAvailable,
  installed,
  requireSystemTool,
} from "../src/testing";
import { SlowContext, SlowMigrationInTransaction1800000000000, slowSubgraph } from "./support/slowSubgraph";

/** The slow test subgraph with its maintenance work in transactions, as every real subgraph's. */
const bouncedSubgraph: SubgraphModule<SlowContext> = {
  ...slowSubgraph,
  migrations: [SlowMigrationInTransaction1800000000000],
  async seedIfEmpty(dataSource) {
    await inTransaction(dataSource, async (manager) => {
      await manager.query("SELECT pg_sleep(0.6)");
      await manager.query("INSERT INTO slow_step VALUES ('seed')");
    });
  },
};

describe("behind PgBouncer in transaction pooling mode (DB_BEHIND_PGBOUNCER)", function () {
  this.timeout(60_000);
  let bouncer: RunningPgBouncer;
  let directUrl: string;
  let bouncedUrl: string;
  let server: RunningServer | undefined;

  const call = async (query: string, token?: string): Promise<GraphQLResponse> => {
    const response = await fetch(server!.url, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as GraphQLResponse;
  };

  before(async function () {
    requireSystemTool(this, debianPostgresAvailable(), "Debian's PostgreSQL server (pg_basebackup)", "apt-get install postgresql");
    requireSystemTool(this, installed("/usr/sbin/pgbouncer"), "PgBouncer", "apt-get install pgbouncer");
    bouncer = await startPgBouncer(await testServerUrl());
    directUrl = await freshDatabase("pgbouncer");
    bouncedUrl = withDatabase(bouncer.url, new URL(directUrl).pathname.slice(1));
  });
  after(async () => {
    await server?.stop();
    await bouncer?.stop();
    if (directUrl) await dropDatabase(directUrl);
  });

  it("refuses statement_timeout in the startup packet (why the timeout moves to the role)", async () => {
    const { dataSource } = createDataSource({ name: "bounced-startup", url: bouncedUrl, entities: [], migrations: [], statementTimeoutMs: 300, poolSize: 1 });
    const error = await dataSource.initialize().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (dataSource.isInitialized) await dataSource.destroy();
    expect(String(error)).to.match(/unsupported startup parameter: statement_timeout/);
  });

  it("migrates and seeds through PgBouncer without the timeout, then serves with it on every connection", async () => {
    // Each migration and the seed sleep 600 ms in their transactions, twice the serving timeout.
    server = await runSubgraph(bouncedSubgraph, { databaseUrl: bouncedUrl, port: 0, migrate: true, seedIfEmpty: true, statementTimeoutMs: 300, behindPgBouncer: true, log: () => undefined });
    const client = new Client({ connectionString: directUrl });
    await client.connect();
    try {
      const steps = await client.query<{ step: string }>("SELECT step FROM slow_step ORDER BY step");
      expect(steps.rows.map((r) => r.step)).to.deep.equal(["migration in transaction", "seed"]);
    } finally {
      await client.end();
    }
    // Several at once take several server connections: each has the timeout.
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => call("{ statementTimeout }")));
    expect(answers.map((a) => a.data?.statementTimeout)).to.deep.equal(["300ms", "300ms", "300ms", "300ms", "300ms"]);
  });

  it("cancels a read that runs too long with the masked TIMEOUT", async () => {
    const result = await call("{ sleepInDatabase(ms: 3000) }");
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).to.deep.equal([[QUERY_TIMEOUT_MESSAGE, "TIMEOUT"]]);
    expect(JSON.stringify(result)).not.to.match(/pg_sleep|SELECT|statement timeout|57014/i);
  });

  it("runs a mutation's transaction, and cancels one that runs too long", async () => {
    expect((await call("mutation { sleepInTransaction(ms: 20) }", testTokens.officer())).data).to.deep.equal({ sleepInTransaction: 20 });
    const slow = await call("mutation { sleepInTransaction(ms: 3000) }", testTokens.officer());
    expect(slow.errors?.map((e) => e.extensions?.code)).to.deep.equal(["TIMEOUT"]);
    expect((await call("{ statementTimeout }")).data).to.deep.equal({ statementTimeout: "300ms" });
  });
});
