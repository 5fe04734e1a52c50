import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { withDatabase } from "../db/databaseUrls";
import { ensureDatabase } from "../db/ensureDatabase";
import { EmbeddedServer, startEmbeddedPostgres } from "../db/embeddedPostgres";

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let embedded: Promise<EmbeddedServer> | undefined;
let embeddedDir: string | undefined;

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL when set, otherwise one embedded
 * cluster per test process, started on first use under .test-data/ and removed at the end.
 */
export async function testServerUrl(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  embedded ??= (async () => {
    embeddedDir = path.resolve(process.cwd(), ".test-data", `pg-${process.pid}-${randomBytes(3).toString("hex")}`);
    return startEmbeddedPostgres({ dataDir: embeddedDir, port: await freePort(), persistent: false });
  })();
  return (await embedded).url;
}

/** A new, empty database on the test server; each suite gets its own so suites run in any order. */
export async function freshDatabase(label: string): Promise<string> {
  const name = `test_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase().slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(await testServerUrl(), name);
  await ensureDatabase(url);
  return url;
}


/** Stops the embedded test cluster (mocha root hook). */
export async function stopTestServer(): Promise<void> {
  if (!embedded) return;
  const server = await embedded;
  embedded = undefined;
  await server.stop();
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
}
