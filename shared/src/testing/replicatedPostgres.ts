import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { withDatabase } from "../db/databaseUrls";
import { ensureDatabase } from "../db/ensureDatabase";
import { debianPostgresAvailable, debianPostgresBinDir, runAsServerUser, serverUser, spawnAsServerUser, stopChild } from "./debianPostgres";
import { requireSystemTool } from "./systemTool";
import { freePort } from "./testDatabase";

/** A primary PostgreSQL server and a hot standby fed by streaming replication from it. */
export interface ReplicatedPostgres {
  /** Server URL of the primary (database `postgres`): writes and migrations go here. */
  readonly primaryUrl: string;
  /** Server URL of the read-only standby (database `postgres`). */
  readonly standbyUrl: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(): Promise<void>;
  /** Stops the primary only (fast shutdown), as a failed primary would: the standby keeps serving reads. */
  stopPrimary(): Promise<void>;
  /** Starts the primary again after stopPrimary(), same data and port; the standby reconnects to it. */
  startPrimary(): Promise<void>;
  /** Stops both servers and deletes their data folders. */
  stop(): Promise<void>;
}

const USER = "postgres";
const READY_TIMEOUT_MS = 30_000;

/**
 * Starts a primary and a streaming standby (pg_basebackup -R) on free loopback ports, with
 * Debian's PostgreSQL binaries, under .test-data/. Trust authentication on loopback only: test
 * servers. Always call stop(), also when a test fails.
 */
export async function startReplicatedPostgres(label = "replicated"): Promise<ReplicatedPostgres> {
  const bin = debianPostgresBinDir();
  const root = path.resolve(process.cwd(), ".test-data", `${label}-${process.pid}-${randomBytes(3).toString("hex")}`);
  const primaryDir = path.join(root, "primary");
  const standbyDir = path.join(root, "standby");
  await mkdir(root, { recursive: true });
  const user = serverUser();
  if (user) await chown(root, user.uid, user.gid);
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const output: string[] = [];
  const remember = (text: string) => {
    output.push(text);
    if (output.length > 200) output.shift();
  };
  let primary: ChildProcess | undefined;
  let standby: ChildProcess | undefined;
  const start = (dataDir: string, port: number) =>
    spawnAsServerUser(
      path.join(bin, "postgres"),
      // No Unix socket: its default folder may not exist or be writable; tests connect over TCP.
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100", "-c", "fsync=off"],
      remember,
    );
  const stop = async () => {
    await Promise.all([primary, standby].map((child) => (child ? stopChild(child) : undefined)));
    await rm(root, { recursive: true, force: true });
  };
  try {
    await runAsServerUser(path.join(bin, "initdb"), ["-D", primaryDir, "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    primary = start(primaryDir, primaryPort);
    const primaryUrl = `postgres://${USER}@127.0.0.1:${primaryPort}/postgres`;
    await waitUntilAccepting(primaryUrl, primary, output);
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
    await runAsServerUser(path.join(bin, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", USER, "-D", standbyDir, "-R", "-X", "stream", "-c", "fast"]);
    standby = start(standbyDir, standbyPort);
    const standbyUrl = `postgres://${USER}@127.0.0.1:${standbyPort}/postgres`;
    await waitUntilAccepting(standbyUrl, standby, output);
    return {
      primaryUrl,
      standbyUrl,
      waitForReplay: () => waitForReplay(primaryUrl, standbyUrl),
      stopPrimary: async () => {
        if (primary) await stopChild(primary);
      },
      startPrimary: async () => {
        if (primary && primary.exitCode === null && primary.signalCode === null) return;
        primary = start(primaryDir, primaryPort);
        await waitUntilAccepting(primaryUrl, primary, output);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join("")}`);
  }
}

async function waitUntilAccepting(url: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`PostgreSQL exited while starting`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} not ready after ${READY_TIMEOUT_MS} ms: ${(error as Error).message}\n${output.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function waitForReplay(primaryUrl: string, standbyUrl: string): Promise<void> {
  const primary = new Client({ connectionString: primaryUrl });
  const standby = new Client({ connectionString: standbyUrl });
  await primary.connect();
  await standby.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    const target = rows[0].lsn;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const replayed = await standby.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [target]);
      if (replayed.rows[0].done) return;
      if (Date.now() > deadline) throw new Error(`the standby has not replayed ${target} after ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await Promise.all([primary.end(), standby.end()]);
  }
}

/** The same database on both servers of a pair (create it on the primary: it replicates). */
export function replicatedDatabaseUrls(pair: ReplicatedPostgres, database: string): { primary: string; standby: string } {
  return { primary: withDatabase(pair.primaryUrl, database), standby: withDatabase(pair.standbyUrl, database) };
}

/**
 * A pair with one database, created on the primary and replayed on the standby so a replica pool
 * can connect at once; skips the suite where Debian's PostgreSQL is missing. Stop the pair in
 * `after`, also when a test fails.
 */
export async function startReplicatedDatabase(
  suite: Mocha.Context,
  label: string,
  database: string,
): Promise<{ pair: ReplicatedPostgres; urls: { primary: string; standby: string } }> {
  requireSystemTool(suite, debianPostgresAvailable(), "Debian's PostgreSQL server (pg_basebackup)", "apt-get install postgresql");
  const pair = await startReplicatedPostgres(label);
  try {
    const urls = replicatedDatabaseUrls(pair, database);
    await ensureDatabase(urls.primary);
    await pair.waitForReplay();
    return { pair, urls };
  } catch (error) {
    await pair.stop();
    throw error;
  }
}
