import { BaseContext } from "@apollo/server";
import { SUBGRAPHS } from "../catalog";
import { dbBehindPgBouncer, dbStatementTimeoutMs } from "../config/database";
import { envBool, envInt, envOptional } from "../config/env";
import { applyStatementTimeoutToRole, createDataSource } from "../db/dataSource";
import { databaseReadUrlFor, databaseUrlFor, redactUrl } from "../db/databaseUrls";
import { ensureDatabase } from "../db/ensureDatabase";
import { runPendingMigrations } from "../db/migrate";
import { exitOnTerminationSignals } from "./gracefulShutdown";
import { SqlStatementCounter } from "../db/sqlStatementCounter";
import { openServingPools } from "./servingPools";
import { RunningServer, startSubgraphServer } from "./subgraphServer";
import { SubgraphModule } from "./subgraphModule";

export interface RunOptions {
  /** The primary: migrations, writes, and the reads that must see them. */
  databaseUrl: string;
  /** A read replica (hot standby) of it for anonymous reads; none: every read on the primary. */
  databaseReadUrl?: string;
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
  /** The URLs point at PgBouncer (transaction pooling); DB_BEHIND_PGBOUNCER by default. */
  behindPgBouncer?: boolean;
  log?: (line: string) => void;
}

/** Connects, migrates, optionally seeds, and serves one subgraph. */
export async function runSubgraph<TContext extends BaseContext>(module: SubgraphModule<TContext>, options: RunOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`[${module.name}] ${line}\n`));
  // Read first: a bad DB_STATEMENT_TIMEOUT_MS stops the start before any database work.
  const statementTimeoutMs = options.statementTimeoutMs ?? dbStatementTimeoutMs();
  const behindPgBouncer = options.behindPgBouncer ?? dbBehindPgBouncer();
  if (options.createDatabase) await ensureDatabase(options.databaseUrl);
  const migrate = options.migrate ?? true;
  const seed = Boolean(options.seedIfEmpty && module.seedIfEmpty);
  if (behindPgBouncer) {
    await applyStatementTimeoutToRole(options.databaseUrl, statementTimeoutMs).catch((error: unknown) => {
      // The primary down at start with a replica to serve from (see openServingPools): the role
      // keeps the setting of the previous start.
      if (!options.databaseReadUrl || migrate || seed) throw error;
      log(`statement timeout not stored on the role (${(error as Error).message})`);
    });
  }
  if (migrate || seed) {
    // Migrations and the demo seed run on a short-lived pool of their own, without the statement
    // timeout: rebuilding a large table may take minutes at national scale, and lifting the limit
    // by SET on the serving pool could leak into a request's connection. Behind PgBouncer the
    // pool lifts the role's timeout in each of its transactions; a migration outside a
    // transaction then has the serving timeout (run such a one against PostgreSQL directly).
    const { dataSource: maintenance } = createDataSource({
      name: module.name,
      url: options.databaseUrl,
      entities: module.entities,
      migrations: module.migrations,
      behindPgBouncer,
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
  // Two data sources rather than TypeORM's `replication` option: that one sends raw
  // dataSource.query() calls (the reports, counts and nested pages read that way) to the master,
  // and a data source has one read mode, where the pool here is chosen per request (poolForRequest).
  const counter = new SqlStatementCounter();
  const serving = (url: string, pool: "primary" | "replica") =>
    createDataSource({ name: module.name, url, entities: module.entities, migrations: module.migrations, statementTimeoutMs, behindPgBouncer, counter, pool }).dataSource;
  const { pools, stopReconnecting } = await openServingPools(
    serving(options.databaseUrl, "primary"),
    options.databaseReadUrl ? serving(options.databaseReadUrl, "replica") : undefined,
    { tolerateMissingPrimary: !migrate && !seed, log },
  );
  try {
    const schema = await module.buildSchema();
    const server = await startSubgraphServer({
      name: module.name,
      schema,
      pools,
      counter,
      port: options.port,
      host: options.host,
      createContext: (viewer, dataSource, request) => module.createContext(viewer, dataSource, request),
      openData: module.openData,
    });
    const background = module.onServing?.(pools.primary, log);
    return {
      url: server.url,
      port: server.port,
      stop: async () => {
        stopReconnecting();
        await background?.stop();
        await server.stop();
      },
    };
  } catch (error) {
    stopReconnecting();
    await Promise.all([...new Set([pools.primary, pools.replica])].map((pool) => (pool?.isInitialized ? pool.destroy() : undefined)));
    throw error;
  }
}

/**
 * The production entry point of a subgraph process: configuration from the environment
 * (PORT, <NAME>_DATABASE_URL or DATABASE_URL, <NAME>_DATABASE_READ_URL, MIGRATE_ON_START,
 * SEED_IF_EMPTY, CREATE_DATABASE, DB_STATEMENT_TIMEOUT_MS, DB_BEHIND_PGBOUNCER),
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
  const databaseReadUrl = databaseReadUrlFor(module.name);
  const started = runSubgraph(module, {
    databaseUrl,
    databaseReadUrl,
    port: envInt("PORT", definition?.port ?? 0),
    host: envOptional("HOST") ?? "127.0.0.1",
    createDatabase: envBool("CREATE_DATABASE", false),
    migrate: envBool("MIGRATE_ON_START", true),
    seedIfEmpty: envBool("SEED_IF_EMPTY", false),
  });
  started.then(
    (server) => process.stdout.write(`[${module.name}] ready at ${server.url} (database ${redactUrl(databaseUrl)}${databaseReadUrl ? `, reads ${redactUrl(databaseReadUrl)}` : ""})\n`),
    (error) => {
      process.stderr.write(`[${module.name}] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
  exitOnTerminationSignals(module.name, () => started.then((server) => server.stop()));
}
