import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import ApolloServerPluginResponseCache from "@apollo/server-plugin-response-cache";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { envInt } from "@camau/shared";
import { Kind, OperationDefinitionNode } from "graphql";
import { CachePolicy } from "./cachePolicy";
import { GatewayContext } from "./context";

/**
 * A short-lived cache of whole answers for the public portal's expensive aggregates.
 *
 * What it caches, and why that is safe: only queries sent without Authorization (the anonymous
 * public portal, which can write nothing, so it has no write of its own to read back), whose
 * root fields are all public aggregates: the root fields the subgraphs hint in the report tier
 * (`@cacheControl(maxAge: 300)`: the semi-annual report, the published figures and the fund's
 * portfolio, figures over whole tables that cost seconds at national scale and change only when
 * officers record something; shared caches may already keep them that long), and only answers
 * without errors. An answer is at most RESPONSE_CACHE_TTL_MS old (0, the default, turns the cache off);
 * signed-in users always get live figures. Answers carry `x-response-cache: hit|miss`, hits `age`.
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

/** The root fields of the report tier in the supergraph's cache policy: the public aggregates. */
export function cachedRootFields(policy: CachePolicy): Set<string> {
  const fields = new Set<string>();
  for (const [coordinate, tier] of Object.entries(policy)) if (tier === "report" && coordinate.startsWith("Query.")) fields.add(coordinate.slice("Query.".length));
  return fields;
}

/** RESPONSE_CACHE_TTL_MS (default 0: off), RESPONSE_CACHE_MAX_ENTRIES (1000); the fields from the supergraph's cache policy. */
export function responseCacheOptionsFromEnvironment(policy: CachePolicy): ResponseCacheOptions {
  const ttlMs = envInt("RESPONSE_CACHE_TTL_MS", 0);
  const maxEntries = envInt("RESPONSE_CACHE_MAX_ENTRIES", 1000);
  if (ttlMs < 0 || maxEntries < 1) throw new Error("RESPONSE_CACHE_TTL_MS must be >= 0 and RESPONSE_CACHE_MAX_ENTRIES >= 1");
  return { ttlMs, maxEntries, fields: cachedRootFields(policy) };
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

/**
 * Apollo's response-cache plugin, told which answers it may keep: it reads and writes only when
 * `cacheable` says so, and stores an answer for the TTL, given to it as the operation's cache
 * policy (the gateway's Cache-Control header is decided apart, by cacheControlPlugin.ts, and Apollo's
 * own cache-control plugin is off, so this policy serves the response cache only). A third hook
 * marks answers `x-response-cache: hit|miss` (Apollo adds `age` to hits).
 *
 * Measured against the hand-written cache it replaced (docs/performance.md): the same speed within
 * a loaded machine's noise, 0.38-0.63 ms of gateway CPU per hit either way (ratios 0.89-1.20).
 */
export function responseCachePlugins(options: ResponseCacheOptions, cache: KeyValueCache<string>): ApolloServerPlugin<GatewayContext>[] {
  if (options.ttlMs <= 0) return [];
  // Whole seconds, as the stores count them: an answer may be served up to a second past the TTL.
  const maxAge = Math.ceil(options.ttlMs / 1000);
  // Asked by four hooks per request: decided once.
  const decided = new WeakMap<object, boolean>();
  const cacheable = async ({ request, operation, contextValue }: GraphQLRequestContext<GatewayContext>): Promise<boolean> => {
    let verdict = decided.get(request);
    if (verdict === undefined) {
      verdict = operation?.operation === "query" && !contextValue.authorization && onlyCacheableRootFields(operation, options.fields);
      decided.set(request, verdict);
    }
    return verdict;
  };
  const policy: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          if (await cacheable(requestContext)) requestContext.overallCachePolicy.replace({ maxAge, scope: "PUBLIC" });
        },
        async willSendResponse(requestContext) {
          if (requestContext.metrics.responseCacheHit) requestContext.response.http.headers.set("x-response-cache", "hit");
          else if (await cacheable(requestContext)) requestContext.response.http.headers.set("x-response-cache", "miss");
        },
      };
    },
  };
  return [policy, ApolloServerPluginResponseCache<GatewayContext>({ cache, shouldReadFromCache: cacheable, shouldWriteToCache: cacheable })];
}
