import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { serverUser, spawnAsServerUser, stopChild } from "./debianPostgres";
import { freePort } from "./testDatabase";

/** A PgBouncer in front of one PostgreSQL server, for tests. */
export interface RunningPgBouncer {
  /** Server URL through PgBouncer (database `postgres`); use withDatabase for another database. */
  readonly url: string;
  /** Stops PgBouncer and deletes its folder. */
  stop(): Promise<void>;
}

const PGBOUNCER = "/usr/sbin/pgbouncer";
const READY_TIMEOUT_MS = 15_000;

/**
 * Starts Debian's PgBouncer (apt-get install pgbouncer) on a free loopback port in front of
 * `serverUrl`, every database passed through, in transaction pooling mode unless asked
 * otherwise. Authentication is `trust` on loopback: a test server. PgBouncer refuses to run as
 * root: as root it runs as the postgres system user, like the servers of these tests.
 */
export async function startPgBouncer(serverUrl: string, options: { poolMode?: "transaction" | "session" } = {}): Promise<RunningPgBouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} not found: apt-get install pgbouncer`);
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password);
  const dir = path.resolve(process.cwd(), ".test-data", `pgbouncer-${process.pid}-${randomBytes(3).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const ini = [
    "[databases]",
    `* = host=${server.hostname} port=${server.port || 5432} user=${user}${password ? ` password=${quote(password)}` : ""}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = trust",
    `auth_file = ${path.join(dir, "userlist.txt")}`,
    `pool_mode = ${options.poolMode ?? "transaction"}`,
    "max_client_conn = 200",
    "default_pool_size = 20",
    "logfile =",
    `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
    "",
  ].join("\n");
  await writeFile(path.join(dir, "pgbouncer.ini"), ini);
  // With trust the user must still be listed.
  await writeFile(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  const owner = serverUser();
  if (owner) for (const file of ["", "pgbouncer.ini", "userlist.txt"]) await chown(path.join(dir, file), owner.uid, owner.gid);
  let output = "";
  const child = spawnAsServerUser(PGBOUNCER, [path.join(dir, "pgbouncer.ini")], (text) => (output = (output + text).slice(-4000)));
  const stop = async () => {
    await stopChild(child, "SIGINT");
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(port, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const url = new URL(serverUrl);
  url.port = String(port);
  url.hostname = "127.0.0.1";
  return { url: url.toString(), stop };
}

async function waitUntilListening(port: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error("PgBouncer exited while starting");
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`PgBouncer not listening on ${port} after ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
