import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";
import { createDataSource, dropDatabase, ensureDatabase, runPendingMigrations, SubgraphDefinition, SUBGRAPHS, withDatabase } from "@camau/shared";
import { Client } from "pg";
import path from "node:path";
import type { DataSource } from "typeorm";
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import { builtSubgraphModule, requireBuilt } from "./builtSubgraphModule";

/**
 * `npm run seed`: every subgraph's demo data at a scale, loaded into the subgraphs' own databases
 * (camau_<name> on one PostgreSQL server). Scale 1 is the province's demo data, exactly what
 * `npm start` loads into empty databases; scale 100 is about national size. The registry's
 * dataset is generated once and handed to the other subgraphs' generators, so the cooperative ids
 * they refer to are the registry's own.
 *
 * Each subgraph's code is loaded from its built output (services/<name>/dist), as the
 * orchestrator runs it: its subgraph module for entities and migrations, and its seed module for
 * the generator and the bulk loader.
 */

export type Log = (line: string) => void;

export interface SeedAllOptions {
  /** PostgreSQL server URL (any database); each subgraph's database is named `${prefix}<name>`. */
  serverUrl: string;
  scale: number;
  /** Seed of the registry (and of the other generators' streams); their own defaults when omitted. */
  seed?: number;
  /** Drop and recreate databases that hold data; otherwise such a database is refused. */
  force?: boolean;
  /** Database name prefix (tests use their own). */
  databasePrefix?: string;
  /** Run the non-registry subgraphs in worker threads (default: at scales above 1). */
  workers?: boolean;
  /** Subgraphs to seed; every subgraph of the catalog by default. */
  subgraphs?: readonly SubgraphDefinition[];
  log?: Log;
}

export interface SeedAllResult {
  databases: Record<string, string>;
  seconds: Record<string, number>;
  /** Rows per table of each database after loading. */
  rows: Record<string, Record<string, number>>;
}

/** The registry dataset as the other generators read it (cooperatives and their events). */
interface RegistryDatasetLike {
  cooperatives: unknown[];
  events: unknown[];
}

interface Seeder {
  /** Loads the subgraph's data at a scale into its migrated, empty database. */
  (dataSource: DataSource, context: { scale: number; seed?: number; registry: RegistryDatasetLike; log: Log }): Promise<void>;
}

