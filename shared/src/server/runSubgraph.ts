import { BaseContext } from "@apollo/server";
import { SUBGRAPHS } from "../catalog";
import { dbStatementTimeoutMs } from "../config/database";
import { envBool, envInt, envOptional } from "../config/env";
import { createDataSource } from "../db/dataSource";
import { databaseUrlFor, redactUrl } from "../db/databaseUrls";
import { ensureDatabase } from "../db/ensureDatabase";
import { runPendingMigrations } from "../db/migrate";
import { exitOnTerminationSignals } from "./gracefulShutdown";
import { RunningServer, startSubgraphServer } from "./subgraphServer";
import { SubgraphModule } from "./subgraphModule";

export interface RunOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Create the database when missing (development; production databases are provisioned). */
  createDatabase?: boolean;
  /** Apply pending migrations before serving. */
  migrate?: boolean;
  /** Load the demo dataset when the database is empty. */
  seedIfEmpty?: boolean;
  /** statement_timeout of the serving pool in ms (0: none); DB_STATEMENT_TIMEOUT_MS by default. */
  statementTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Connects, migrates, optionally seeds, and serves one subgraph. */
export async function runSubgraph<TContext extends BaseContext>(module: SubgraphModule<TContext>, options: RunOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`[${module.name}] ${line}\n`));
  // Read first: a bad DB_STATEMENT_TIMEOUT_MS stops the start before any database work.
  const statementTimeoutMs = options.statementTimeoutMs ?? dbStatementTimeoutMs();
  if (options.createDatabase) await ensureDatabase(options.databaseUrl);
  const migrate = options.migrate ?? true;
  const seed = Boolean(options.seedIfEmpty && module.seedIfEmpty);
  if (migrate || seed) {
    // Migrations and the demo seed run on a short-lived pool of their own, without the statement
    // timeout: rebuilding a large table may take minutes at national scale, and lifting the limit
    // by SET on the serving pool could leak into a request's connection.
    const { dataSource: maintenance } = createDataSource({
      name: module.name,
      url: options.databaseUrl,
      entities: module.entities,
      migrations: module.migrations,
    });
    await maintenance.initialize();
    try {
      if (migrate) {
        const applied = await runPendingMigrations(maintenance, log);
        if (applied.length) log(`applied ${applied.length} migration(s)`);
      }
      if (seed && module.seedIfEmpty) await module.seedIfEmpty(maintenance, log);
    } finally {
      await maintenance.destroy();
    }
  }
  const { dataSource, counter } = createDataSource({
    name: module.name,
    url: options.databaseUrl,
    entities: module.entities,
    migrations: module.migrations,
    statementTimeoutMs,
  });
  await dataSource.initialize();
  try {
    const schema = await module.buildSchema();
    return await startSubgraphServer({
      name: module.name,
      schema,
      dataSource,
      counter,
      port: options.port,
      host: options.host,
      createContext: (viewer) => module.createContext(viewer, dataSource),
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * The production entry point of a subgraph process: configuration from the environment
 * (PORT, <NAME>_DATABASE_URL or DATABASE_URL, MIGRATE_ON_START, SEED_IF_EMPTY, CREATE_DATABASE,
 * DB_STATEMENT_TIMEOUT_MS),
 * SIGTERM/SIGINT: the graceful steps of gracefulShutdown.ts (SHUTDOWN_READINESS_DELAY_MS,
 * SHUTDOWN_DRAIN_TIMEOUT_MS), then exit.
 */
export function runSubgraphFromEnvironment<TContext extends BaseContext>(module: SubgraphModule<TContext>): void {
  const definition = SUBGRAPHS.find((s) => s.name === module.name);
  const databaseUrl = databaseUrlFor(module.name);
  if (!databaseUrl) {
    process.stderr.write(`[${module.name}] set DATABASE_URL (a PostgreSQL server) or ${module.name.toUpperCase()}_DATABASE_URL\n`);
    process.exit(2);
  }
  const started = runSubgraph(module, {
    databaseUrl,
    port: envInt("PORT", definition?.port ?? 0),
    host: envOptional("HOST") ?? "127.0.0.1",
    createDatabase: envBool("CREATE_DATABASE", false),
    migrate: envBool("MIGRATE_ON_START", true),
    seedIfEmpty: envBool("SEED_IF_EMPTY", false),
  });
  started.then(
    (server) => process.stdout.write(`[${module.name}] ready at ${server.url} (database ${redactUrl(databaseUrl)})\n`),
    (error) => {
      process.stderr.write(`[${module.name}] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
  exitOnTerminationSignals(module.name, () => started.then((server) => server.stop()));
}
