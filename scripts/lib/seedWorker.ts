import { SubgraphDefinition } from "@camau/shared";
import v8 from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { seedSubgraph } from "./seedAll";

/** One subgraph's `npm run seed` in a worker thread (see seedAll): messages carry its log lines. */
const data = workerData as { definition: SubgraphDefinition; databaseUrl: string; scale: number; seed?: number; registry: SharedArrayBuffer };
const log = (line: string) => parentPort!.postMessage({ log: line });

// Ends on its own once the database pool is closed; the timers only guard against a stray handle
// (and let the last message reach the parent first).
// The registry's part, serialized once by the main thread for every worker (registryForWorkers).
const registry = v8.deserialize(Buffer.from(data.registry)) as { cooperatives: unknown[]; events: unknown[] };

seedSubgraph(data.definition, data.databaseUrl, { scale: data.scale, seed: data.seed, registry, log }).then(
  () => {
    setTimeout(() => process.exit(0), 2_000).unref();
  },
  (error: unknown) => {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 2_000).unref();
  },
);
