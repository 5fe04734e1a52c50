import { createDataSource, databaseUrlFor, envPrefixOf, redactUrl, runPendingMigrations, SUBGRAPHS } from "@camau/shared";
import { parseArgs } from "node:util";
import { builtSubgraphModule } from "./lib/builtSubgraphModule";

/**
 * `node dist/scripts/migrate.js [--service NAME]`
 *
 * Applies the pending migrations of every subgraph's database (or of one), then exits: the
 * production shape runs this once per release (a Kubernetes Job) before the new pods start, and
 * the pods run with MIGRATE_ON_START=false. Each database is found exactly as its subgraph finds
 * it (<NAME>_DATABASE_URL, else DATABASE_URL's server with the database camau_<name>) and migrated
 * with the subgraph's own entities and migrations from its built output. Running it again applies
 * nothing; two runs at once take turns on an advisory lock per database. The databases must exist
 * (production databases are provisioned, not created here).
 *
 * Exit codes: 0 done, 1 a migration or connection failed, 2 bad usage or configuration.
 */
const USAGE = `usage: node dist/scripts/migrate.js [--service NAME]
  --service NAME  migrate one subgraph's database only (${SUBGRAPHS.map((s) => s.name).join(", ")}); all by default
Database URLs come from <NAME>_DATABASE_URL, else DATABASE_URL (a server; databases camau_<name>).`;

const log = (line: string) => process.stdout.write(`[migrate] ${line}\n`);

class UsageError extends Error {}

async function main(): Promise<void> {
  let values: { service?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { service: { type: "string" }, help: { type: "boolean", default: false } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const selected = values.service === undefined ? SUBGRAPHS : SUBGRAPHS.filter((s) => s.name === values.service);
  if (!selected.length) throw new UsageError(`unknown service "${values.service}"\n${USAGE}`);

  // Every URL first: a missing one stops the run before any database is touched.
  const targets = selected.map((definition) => ({ definition, url: databaseUrlFor(definition.name) }));
  const missing = targets.filter((t) => !t.url).map((t) => `${envPrefixOf(t.definition.name)}DATABASE_URL`);
  if (missing.length) throw new UsageError(`no database for ${missing.map((m) => m.replace(/_DATABASE_URL$/, "").toLowerCase()).join(", ")}: set DATABASE_URL (a PostgreSQL server) or ${missing.join(", ")}`);

  for (const { definition, url } of targets) {
    const started = Date.now();
    log(`${definition.name}: ${redactUrl(url!)}`);
    const module = builtSubgraphModule(definition);
    const { dataSource } = createDataSource({
      name: `${definition.name}-migrate`,
      url: url!,
      entities: module.entities as never,
      migrations: module.migrations as never,
      // One connection holds the lock, one runs the migrations.
      poolSize: 2,
    });
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new Error(`${definition.name}: cannot connect to ${redactUrl(url!)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const applied = await runPendingMigrations(dataSource, (line) => log(`${definition.name}: ${line}`));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(applied.length ? `${definition.name}: applied ${applied.length} migration(s) in ${seconds} s: ${applied.join(", ")}` : `${definition.name}: up to date, nothing to apply`);
    } catch (error) {
      throw new Error(`${definition.name}: migration failed (the failed migration's transaction was rolled back; earlier ones stay applied): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await dataSource.destroy();
    }
  }
  log("done");
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
