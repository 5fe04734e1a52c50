import { envOptional } from "@camau/shared";
import { createClient, RedisClientType } from "redis";

let client: RedisClientType | undefined;

/**
 * The gateway process's one Redis client (REDIS_URL), created and connected on first use; undefined
 * without REDIS_URL, in which case whoever asks keeps its state in memory. The persisted-query
 * store, the response cache and the fair-use budgets share it.
 */
export function sharedRedis(): RedisClientType | undefined {
  const url = envOptional("REDIS_URL");
  if (!url) return undefined;
  if (!client) {
    const created: RedisClientType = createClient({ url });
    // node-redis reconnects by itself; without a listener an error event would crash the process.
    created.on("error", (error: Error) => process.stderr.write(`[gateway] redis: ${error.message}\n`));
    created.connect().catch((error: Error) => process.stderr.write(`[gateway] redis: cannot connect: ${error.message}\n`));
    client = created;
  }
  return client;
}

/** Closes the shared client (on shutdown); the next sharedRedis() creates a new one. */
export async function closeSharedRedis(): Promise<void> {
  const closing = client;
  client = undefined;
  if (closing?.isOpen) await closing.close();
  else closing?.destroy();
}