/** How each subgraph's data is generated and loaded at a scale (from its own seed module). */
const SEEDERS: Record<string, Seeder> = {
  registry: async (dataSource, { scale, seed, registry, log }) => {
    const { loadRegistry } = requireBuilt<typeof import("@camau/registry/dist/src/seed/index.js")>("services/registry", "seed/index.js");
    const started = Date.now();
    const result = await loadRegistry(dataSource, registry as never, log, { chunkSize: 5000 });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`registry seed: ${total.toLocaleString("en-US")} rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed ?? "default"}, scale ${scale})`);
  },
  trade: async (dataSource, { scale, seed, registry, log }) => {
    const trade = requireBuilt<{ seedTradeAtScale?: (ds: DataSource, log: Log, o: { scale: number; seed?: string; registry?: unknown }) => Promise<void>; TRADE_SEED: string }>(
      "services/trade",
      "seed/index.js",
    );
    if (!trade.seedTradeAtScale) throw new Error("services/trade: its seed module has no seedTradeAtScale");
    await trade.seedTradeAtScale(dataSource, log, { scale, seed: seed === undefined ? undefined : `${trade.TRADE_SEED}:${seed}`, registry });
  },
  outreach: async (dataSource, { scale, seed, registry, log }) => {
    const outreach = requireBuilt<{ seedOutreachAtScale?: (ds: DataSource, log: Log, o: { scale: number; seed?: number; registry?: unknown }) => Promise<void> }>(
      "services/outreach",
      "seed/index.js",
    );
    if (!outreach.seedOutreachAtScale) throw new Error("services/outreach: its seed module has no seedOutreachAtScale");
    await outreach.seedOutreachAtScale(dataSource, log, { scale, seed, registry });
  },
  fund: async (dataSource, { scale, seed, registry, log }) => {
    const fund = requireBuilt<{
      seedFund: (ds: DataSource, o: { seed?: number; borrowers: unknown[]; scale?: number }, options: { log?: Log }) => Promise<{ rows: Record<string, number>; loans: number }>;
      borrowersFromRegistry: (registry: unknown) => unknown[];
    }>("services/fund", "seed/index.js");
    if (!fund.seedFund) throw new Error("services/fund: its seed module exports no seedFund");
    const started = Date.now();
    // Generated and written loan by loan (the national dataset is never held whole).
    const result = await fund.seedFund(dataSource, { seed, borrowers: fund.borrowersFromRegistry(registry), scale }, { log });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`fund seed: ${result.loans.toLocaleString("en-US")} loans, ${total.toLocaleString("en-US")} rows generated and loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
  // The reporting subgraph holds no demo data: its first migration writes the first template.
  reporting: async () => undefined,
};

/** Rows of every table of a database (exact counts; the tables of the demo data are small enough). */
export async function tableRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
      counts[name] = Number(result.rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Tables whose rows are data (not a migration's reference data), in any subgraph's database. */
const DATA_TABLES = ["cooperative", "cooperative_group", "member", "product", "trade_promotion_program", "training_class", "published_figure", "loan_application", "loan"];

/** Whether the database exists and any of its tables (other than migrations and reference data) holds rows. */
export async function holdsData(databaseUrl: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) return false;
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The migrations' own reference data (sectors, administrative units, loan products) does not count.
    for (const table of DATA_TABLES) {
      const has = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
      if (!has.rows[0].present) continue;
      const rows = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
      if (rows.rows[0].any) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/** The registry's dataset, which every other generator draws its cooperatives from. */
export function generateRegistryDataset(scale: number, seed: number | undefined, log: Log): RegistryDatasetLike & { cooperatives: unknown[]; groups: unknown[]; memberPlans: unknown[] } {
  const started = Date.now();
  const registry = generateRegistry({ seed: seed ?? DEFAULT_SEED, scale });
  log(
    `[seed] registry dataset (scale ${scale}${seed === undefined ? "" : `, seed ${seed}`}): ${registry.cooperatives.length.toLocaleString("en-US")} cooperatives, ` +
      `${registry.groups.length.toLocaleString("en-US")} groups, ${registry.memberPlans.length.toLocaleString("en-US")} organisations with members, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return registry;
}

/**
 * Settings of the seed's own sessions: commits that do not wait for the WAL flush (a load lost in
 * a crash is loaded again), and memory for the sorts of the rollups' rebuilds and for index builds,
 * which otherwise spill to disk at national scale: the largest key, the fund's 11.8 million
 * contributions by loan, sorts in about 850 MB, and a sort in memory of rows the loader wrote in
 * key order takes about half the time of one spilled to disk (docs/performance.md, round seven).
 * Index builds without parallel workers: the seed keeps both cores busy with its own workers, and
 * a parallel build costs about half as much CPU again (each worker writes its sorted run to
 * temporary files for the leader to merge) for a few per cent less time even on an idle core
 * (docs/performance.md, round six).
 */
const SEED_SESSION_SETTINGS = "-c synchronous_commit=off -c work_mem=128MB -c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=0";

