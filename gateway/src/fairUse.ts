import { ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { envBool, envInt, envOptional, ErrorCode, Role } from "@camau/shared";
import { DocumentNode, GraphQLError, Kind, OperationDefinitionNode, print } from "graphql";
import type http from "node:http";
import { isIP } from "node:net";
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { GatewayContext } from "./context";
import { documentMemo } from "./documentMemo";
import { operationCost } from "./limits";
import type { RedisClientType } from "redis";
import { REDIS_COMMAND_TIMEOUT_MS, sharedRedis } from "./redis";

/**
 * Fair use of the public endpoint: each client (its token's subject when signed in, else its
 * address) has a budget of query cost per time window, the cost being the one the cost limit
 * computes (limits.ts), and may run only a few expensive operations at once. A client over either
 * gets HTTP 429 with Retry-After and a RATE_LIMITED error, before any subgraph is called; other
 * clients are not affected. Budgets live in memory, or in Redis (REDIS_URL) so that every gateway
 * replica counts the same; if Redis fails, each replica falls back to its own memory.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | FAIR_USE | true | false turns the budgets off |
 * | FAIR_USE_COST_PER_WINDOW | 200000 | query cost a client may spend per window (≥ GRAPHQL_MAX_COST) |
 * | FAIR_USE_WINDOW_S | 60 | the window, in seconds |
 * | FAIR_USE_EXPENSIVE_COST | 10000 | operations costing at least this count as expensive |
 * | FAIR_USE_AGGREGATE_FIELDS | collectiveEconomyReport,fundPortfolio | root fields computed from whole tables: an operation selecting one is expensive |
 * | FAIR_USE_AGGREGATE_COST | 2000 | added to the cost for each distinct (field, arguments) of those fields |
 * | FAIR_USE_MAX_CONCURRENT_EXPENSIVE | 2 | expensive operations a client may have in flight at once |
 * | FAIR_USE_MAX_CONCURRENT_ANONYMOUS_EXPENSIVE | 4 | expensive operations all anonymous clients together may have in flight (per replica, or across replicas with Redis) |
 * | TRUST_PROXY | 0 | proxies in front of the gateway whose X-Forwarded-For is believed (0: none) |
 */
export interface FairUseSettings {
  enabled: boolean;
  costPerWindow: number;
  windowSeconds: number;
  expensiveCost: number;
  maxConcurrentExpensive: number;
  maxConcurrentAnonymousExpensive: number;
  aggregateFields: readonly string[];
  aggregateCost: number;
}

export function fairUseSettingsFromEnvironment(overrides: Partial<FairUseSettings> = {}): FairUseSettings {
  return {
    enabled: envBool("FAIR_USE", true),
    costPerWindow: envInt("FAIR_USE_COST_PER_WINDOW", 200_000),
    windowSeconds: envInt("FAIR_USE_WINDOW_S", 60),
    // The portal's everyday screens cost about 2,000 (a list page of 20 with its nested fields: 1,900;
    // a profile: 2,100) and are a few indexed statements each: counting them as expensive would let
    // four anonymous readers at a time use the public site. Aggregates count whatever their cost.
    expensiveCost: envInt("FAIR_USE_EXPENSIVE_COST", 10_000),
    maxConcurrentExpensive: envInt("FAIR_USE_MAX_CONCURRENT_EXPENSIVE", 2),
    maxConcurrentAnonymousExpensive: envInt("FAIR_USE_MAX_CONCURRENT_ANONYMOUS_EXPENSIVE", 4),
    aggregateFields: (envOptional("FAIR_USE_AGGREGATE_FIELDS") ?? "collectiveEconomyReport,fundPortfolio").split(",").map((f) => f.trim()).filter(Boolean),
    aggregateCost: envInt("FAIR_USE_AGGREGATE_COST", 2_000),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

/** How many proxies in front of the gateway append to X-Forwarded-For (TRUST_PROXY; 0, the default: none). */
export function trustedProxyHops(): number {
  const raw = process.env.TRUST_PROXY;
  if (raw === undefined || raw === "" || raw === "false") return 0;
  if (raw === "true") return 1;
  const hops = Number(raw);
  if (!Number.isSafeInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be false, true or a number of proxies, got "${raw}"`);
  return hops;
}

/**
 * The client's address: the socket's peer, or, behind `hops` trusted proxies, the address the
 * outermost of them saw (X-Forwarded-For read from the right: entries further left were written
 * by the client itself and can be anything).
 */
export function clientAddressOf(req: http.IncomingMessage, hops = trustedProxyHops()): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (hops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = forwarded[forwarded.length - hops];
  return candidate && isIP(candidate) ? candidate : peer;
}

/** Whose budget a request spends: the token's subject, else the client's address. */
export function clientKeyOf(context: GatewayContext): string {
  return context.viewer.role === Role.ANONYMOUS ? `address:${context.clientAddress}` : `subject:${context.viewer.subject}`;
}

/**
 * The aggregate computations an operation asks for: its root fields among `fields`, counted once
 * per distinct arguments (the subgraphs compute aliases of the same period once per request),
 * keyed by operation name. The cost rule weighs a report like any object of a few numbers, while
 * each one is whole-table SQL in several subgraphs.
 */
const aggregatesOf = documentMemo((document: DocumentNode) => {
  const byOperation = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const keys = (definition as OperationDefinitionNode).selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [`${s.name.value}(${(s.arguments ?? []).map((a) => `${a.name.value}:${print(a.value)}`).join(",")})`] : [],
    );
    byOperation.set(definition.name?.value ?? "", keys);
  }
  return byOperation;
});

function aggregateCount(keys: readonly string[] | undefined, fields: readonly string[]): number {
  return new Set((keys ?? []).filter((key) => fields.includes(key.slice(0, key.indexOf("("))))).size;
}

function rateLimited(msBeforeNext: number, what: string): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`Too many requests: ${what}. Retry after ${seconds} s.`, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds, http: { status: 429, headers: new HeaderMap([["retry-after", String(seconds)]]) } },
  });
}

/** What the plugin needs of a limiter: spend points, or give them back. */
interface Budget {
  consume(key: string, points: number): Promise<RateLimiterRes>;
  reward(key: string, points: number): Promise<unknown>;
}

const LATE = Symbol("late");

/**
 * A budget in Redis that can only be slow by REDIS_COMMAND_TIMEOUT_MS: a connected but hung Redis
 * (paused, overloaded) would otherwise hold every request. Past the bound, or on an error, this
 * replica counts in its own memory (the insurance limiter) until Redis answers again. A refusal
 * (RateLimiterRes) is an answer, not a failure, and passes through.
 */
function boundedBudget(redisLimiter: RateLimiterAbstract, memory: RateLimiterAbstract): Budget {
  const bounded = <T>(work: Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(() => resolve(LATE), REDIS_COMMAND_TIMEOUT_MS);
      timer.unref();
    });
    work.catch(() => undefined); // a late failure is already answered by the fallback
    return Promise.race([work, late])
      .then((value) => (value === LATE ? fallback() : value))
      .finally(() => clearTimeout(timer));
  };
  return {
    consume: (key, points) => bounded(redisLimiter.consume(key, points), () => memory.consume(key, points)),
    reward: (key, points) => bounded(redisLimiter.reward(key, points), () => memory.reward(key, points)),
  };
}

function limiter(keyPrefix: string, points: number, duration: number, redis: RedisClientType | undefined): Budget {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!redis) return memory;
  return boundedBudget(new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix: `camau:fair-use:${keyPrefix}`, points, duration, insuranceLimiter: memory }), memory);
}

/**
 * The budgets themselves, shared by the GraphQL plugin and the open-data downloads: `admit`
 * takes an expensive operation's slots (the client's and, for anonymous clients, the public's)
 * and spends `cost`, or refuses with RATE_LIMITED having taken nothing; the caller gives the
 * slots back with the returned function once the answer is sent.
 */
export interface FairUse {
  readonly settings: FairUseSettings;
  admit(key: string, anonymous: boolean, cost: number, expensive: boolean): Promise<() => Promise<void>>;
}

export function createFairUse(
  settings: FairUseSettings = fairUseSettingsFromEnvironment(),
  // The gateway's shared Redis client (REDIS_URL) by default; undefined keeps budgets in memory.
  redis: RedisClientType | undefined = sharedRedis(),
): FairUse {
  const budget = limiter("cost", settings.costPerWindow, settings.windowSeconds, redis);
  // A slot is given back when the answer goes out; the duration only frees slots a crashed
  // replica never gave back.
  const slots = limiter("expensive", settings.maxConcurrentExpensive, 60, redis);
  // Addresses are cheap to come by (many machines, or forged X-Forwarded-For past a lax proxy):
  // the public as a whole also shares a few slots, so a flood of "different" anonymous clients
  // cannot take the capacity signed-in users and cheap queries need.
  const anonymousSlots = limiter("anonymous-expensive", settings.maxConcurrentAnonymousExpensive, 60, redis);
  const ANONYMOUS = "all";
  return {
    settings,
    async admit(key, anonymous, cost, expensive) {
      let release = async () => undefined as void;
      const take = async (pool: Budget, slotKey: string, what: string) => {
        try {
          await pool.consume(slotKey, 1);
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          await pool.reward(slotKey, 1); // the refused attempt holds no slot
          throw rateLimited(1000, what);
        }
        const previous = release;
        release = async () => {
          await pool.reward(slotKey, 1);
          await previous();
        };
      };
      try {
        // The slot first: an operation refused for want of one spends no budget.
        if (expensive) {
          await take(slots, key, `at most ${settings.maxConcurrentExpensive} expensive operations at once`);
          if (anonymous) await take(anonymousSlots, ANONYMOUS, "the public's expensive operations are at their limit; sign in or retry");
        }
        await budget.consume(key, cost);
      } catch (refusal) {
        await release();
        if (refusal instanceof RateLimiterRes) throw rateLimited(refusal.msBeforeNext, `query cost budget of ${settings.costPerWindow} per ${settings.windowSeconds} s spent`);
        throw refusal;
      }
      return release;
    },
  };
}

/** The Apollo plugin that spends and checks the budgets once the operation and its cost are known. */
export function fairUsePlugin(fairUse: FairUse | undefined, maxCost = Number.POSITIVE_INFINITY): ApolloServerPlugin<GatewayContext> {
  if (!fairUse) return {};
  const { settings } = fairUse;
  return {
    async requestDidStart({ contextValue }) {
      let release: (() => Promise<unknown>) | undefined;
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          if (contextValue.fairUseSpent) return;
          const measured = operationCost(schema, document, request.variables, operationName);
          // Over the cost limit: the limit refuses it (costLimitPlugin); it spends no budget.
          if (measured > maxCost) return;
          const operations = aggregatesOf(schema, document);
          const aggregates = aggregateCount(operations.get(operationName ?? "") ?? [...operations.values()][0], settings.aggregateFields);
          const cost = Math.max(1, Math.ceil(measured)) + aggregates * settings.aggregateCost;
          const expensive = cost >= settings.expensiveCost || aggregates > 0;
          release = await fairUse.admit(clientKeyOf(contextValue), contextValue.viewer.role === Role.ANONYMOUS, cost, expensive);
        },
        async willSendResponse() {
          const giveBack = release;
          release = undefined;
          await giveBack?.();
        },
      };
    },
  };
}
