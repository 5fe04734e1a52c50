import { envOptional, redactUrl } from "@camau/shared";
import { createClient, RedisClientType } from "redis";

/**
 * The Redis server the gateway's replicas share (REDIS_URL): persisted queries, the response
 * cache and the fair-use budgets live there, so a client sees the same state whichever replica
 * answers. Without REDIS_URL they stay in the process's memory (one replica, `npm start`).
 *
 * An unreachable Redis never stops the gateway: the client keeps reconnecting in the
 * background, commands fail at once while it is offline (no queue that would hold a request),
 * and their callers treat a failure as a miss. The outage is logged once, and its end once.
 */

let client: RedisClientType | undefined;

/**
 * Longest a caller waits for a Redis command before it answers without it (from memory, or as a
 * miss): a connected but hung Redis never fails its commands by itself.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/** Backoff between reconnection attempts: 50 ms doubling up to 2 s, for ever. */
const reconnectDelayMs = (retries: number): number => Math.min(50 * 2 ** retries, 2_000);

/** A client for `url`, connecting (and reconnecting) in the background; `log` says when it goes down or comes back. */
export function createRedisClient(url: string, log: (line: string) => void = (line) => process.stderr.write(`[gateway] ${line}\n`)): RedisClientType {
  const redis = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelayMs },
  }) as RedisClientType;
  let down = false;
  redis.on("error", (error: unknown) => {
    if (down) return;
    down = true;
    // The URL may hold a password: logged redacted.
    log(`Redis at ${redactUrl(url)} unavailable (${error instanceof Error ? error.message : String(error)}); shared caches answer as misses until it is back`);
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    log(`Redis at ${redactUrl(url)} available again`);
  });
  // Rejects only when closed before it ever connected; the reconnect strategy handles the rest.
  redis.connect().catch(() => undefined);
  return redis;
}

/** The process's one Redis client, created from REDIS_URL on first use; undefined without REDIS_URL. */
export function sharedRedis(): RedisClientType | undefined {
  if (client) return client;
  const url = envOptional("REDIS_URL");
  if (!url) return undefined;
  client = createRedisClient(url);
  return client;
}

/** Closes a client: waits for the commands sent when connected, drops the reconnection loop otherwise. */
export async function closeRedisClient(redis: RedisClientType): Promise<void> {
  if (!redis.isOpen) return;
  if (redis.isReady) await redis.close().catch(() => redis.destroy());
  else redis.destroy();
}

/** Closes the shared client (at process exit); the next sharedRedis() would open a new one. */
export async function closeSharedRedis(): Promise<void> {
  const closing = client;
  client = undefined;
  if (closing) await closeRedisClient(closing);
}