/** Creates a subgraph's database if needed and opens it migrated, with the seed's session settings. */
export async function openMigrated(definition: SubgraphDefinition, databaseUrl: string, log: Log): Promise<DataSource> {
  const module = builtSubgraphModule(definition);
  await ensureDatabase(databaseUrl);
  const { dataSource } = createDataSource({
    name: `${definition.name}-seed`,
    url: databaseUrl,
    entities: module.entities as never,
    migrations: module.migrations as never,
    poolSize: 2,
  });
  // Bulk statements of many seconds are expected here: no "slow SQL" report for each.
  dataSource.setOptions({ maxQueryExecutionTime: 600_000, extra: { ...dataSource.options.extra, options: SEED_SESSION_SETTINGS } });
  await dataSource.initialize();
  try {
    const applied = await runPendingMigrations(dataSource, log);
    log(`applied ${applied.length} migration(s)`);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Loads a subgraph's data at a scale into its database opened by openMigrated, then closes it. */
export async function loadAndClose(definition: SubgraphDefinition, dataSource: DataSource, context: { scale: number; seed?: number; registry: RegistryDatasetLike; log: Log }): Promise<void> {
  try {
    await SEEDERS[definition.name](dataSource, context);
    // Fresh statistics, so the first queries plan well at any scale.
    await dataSource.query("ANALYZE");
  } finally {
    await dataSource.destroy();
  }
}

/** Migrates one subgraph's (empty) database and loads its data at a scale. */
export async function seedSubgraph(definition: SubgraphDefinition, databaseUrl: string, context: { scale: number; seed?: number; registry: RegistryDatasetLike; log: Log }): Promise<void> {
  await loadAndClose(definition, await openMigrated(definition, databaseUrl, context.log), context);
}

/** Heap of each seeding worker thread: at national scale the fund's rollup sums and a generator's dataset outgrow the default one (about 4 GB for the fund's worker at scale 100). */
const SEED_WORKER_HEAP_MB = 8_192;

/**
 * The part of the registry dataset the other generators read, as the seeding workers receive it:
 * the cooperatives, and the events that change a status (the only ones they read), with the
 * fields they read. Serialized once into shared memory, which every worker deserializes on its own
 * thread: cloning the whole dataset for each worker held up the main thread, and with it the
 * registry's load, for seconds per worker at national scale.
 */
export function registryForWorkers(registry: RegistryDatasetLike): SharedArrayBuffer {
  const events = (registry.events as Array<{ cooperativeId: string; effectiveOn: string; recordedAt: string; statusAfter: string | null }>)
    .filter((e) => e.statusAfter !== null)
    .map((e) => ({ cooperativeId: e.cooperativeId, effectiveOn: e.effectiveOn, recordedAt: e.recordedAt, statusAfter: e.statusAfter }));
  const bytes = v8.serialize({ cooperatives: registry.cooperatives, events });
  const shared = new SharedArrayBuffer(bytes.length);
  bytes.copy(Buffer.from(shared));
  return shared;
}

/** What a seeding worker thread (scripts/lib/seedWorker.js) receives when it starts. */
export interface SeedWorkerData {
  definition: SubgraphDefinition;
  databaseUrl: string;
  scale: number;
  seed?: number;
  /** Only migrate the database, then end (the registry's, while the main thread generates its dataset). */
  migrateOnly?: boolean;
}

/** A seeding worker thread: it migrates its database at once, and loads its data once handed the registry's part. */
interface SeedWorker {
  /** Hands the worker the registry's part (registryForWorkers); it then generates and loads its data. */
  hand(registry: SharedArrayBuffer): void;
  /** Settles when the worker has ended: resolved when it loaded (or only migrated) without error. */
  done: Promise<void>;
  stop(): Promise<number>;
}

function startSeedWorker(data: SeedWorkerData, log: Log): SeedWorker {
  // The fund streams its loans, but its per-day rollup sums and the other generators' datasets are
  // held whole at national scale: more than a worker's default heap.
  const worker = new Worker(path.join(__dirname, "seedWorker.js"), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: SEED_WORKER_HEAP_MB } });
  const done = new Promise<void>((resolve, reject) => {
    let failure: Error | undefined;
    worker.on("message", (message: { log?: string; error?: string }) => {
      if (message.log) log(message.log);
      if (message.error) failure = new Error(message.error);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (failure ? reject(failure) : code === 0 ? resolve() : reject(new Error(`${data.definition.name} seed worker exited with code ${code}`))));
  });
  // Awaited later (after the registry's dataset is generated); a failure is not unhandled meanwhile.
  done.catch(() => undefined);
  return { hand: (registry) => worker.postMessage({ registry }), done, stop: () => worker.terminate() };
}

/** Generates every subgraph's data at a scale and loads it; see the module comment. */
export async function seedAll(options: SeedAllOptions): Promise<SeedAllResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const prefix = options.databasePrefix ?? "camau_";
  const subgraphs = options.subgraphs ?? SUBGRAPHS;
  if (!Number.isInteger(options.scale) || options.scale < 1) throw new Error(`--scale must be a positive integer, not ${options.scale}`);
  const missing = subgraphs.filter((s) => !SEEDERS[s.name]);
  if (missing.length) throw new Error(`no scaled seed for subgraph(s) ${missing.map((s) => s.name).join(", ")}: add one to scripts/lib/seedAll.ts`);

  const databases = Object.fromEntries(subgraphs.map((s) => [s.name, withDatabase(options.serverUrl, `${prefix}${s.name}`)]));
  // Refuse (or, with --force, drop) databases holding data before anything is written.
  for (const s of subgraphs) {
    if (!(await holdsData(databases[s.name]))) continue;
    if (!options.force) throw new Error(`database ${prefix}${s.name} already holds data: pass --force to drop and recreate it`);
    log(`[seed] dropping ${prefix}${s.name}`);
    await dropDatabase(databases[s.name]);
  }

  const seconds: Record<string, number> = {};
  const rows: Record<string, Record<string, number>> = {};
  const sayOf = (definition: SubgraphDefinition): Log => (line) => log(line.startsWith("[") ? line : `[${definition.name}] ${line}`);
  const finished = async (definition: SubgraphDefinition, t0: number) => {
    seconds[definition.name] = (Date.now() - t0) / 1000;
    rows[definition.name] = await tableRowCounts(databases[definition.name]);
    sayOf(definition)(`done in ${seconds[definition.name].toFixed(1)} s`);
  };
  const inWorkers = options.workers ?? options.scale > 1;
  if (!inWorkers) {
    // Generated once: every other generator draws its cooperatives from it.
    const registry = generateRegistryDataset(options.scale, options.seed, log);
    await Promise.all(
      subgraphs.map(async (definition) => {
        const t0 = Date.now();
        await seedSubgraph(definition, databases[definition.name], { scale: options.scale, seed: options.seed, registry, log: sayOf(definition) });
        await finished(definition, t0);
      }),
    );
    return { databases, seconds, rows };
  }

  // At scale > 1 every subgraph but the registry runs in a worker thread of its own (the
  // generators are CPU-bound and would otherwise hold up the registry's inserts). The workers
  // start, and every database is migrated (the registry's in a worker too), while the main thread
  // generates the registry's dataset, which every other generator draws its cooperatives from;
  // the workers then receive its part and generate while the registry (1.4 million members at
  // scale 100) loads.
  const started = Date.now();
  const others = subgraphs.filter((s) => s.name !== "registry");
  const registryDefinition = subgraphs.find((s) => s.name === "registry");
  const workers = others.map((definition) =>
    startSeedWorker({ definition, databaseUrl: databases[definition.name], scale: options.scale, seed: options.seed }, sayOf(definition)),
  );
  const registryMigrated = registryDefinition
    ? startSeedWorker({ definition: registryDefinition, databaseUrl: databases.registry, scale: options.scale, seed: options.seed, migrateOnly: true }, sayOf(registryDefinition))
    : undefined;
  let registry: ReturnType<typeof generateRegistryDataset>;
  try {
    registry = generateRegistryDataset(options.scale, options.seed, log);
    if (workers.length) {
      const forWorkers = registryForWorkers(registry);
      for (const worker of workers) worker.hand(forWorkers);
    }
  } catch (error) {
    await Promise.all([...workers, ...(registryMigrated ? [registryMigrated] : [])].map((w) => w.stop()));
    throw error;
  }
  await Promise.all([
    ...others.map(async (definition, i) => {
      await workers[i].done;
      await finished(definition, started);
    }),
    ...(registryDefinition
      ? [
          (async () => {
            await registryMigrated!.done;
            await seedSubgraph(registryDefinition, databases.registry, { scale: options.scale, seed: options.seed, registry, log: sayOf(registryDefinition) });
            await finished(registryDefinition, started);
          })(),
        ]
      : []),
  ]);
  return { databases, seconds, rows };
}
