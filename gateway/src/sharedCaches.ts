import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { InMemoryLRUCache, KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import { createHash } from "node:crypto";
import type { RedisClientType } from "redis";
import { REDIS_COMMAND_TIMEOUT_MS } from "./redis";

/**
 * The caches whose entries a client must find on whichever replica answers: the automatic
 * persisted queries (a hash registered through one replica is asked for through another) and
 * the response cache. In Redis when the gateway has one (REDIS_URL), in the process otherwise.
 */
export interface SharedCaches {
  /** Apollo's `persistedQueries.cache`: query hash -> query text. */
  persistedQueries: KeyValueCache<string>;
  /** responseCache.ts: request key -> serialized answer. */
  responses: KeyValueCache<string>;
}

/**
 * A Redis command that has not answered within this bound (a hung or overloaded Redis) counts as
 * a miss: the cache must never make an answer slower than computing it.
 */
const REDIS_CACHE_TIMEOUT_MS = REDIS_COMMAND_TIMEOUT_MS;

/**
 * How long a registered persisted query is kept (Apollo sets it again whenever a client sends
 * the document after a miss). Any client may register queries, so in Redis, which has no size
 * bound of its own unless configured with one, every entry must expire: a flood of distinct
 * documents ages out instead of filling it. In memory the LRU bounds them anyway.
 */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

/** The first 16 hex digits of the supergraph's SHA-256: a new schema starts on a fresh key space. */
export function schemaHashOf(supergraphSdl: string): string {
  return createHash("sha256").update(supergraphSdl).digest("hex").slice(0, 16);
}

/** Logs a cache failure at most once a minute: an outage must not flood the log. */
function rateLimitedLog(log: (line: string) => void): (what: string, error: unknown) => void {
  let last = 0;
  return (what, error) => {
    const now = Date.now();
    if (now - last < 60_000) return;
    last = now;
    log(`${what} failed, answered as a miss: ${error instanceof Error ? error.message : String(error)}`);
  };
}

/**
 * Wraps a remote cache so that it can only be slow by REDIS_CACHE_TIMEOUT_MS and never fails:
 * a read that errs or times out is a miss, a write or delete that errs is dropped.
 */
export class DegradingCache<V = string> implements KeyValueCache<V> {
  constructor(
    private readonly inner: KeyValueCache<V>,
    private readonly report: (what: string, error: unknown) => void,
    private readonly timeoutMs = REDIS_CACHE_TIMEOUT_MS,
  ) {}

  private bounded<T>(what: string, work: Promise<T>, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<T>((resolve) => {
      timer = setTimeout(() => {
        this.report(what, new Error(`no answer within ${this.timeoutMs} ms`));
        resolve(fallback);
      }, this.timeoutMs);
      timer.unref();
    });
    const done = work.then(
      (value) => value,
      (error: unknown) => {
        this.report(what, error);
        return fallback;
      },
    );
    return Promise.race([done, timeout]).finally(() => clearTimeout(timer));
  }

  get(key: string): Promise<V | undefined> {
    return this.bounded("cache read", Promise.resolve().then(() => this.inner.get(key)), undefined);
  }
  async set(key: string, value: V, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.bounded("cache write", Promise.resolve().then(() => this.inner.set(key, value, options)), undefined);
  }
  delete(key: string): Promise<boolean | void> {
    return this.bounded("cache delete", Promise.resolve().then(() => this.inner.delete(key)), false);
  }
}

/** One Keyv namespace on the shared Redis client, through Apollo's Keyv adapter. */
function redisCache(redis: RedisClientType, namespace: string, report: (what: string, error: unknown) => void): KeyValueCache<string> {
  // Both report the same failures (the store's errors are re-emitted by Keyv); one listener each,
  // since an error event without a listener would throw.
  const store = new KeyvRedis(redis);
  store.on("error", (error: unknown) => report(`Redis (${namespace})`, error));
  const keyv = new Keyv<string>({ store, namespace, useKeyPrefix: false });
  keyv.on("error", () => undefined);
  return new DegradingCache(new KeyvAdapter<string>(keyv), report);
}

/**
 * The caches of one gateway. The persisted-query keys need no schema in their prefix: a query's
 * text is addressed by its own hash and does not depend on the schema (a document that no longer
 * validates fails validation as if it had been sent in full). Answers do depend on it, so their
 * prefix carries the supergraph's hash and replicas of two versions never serve each other's.
 */
export function createSharedCaches(options: { redis?: RedisClientType; supergraphSdl: string; responseMaxEntries: number; log?: (line: string) => void }): SharedCaches {
  if (!options.redis) {
    return {
      // Apollo's own default for persisted queries (about 30 MiB of query text).
      persistedQueries: new InMemoryLRUCache<string>(),
      responses: new InMemoryLRUCache<string>({ max: options.responseMaxEntries }),
    };
  }
  const report = rateLimitedLog(options.log ?? ((line) => process.stderr.write(`[gateway] ${line}\n`)));
  return {
    persistedQueries: redisCache(options.redis, "camau:apq", report),
    responses: redisCache(options.redis, `camau:response:${schemaHashOf(options.supergraphSdl)}`, report),
  };
}
