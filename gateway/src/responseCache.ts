import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { envInt, envOptional } from "@camau/shared";
import { Kind, OperationDefinitionNode } from "graphql";
import { GatewayContext } from "./context";

/**
 * A short-lived cache of whole answers for the public portal's expensive aggregates (issue 8).
 *
 * What it caches, and why that is safe: only queries sent without Authorization (the anonymous
 * public portal, which can write nothing, so it has no write of its own to read back), whose
 * root fields are all public aggregates listed in RESPONSE_CACHE_FIELDS (by default the
 * semi-annual report and the fund's portfolio: figures over whole tables that cost seconds at
 * national scale and change only when officers record something), and only answers without
 * errors. An answer is at most RESPONSE_CACHE_TTL_MS old (0, the default, turns the cache off);
 * signed-in users always get live figures. Answers carry `age` and `x-response-cache: hit|miss`.
 */

export interface ResponseCacheOptions {
  /** How long an answer is served again, in milliseconds; 0 disables the cache. */
  ttlMs: number;
  /** Most answers kept (least recently stored go first). */
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

export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const entries = new Map<string, Entry>();
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext> | void> {
      if (options.ttlMs <= 0) return;
      let key: string | undefined;
      return {
        async responseForOperation({ request, operation, contextValue }) {
          if (operation.operation !== "query" || contextValue.authorization || !onlyCacheableRootFields(operation, options.fields)) return null;
          key = JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]);
          const entry = entries.get(key);
          if (!entry) return null;
          const age = Date.now() - entry.storedAt;
          if (age > options.ttlMs) {
            entries.delete(key);
            return null;
          }
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
          entries.delete(key);
          entries.set(key, { data: response.body.singleResult.data, storedAt: Date.now() });
          while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
        },
      };
    },
  };
}
