import v8 from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { loadAndClose, openMigrated, SeedWorkerData } from "./seedAll";

/**
 * One subgraph's `npm run seed` in a worker thread (see seedAll): it migrates its database at once,
 * while the main thread generates the registry's dataset, then waits for the registry's part
 * (serialized once by the main thread for every worker: registryForWorkers) to generate and load
 * its own data. Messages carry its log lines.
 */
const data = workerData as SeedWorkerData;
const log = (line: string) => parentPort!.postMessage({ log: line });

async function run(): Promise<void> {
  const dataSource = await openMigrated(data.definition, data.databaseUrl, log);
  if (data.migrateOnly) {
    await dataSource.destroy();
    return;
  }
  const shared = await new Promise<SharedArrayBuffer>((resolve) => parentPort!.once("message", (message: { registry: SharedArrayBuffer }) => resolve(message.registry)));
  const registry = v8.deserialize(Buffer.from(shared)) as { cooperatives: unknown[]; events: unknown[] };
  await loadAndClose(data.definition, dataSource, { scale: data.scale, seed: data.seed, registry, log });
}

// Ends on its own once the database pool is closed; the timers only guard against a stray handle
// (and let the last message reach the parent first).
run().then(
  () => {
    setTimeout(() => process.exit(0), 2_000).unref();
  },
  (error: unknown) => {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 2_000).unref();
  },
);
