import { envInt, redactUrl } from "@camau/shared";
import path from "node:path";
import { parseArgs } from "node:util";
import { startPersistentPostgres, StartedPostgres } from "./lib/embeddedForStart";
import { REPO_ROOT } from "./lib/paths";
import { seedAll } from "./lib/seedAll";

/**
 * `npm run seed -- --scale N [--seed S] [--database-url URL] [--force]`
 *
 * Loads every subgraph's demo data at scale N (1: the province, exactly what `npm start` loads;
 * 100: about national size) into the subgraphs' databases: on the embedded PostgreSQL under
 * .data/postgres (the one `npm start` uses) unless --database-url (or DATABASE_URL) names a
 * server. Databases that already hold data are refused unless --force, which drops and
 * recreates them. Deterministic: the same scale and seed give the same rows.
 */
const USAGE = `usage: npm run seed -- --scale N [--seed S] [--database-url URL] [--force] [--database-prefix camau_]
  --scale N           1 = the province's demo data (default); 100 = about national size
  --seed S            seed of the generators (default: the demo data's own)
  --database-url URL  a PostgreSQL server (default: DATABASE_URL, else the embedded one under .data/postgres)
  --force             drop and recreate databases that already hold data
  --database-prefix P database names are P<subgraph> (default camau_)
  --data-dir DIR      data folder of the embedded PostgreSQL (default .data/postgres)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      seed: { type: "string" },
      "database-url": { type: "string" },
      "database-prefix": { type: "string", default: "camau_" },
      "data-dir": { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a positive integer\n${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer\n${USAGE}`);
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(values["database-prefix"]!)) throw new Error("--database-prefix: lower-case letters, digits and _ only");

  let postgres: StartedPostgres | undefined;
  let serverUrl = values["database-url"] ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.resolve(REPO_ROOT, values["data-dir"] ?? path.join(".data", "postgres"));
    const port = envInt("EMBEDDED_PG_PORT", 54329);
    process.stdout.write(`[seed] starting embedded PostgreSQL on port ${port} (data in ${path.relative(REPO_ROOT, dataDir) || dataDir})\n`);
    postgres = await startPersistentPostgres(dataDir, port, () => undefined);
    serverUrl = postgres.url;
    // Interrupted: stop PostgreSQL cleanly (nothing half-loaded stays: each load is one transaction).
    const started = postgres;
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        process.stderr.write(`[seed] ${signal}: stopping PostgreSQL\n`);
        void started.stop().finally(() => process.exit(130));
      });
    }
  }
  const started = Date.now();
  try {
    process.stdout.write(`[seed] scale ${scale}${seed === undefined ? "" : `, seed ${seed}`}, server ${redactUrl(serverUrl)}\n`);
    const result = await seedAll({ serverUrl, scale, seed, force: values.force, databasePrefix: values["database-prefix"] });
    process.stdout.write(`[seed] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    for (const [name, rows] of Object.entries(result.rows)) {
      const listed = Object.entries(rows)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`)
        .join(", ");
      process.stdout.write(`  ${name.padEnd(9)} ${result.seconds[name].toFixed(1).padStart(6)} s  ${listed}\n`);
    }
  } finally {
    if (postgres) {
      process.stdout.write("[seed] stopping PostgreSQL\n");
      await postgres.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
