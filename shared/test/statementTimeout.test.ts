import "reflect-metadata";
import { expect } from "chai";
import { GraphQLError } from "graphql";
import { Client } from "pg";
import { DataSource, QueryFailedError } from "typeorm";
import { slowSubgraph } from "./support/slowSubgraph";
import {
  createDataSource,
  createErrorFormatter,
  DEFAULT_DB_STATEMENT_TIMEOUT_MS,
  dbStatementTimeoutMs,
  dropDatabase,
  inTransaction,
  isQueryCanceled,
  QUERY_TIMEOUT_MESSAGE,
} from "../src";
import { freshDatabase, SubgraphUnderTest, testTokens } from "../src/testing";

/** Runs `work` with environment variables set (undefined: unset), restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, work: () => Promise<T> | T): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(vars);
  try {
    return await work();
  } finally {
    apply(saved);
  }
}

/** Collects what the process writes to stderr while `work` runs (the subgraph runs in this process). */
async function capturingStderr<T>(work: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const lines: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    lines.push(String(chunk));
    return original(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    const result = await work();
    return { result, stderr: lines.join("") };
  } finally {
    process.stderr.write = original;
  }
}

/** The backends of a pool still running a statement (pg_stat_activity, seen from another connection). */
async function activeStatements(url: string, where: { pid?: number; applicationName?: string }): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity
        WHERE state <> 'idle' AND pid <> pg_backend_pid() AND (pid = $1 OR application_name = $2)`,
      [where.pid ?? -1, where.applicationName ?? ""],
    );
    return rows.map((r) => r.query);
  } finally {
    await client.end();
  }
}

describe("database statement timeout (DB_STATEMENT_TIMEOUT_MS)", function () {
  this.timeout(60_000);

  describe("configuration", () => {
    it("defaults a little above the gateway's 10 s subgraph timeout; 0 turns it off", async () => {
      await withEnv({ DB_STATEMENT_TIMEOUT_MS: undefined }, () => {
        expect(dbStatementTimeoutMs()).to.equal(DEFAULT_DB_STATEMENT_TIMEOUT_MS);
        expect(DEFAULT_DB_STATEMENT_TIMEOUT_MS).to.be.greaterThan(10_000).and.at.most(15_000);
      });
      await withEnv({ DB_STATEMENT_TIMEOUT_MS: "" }, () => expect(dbStatementTimeoutMs()).to.equal(DEFAULT_DB_STATEMENT_TIMEOUT_MS));
      await withEnv({ DB_STATEMENT_TIMEOUT_MS: "0" }, () => expect(dbStatementTimeoutMs()).to.equal(0));
      await withEnv({ DB_STATEMENT_TIMEOUT_MS: "2500" }, () => expect(dbStatementTimeoutMs()).to.equal(2500));
    });

    it("rejects negative, fractional, unit-suffixed, out-of-range and garbage values with a message naming the variable", async () => {
      for (const bad of ["-1", "1.5", "10s", "abc", "2147483648", "true"]) {
        await withEnv({ DB_STATEMENT_TIMEOUT_MS: bad }, () => {
          expect(() => dbStatementTimeoutMs(), bad).to.throw(/DB_STATEMENT_TIMEOUT_MS/);
        });
      }
    });

    it("a subgraph refuses to start with a bad value", async () => {
      const error = await withEnv({ DB_STATEMENT_TIMEOUT_MS: "-5" }, () => SubgraphUnderTest.start(slowSubgraph).then(
        async (started) => {
          await started.stop();
          return undefined;
        },
        (e: unknown) => e,
      ));
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(/DB_STATEMENT_TIMEOUT_MS must be 0 \(off\) or a number of milliseconds/);
    });
  });

  describe("the data source", () => {
    let url: string;
    let dataSource: DataSource;
    const applicationName = "camau-stmt-timeout-pool";

    before(async () => {
      url = await freshDatabase("stmt_timeout_pool");
      ({ dataSource } = createDataSource({ name: "stmt-timeout-pool", url, entities: [], migrations: [], statementTimeoutMs: 200, poolSize: 3 }));
      await dataSource.initialize();
    });
    after(async () => {
      if (dataSource?.isInitialized) await dataSource.destroy();
      if (url) await dropDatabase(url);
    });

    it("holds on every connection of the pool", async () => {
      // Three statements at once take three connections.
      const rows = await Promise.all(
        [1, 2, 3].map(async () => (await dataSource.query("SELECT pg_backend_pid() AS pid, current_setting('statement_timeout') AS timeout, pg_sleep(0.05)"))[0] as { pid: number; timeout: string }),
      );
      expect(new Set(rows.map((r) => r.pid)).size).to.equal(3);
      expect(rows.map((r) => r.timeout)).to.deep.equal(["200ms", "200ms", "200ms"]);
    });

    it("cancels a slow statement, and its backend is free and reusable afterwards", async () => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        const pid = ((await runner.query("SELECT pg_backend_pid() AS pid")) as { pid: number }[])[0].pid;
        const started = Date.now();
        const error = await runner.query("SELECT pg_sleep(3)").then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(Date.now() - started).to.be.lessThan(2_000);
        expect(error).to.be.instanceOf(QueryFailedError);
        expect((error as QueryFailedError & { code?: string }).code).to.equal("57014");
        expect(isQueryCanceled(error)).to.equal(true);

        expect(await activeStatements(url, { pid, applicationName })).to.deep.equal([]);
        // The same connection answers the next statement: it was not dropped, only its statement cancelled.
        expect(((await runner.query("SELECT pg_backend_pid() AS pid")) as { pid: number }[])[0].pid).to.equal(pid);
      } finally {
        await runner.release();
      }
    });

    it("cancels a slow statement inside a transaction, which rolls back", async () => {
      await dataSource.query("CREATE TABLE IF NOT EXISTS written (n int)");
      const error = await inTransaction(dataSource, async (manager) => {
        await manager.query("INSERT INTO written VALUES (1)");
        await manager.query("SELECT pg_sleep(3)");
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isQueryCanceled(error)).to.equal(true);
      expect(await dataSource.query("SELECT count(*)::int AS n FROM written")).to.deep.equal([{ n: 0 }]);
      expect(await activeStatements(url, { applicationName })).to.deep.equal([]);
    });

    it("is absent when not asked for (scripts, seeding)", async () => {
      const { dataSource: plain } = createDataSource({ name: "stmt-timeout-plain", url, entities: [], migrations: [], poolSize: 1 });
      await plain.initialize();
      try {
        expect(await plain.query("SHOW statement_timeout")).to.deep.equal([{ statement_timeout: "0" }]);
      } finally {
        await plain.destroy();
      }
    });
  });

  describe("a subgraph", () => {
    const started: SubgraphUnderTest[] = [];
    const start = async (env: Record<string, string | undefined>, options: { seed?: boolean } = {}) => {
      const subgraph = await withEnv(env, () => SubgraphUnderTest.start(slowSubgraph, options));
      started.push(subgraph);
      return subgraph;
    };
    afterEach(async () => {
      for (const subgraph of started.splice(0)) {
        await subgraph.stop();
        await dropDatabase(subgraph.databaseUrl);
      }
    });

    it("serves with the default timeout when DB_STATEMENT_TIMEOUT_MS is unset", async () => {
      const subgraph = await start({ DB_STATEMENT_TIMEOUT_MS: undefined });
      expect((await subgraph.query("{ statementTimeout }")).data).to.deep.equal({ statementTimeout: `${DEFAULT_DB_STATEMENT_TIMEOUT_MS / 1000}s` });
    });

    it("answers slow SQL with a masked TIMEOUT error, logged under its correlation id, and keeps serving", async () => {
      const subgraph = await start({ DB_STATEMENT_TIMEOUT_MS: "300" });
      const startedAt = Date.now();
      const { result, stderr } = await capturingStderr(() => subgraph.query("{ sleepInDatabase(ms: 3000) }"));
      expect(Date.now() - startedAt).to.be.lessThan(2_500);

      expect(result.data).to.equal(null);
      expect(result.errors).to.have.length(1);
      const [error] = result.errors!;
      expect(error.message).to.equal(QUERY_TIMEOUT_MESSAGE);
      expect(error.path).to.deep.equal(["sleepInDatabase"]);
      expect(error.extensions?.code).to.equal("TIMEOUT");
      const correlationId = error.extensions?.correlationId;
      expect(correlationId).to.match(/^[0-9a-f-]{36}$/);
      expect(Object.keys(error.extensions ?? {}).sort()).to.deep.equal(["code", "correlationId"]);
      // Nothing of the database reaches the client.
      expect(JSON.stringify(result)).not.to.match(/pg_sleep|SELECT|statement timeout|canceling|57014|QueryFailedError|\.js:/i);
      // The operator finds the detail under the id the client was given.
      expect(stderr).to.contain(`[stmt-timeout] error ${correlationId} at sleepInDatabase:`);
      expect(stderr).to.match(/canceling statement due to statement timeout/);

      expect(await activeStatements(subgraph.databaseUrl, { applicationName: "camau-stmt-timeout" })).to.deep.equal([]);
      expect((await subgraph.query("{ statementTimeout }")).data).to.deep.equal({ statementTimeout: "300ms" });
    });

    it("answers a mutation whose transaction runs too long with the same TIMEOUT", async () => {
      const subgraph = await start({ DB_STATEMENT_TIMEOUT_MS: "300" });
      const { result } = await capturingStderr(() => subgraph.query("mutation { sleepInTransaction(ms: 3000) }", {}, testTokens.officer()));
      expect(result.errors?.map((e) => [e.message, e.extensions?.code])).to.deep.equal([[QUERY_TIMEOUT_MESSAGE, "TIMEOUT"]]);
      expect(JSON.stringify(result)).not.to.match(/pg_sleep|SELECT/i);
    });

    it("runs migrations and the demo seed without the timeout, and serves with it", async () => {
      // Each migration step and the seed sleep 600 ms, six times the serving timeout.
      const subgraph = await start({ DB_STATEMENT_TIMEOUT_MS: "100" }, { seed: true });
      const client = new Client({ connectionString: subgraph.databaseUrl });
      await client.connect();
      try {
        const migrations = await client.query<{ name: string }>("SELECT name FROM migrations ORDER BY id");
        expect(migrations.rows.map((r) => r.name)).to.deep.equal(["SlowMigrationInTransaction1800000000000", "SlowMigrationOutsideTransaction1800000000001"]);
        const steps = await client.query<{ step: string }>("SELECT step FROM slow_step ORDER BY step");
        expect(steps.rows.map((r) => r.step)).to.deep.equal(["migration in transaction", "migration outside transaction", "seed"]);
      } finally {
        await client.end();
      }
      expect((await subgraph.query("{ statementTimeout }")).data).to.deep.equal({ statementTimeout: "100ms" });
    });
  });

  describe("the error formatter at the gateway", () => {
    it("relays a subgraph's TIMEOUT with its correlation id and service, without logging it again", async () => {
      const format = createErrorFormatter("gateway");
      const relayed = new GraphQLError("anything the subgraph said", { extensions: { code: "TIMEOUT", correlationId: "0b6f4a52-5d0f-4f43-9d4c-0a4f3c9f7e11", serviceName: "fund" } });
      const { result, stderr } = await capturingStderr(async () =>
        format({ message: relayed.message, path: ["fundPortfolio"], extensions: relayed.extensions }, relayed),
      );
      expect(result).to.deep.equal({
        message: QUERY_TIMEOUT_MESSAGE,
        locations: undefined,
        path: ["fundPortfolio"],
        extensions: { code: "TIMEOUT", serviceName: "fund", correlationId: "0b6f4a52-5d0f-4f43-9d4c-0a4f3c9f7e11" },
      });
      expect(stderr).to.equal("");
    });
  });
});
