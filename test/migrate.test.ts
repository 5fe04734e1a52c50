import { databaseNameOf, dropDatabase, envPrefixOf, SUBGRAPHS, withDatabase } from "@camau/shared";
import { freePort, testServerUrl } from "@camau/shared/testing";
import { expect } from "chai";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { REPO_ROOT } from "../scripts/lib/paths";

/**
 * `node dist/scripts/migrate.js`, the release step of the production shape, run as a child
 * process the way a Kubernetes Job runs it, against the test PostgreSQL server: it applies every
 * subgraph's migrations once, a second run applies nothing, two runs at once apply each migration
 * exactly once, and failures exit non-zero with a message that says what to fix.
 */
const MIGRATE = path.join(REPO_ROOT, "dist", "scripts", "migrate.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runMigrate(env: Record<string, string>, args: string[] = []): Promise<Run> {
  // Only the URLs given here: nothing leaks in from the developer's DATABASE_URL.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/DATABASE_(READ_)?URL$/.test(key)));
  return new Promise((resolve) => {
    execFile(process.execPath, [MIGRATE, ...args], { env: { ...base, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The migrations a subgraph ships: its compiled migration files. */
function shippedMigrations(dir: string): number {
  return readdirSync(path.join(REPO_ROOT, dir, "dist", "src", "migrations")).filter((file) => file.endsWith(".js")).length;
}

async function migrationsTable(url: string): Promise<{ rows: number; distinct: number } | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>("SELECT to_regclass('migrations') IS NOT NULL AS present");
    if (!exists.rows[0].present) return undefined;
    const result = await client.query<{ rows: string; distinct: string }>("SELECT count(*) AS rows, count(DISTINCT name) AS distinct FROM migrations");
    return { rows: Number(result.rows[0].rows), distinct: Number(result.rows[0].distinct) };
  } finally {
    await client.end();
  }
}

/** Applied-count lines of a run's output, per subgraph ("registry: applied 12 migration(s)"). */
function appliedBy(run: Run): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of run.stdout.matchAll(/^\[migrate\] (\w+): (?:applied (\d+) migration|up to date)/gm)) counts[match[1]] = Number(match[2] ?? 0);
  return counts;
}

describe("migrate command (dist/scripts/migrate.js)", function () {
  this.timeout(240_000);
  const created: string[] = [];

  /** Empty databases for every subgraph (created like production's: provisioned beforehand), as env. */
  async function databases(label: string): Promise<{ env: Record<string, string>; urls: Record<string, string> }> {
    const server = await testServerUrl();
    const run = randomBytes(3).toString("hex");
    const urls: Record<string, string> = {};
    const admin = new Client({ connectionString: withDatabase(server, "postgres") });
    await admin.connect();
    try {
      for (const s of SUBGRAPHS) {
        const name = `test_${label}_${run}_${databaseNameOf(s.name)}`;
        await admin.query(`CREATE DATABASE ${name}`);
        urls[s.name] = withDatabase(server, name);
        created.push(urls[s.name]);
      }
    } finally {
      await admin.end();
    }
    const env = Object.fromEntries(SUBGRAPHS.map((s) => [`${envPrefixOf(s.name)}DATABASE_URL`, urls[s.name]]));
    return { env, urls };
  }

  after(async function () {
    for (const url of created) await dropDatabase(url).catch(() => undefined);
  });

  it("applies every subgraph's migrations once; a second run applies nothing", async () => {
    const { env, urls } = await databases("mig_twice");
    const first = await runMigrate(env);
    expect(first.code, first.stderr).to.equal(0);
    for (const s of SUBGRAPHS) {
      const shipped = shippedMigrations(s.dir);
      expect(shipped, `${s.name} ships migrations`).to.be.greaterThan(0);
      expect(appliedBy(first)[s.name], `${s.name} in the first run's output`).to.equal(shipped);
      expect(await migrationsTable(urls[s.name])).to.deep.equal({ rows: shipped, distinct: shipped });
    }

    const second = await runMigrate(env);
    expect(second.code, second.stderr).to.equal(0);
    for (const s of SUBGRAPHS) {
      expect(appliedBy(second)[s.name], `${s.name} in the second run's output`).to.equal(0);
      const shipped = shippedMigrations(s.dir);
      expect(await migrationsTable(urls[s.name])).to.deep.equal({ rows: shipped, distinct: shipped });
    }
  });

  it("two runs at once apply each migration exactly once", async () => {
    const { env, urls } = await databases("mig_concurrent");
    const [a, b] = await Promise.all([runMigrate(env), runMigrate(env)]);
    expect(a.code, a.stderr).to.equal(0);
    expect(b.code, b.stderr).to.equal(0);
    for (const s of SUBGRAPHS) {
      const shipped = shippedMigrations(s.dir);
      // Whichever run got a database's lock first applied everything there; the other found nothing left.
      expect((appliedBy(a)[s.name] ?? -1) + (appliedBy(b)[s.name] ?? -1), `${s.name}: applied by both runs together`).to.equal(shipped);
      expect(await migrationsTable(urls[s.name])).to.deep.equal({ rows: shipped, distinct: shipped });
    }
  });

  it("--service migrates that subgraph's database alone, found through DATABASE_URL like the subgraph finds it", async () => {
    const server = await testServerUrl();
    const { urls } = await databases("mig_one");
    // DATABASE_URL names the server; the fund's database is camau_fund there unless FUND_DATABASE_URL says otherwise.
    const run = await runMigrate({ DATABASE_URL: withDatabase(server, "postgres"), FUND_DATABASE_URL: urls.fund }, ["--service", "fund"]);
    expect(run.code, run.stderr).to.equal(0);
    expect(appliedBy(run)).to.deep.equal({ fund: shippedMigrations("services/fund") });
    for (const s of SUBGRAPHS.filter((x) => x.name !== "fund")) expect(await migrationsTable(urls[s.name]), s.name).to.equal(undefined);
  });

  it("fails with a clear message and a non-zero exit code", async () => {
    const unknown = await runMigrate({ DATABASE_URL: await testServerUrl() }, ["--service", "nope"]);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(/unknown service "nope"/);

    const unconfigured = await runMigrate({});
    expect(unconfigured.code).to.equal(2);
    expect(unconfigured.stderr).to.match(/set DATABASE_URL .* or REGISTRY_DATABASE_URL/);

    // Nothing listens on a fresh free port; the password must not be printed.
    const port = await freePort();
    const unreachable = await runMigrate({ REGISTRY_DATABASE_URL: `postgres://app:s3cret-value@127.0.0.1:${port}/camau_registry` }, ["--service", "registry"]);
    expect(unreachable.code).to.equal(1);
    expect(unreachable.stderr).to.match(/registry: cannot connect to postgres:\/\/app:\*\*\*@127\.0\.0\.1/);
    expect(unreachable.stdout + unreachable.stderr).not.to.include("s3cret-value");
  });
});
