import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { envInt, envOptional } from "@camau/shared";
import { Kind, OperationDefinitionNode } from "graphql";
import { createHash } from "node:crypto";
import { GatewayContext } from "./context";

/**
 * A short-lived cache of whole answers for the public portal's expensive aggregates.
 *
 * What it caches, and why that is safe: only queries sent without Authorization (the anonymous
 * public portal, which can write nothing, so it has no write of its own to read back), whose
 * root fields are all public aggregates listed in RESPONSE_CACHE_FIELDS (by default the
 * semi-annual report and the fund's portfolio: figures over whole tables that cost seconds at
 * national scale and change only when officers record something), and only answers without
 * errors. An answer is at most RESPONSE_CACHE_TTL_MS old (0, the default, turns the cache off);
 * signed-in users always get live figures. Answers carry `age` and `x-response-cache: hit|miss`.
 *
 * The answers live in a KeyValueCache (sharedCaches.ts): Redis shared by every replica when the
 * gateway has REDIS_URL, else an LRU of RESPONSE_CACHE_MAX_ENTRIES answers in this process.
 * A cache that fails is a miss: the answer is computed.
 */

export interface ResponseCacheOptions {
  /** How long an answer is served again, in milliseconds; 0 disables the cache. */
  ttlMs: number;
  /** Most answers kept in memory (least recently used go first); Redis keeps them until their TTL. */
  maxEntries: number;
  /** Root fields whose anonymous answers may be cached. */
  fields: ReadonlySet<string>;
}

export const DEFAULT_CACHED_FIELDS = ["collectiveEconomyReport", "fundPortfolio"] as const;

/** RESPONSE_CACHE_TTL_MS (default 0: off), RESPONSE_CACHE_MAX_ENTRIES (1000), RESPONSE_CACHE_FIELDS (comma-separated). */
export function responseCacheOptionsFromEnvironment(): ResponseCacheOptions {
  const ttlMs = envInt("RESPONSE_CACHE_TTL_MS", 0);
  const maxEntries = envInt("RESPONSE_CACHE_MAX_ENTRIES", 1000);
  if (ttlMs < 0 || maxEntries < 1) throw new Error("RESPONSE_CACHE_TTL_MS must be >= 0 and RESPONSE_CACHE_MAX_ENTRIES >= 1");
  const fields = (envOptional("RESPONSE_CACHE_FIELDS") ?? DEFAULT_CACHED_FIELDS.join(","))
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return { ttlMs, maxEntries, fields: new Set(fields) };
}

/** Whether every root selection of the operation is a listed field (or __typename), with no fragments at the root. */
function onlyCacheableRootFields(operation: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  let any = false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return false;
    if (selection.name.value === "__typename") continue;
    if (!fields.has(selection.name.value)) return false;
    any = true;
  }
  return any;
}

interface Entry {
  data: Record<string, unknown>;
  storedAt: number;
}

/** Hashed, so that a long document or large variables make a short key. */
function keyOf(query: string | undefined, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return createHash("sha256")
    .update(JSON.stringify([query, operationName ?? null, variables ?? {}]))
    .digest("base64url");
}

export function responseCachePlugin(options: ResponseCacheOptions, cache: KeyValueCache<string>): ApolloServerPlugin<GatewayContext> {
  // Stored a little longer than the TTL (whole seconds); the age check below is exact.
  const ttlSeconds = Math.ceil(options.ttlMs / 1000);
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext> | void> {
      if (options.ttlMs <= 0) return;
      let key: string | undefined;
      return {
        async responseForOperation({ request, operation, contextValue }) {
          if (operation.operation !== "query" || contextValue.authorization || !onlyCacheableRootFields(operation, options.fields)) return null;
          key = keyOf(request.query, request.operationName, request.variables);
          const stored = await cache.get(key);
          if (stored === undefined) return null;
          const entry = JSON.parse(stored) as Entry;
          const age = Date.now() - entry.storedAt;
          if (age > options.ttlMs || age < 0) return null;
          const headers = new HeaderMap([
            ["x-response-cache", "hit"],
            ["age", String(Math.floor(age / 1000))],
          ]);
          key = undefined; // nothing to store
          return { http: { status: undefined, headers }, body: { kind: "single", singleResult: { data: entry.data } } };
        },
        async willSendResponse({ response }) {
          if (key === undefined) return;
          response.http.headers.set("x-response-cache", "miss");
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length || !response.body.singleResult.data) return;
          const entry: Entry = { data: response.body.singleResult.data, storedAt: Date.now() };
          await cache.set(key, JSON.stringify(entry), { ttl: ttlSeconds });
        },
      };
    },
  };
}
