import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { freePort } from "@camau/shared";
import { Client } from "pg";

/**
 * A primary PostgreSQL server and a streaming standby, for the multi-replica proof only.
 *
 * Stand-in with the same shape as shared's `startReplicatedPostgres()` (a primary, a standby made
 * by `pg_basebackup -R`, `waitForReplay`, `stopPrimary`, `stop`): once both are on one branch, the
 * proof imports the shared one and this file goes.
 */
export interface ReplicatedPostgres {
  /** Server URL of the primary (database `postgres`): writes and migrations go here. */
  readonly primaryUrl: string;
  /** Server URL of the read-only standby (database `postgres`). */
  readonly standbyUrl: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(): Promise<void>;
  /** Fast shutdown of the primary only (what `pg_ctl stop -m fast` sends): the standby keeps serving reads. */
  stopPrimary(): Promise<void>;
  /** Stops both servers and deletes their data folders. */
  stop(): Promise<void>;
}

const USER = "postgres";
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 15_000;

/** The newest major version of Debian's postgresql package (`apt-get install postgresql`). */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "pg_basebackup"))) : [];
  if (!versions.length) throw new Error("PostgreSQL server tools not found under /usr/lib/postgresql: apt-get install postgresql");
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

/** PostgreSQL refuses to run as root: as root its tools run as Debian's `postgres` system user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync("id", ["-u", USER]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", USER]).toString().trim()),
  };
}

function runTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir(), tool), args, { stdio: ["ignore", "pipe", "pipe"], ...serverUser() });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(" ")} failed (${code}): ${output}`))));
  });
}

/** SIGINT is PostgreSQL's fast shutdown; SIGKILL when it has not exited within the grace period. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), STOP_GRACE_MS)));
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    child.kill("SIGKILL");
    await exited;
  }
}

async function waitUntilAccepting(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`PostgreSQL exited while starting:\n${output()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} not ready within ${READY_TIMEOUT_MS} ms: ${(error as Error).message}\n${output()}`);
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
    const target = (await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0].lsn;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const replayed = await standby.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [target]);
      if (replayed.rows[0].done) return;
      if (Date.now() > deadline) throw new Error(`the standby has not replayed ${target} within ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await Promise.all([primary.end(), standby.end()]);
  }
}

/** Starts the pair on free loopback ports, data under .test-data/<label>-<pid>-<random>. Always call stop(). */
export async function startReplicatedPostgres(label = "replicated"): Promise<ReplicatedPostgres> {
  const ports = { primary: await freePort(), standby: await freePort() };
  const root = path.resolve(process.cwd(), ".test-data", `${label}-${process.pid}-${randomBytes(3).toString("hex")}`);
  const user = serverUser();
  await mkdir(root, { recursive: true });
  if (user) await chown(root, user.uid, user.gid);
  const lines: string[] = [];
  const output = () => lines.join("");
  const servers: ChildProcess[] = [];
  const start = (dataDir: string, port: number) => {
    // No Unix socket (its default folder may be missing or not writable): everything uses TCP.
    const child = spawn(
      path.join(binDir(), "postgres"),
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=off"],
      { stdio: ["ignore", "pipe", "pipe"], ...user },
    );
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        lines.push(String(chunk));
        if (lines.length > 200) lines.shift();
      });
    }
    servers.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(servers.map(stopServer));
    await rm(root, { recursive: true, force: true });
  };
  try {
    const primaryDir = path.join(root, "primary");
    const standbyDir = path.join(root, "standby");
    await runTool("initdb", ["-D", primaryDir, "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    const primary = start(primaryDir, ports.primary);
    const primaryUrl = `postgres://${USER}@127.0.0.1:${ports.primary}/postgres`;
    await waitUntilAccepting(primaryUrl, primary, output);
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
    await runTool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(ports.primary), "-U", USER, "-D", standbyDir, "-R", "-X", "stream", "-c", "fast"]);
    const standby = start(standbyDir, ports.standby);
    const standbyUrl = `postgres://${USER}@127.0.0.1:${ports.standby}/postgres`;
    await waitUntilAccepting(standbyUrl, standby, output);
    return {
      primaryUrl,
      standbyUrl,
      waitForReplay: () => waitForReplay(primaryUrl, standbyUrl),
      stopPrimary: () => stopServer(primary),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
