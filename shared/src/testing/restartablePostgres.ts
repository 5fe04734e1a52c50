import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { EmbeddedServer, startEmbeddedPostgres } from "../db/embeddedPostgres";
import { freePort } from "./testDatabase";

/** A PostgreSQL server of its own that a fault test can stop and start again (same data folder and port). */
export interface RestartablePostgres extends EmbeddedServer {
  /** Its data folder (postmaster.pid there names the server's process). */
  readonly dataDir: string;
  /** Stops it for good and deletes its data folder. */
  remove(): Promise<void>;
}

/**
 * A throwaway embedded cluster for fault tests, apart from the shared test server so that
 * stopping it disturbs no other suite. Kept "persistent" so stop() leaves its files for start().
 */
export async function startRestartablePostgres(label: string): Promise<RestartablePostgres> {
  const dataDir = path.resolve(process.cwd(), ".test-data", `restartable-${label}-${process.pid}-${randomBytes(3).toString("hex")}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
  return {
    url: server.url,
    dataDir,
    stop: () => server.stop(),
    start: () => server.start(),
    remove: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
