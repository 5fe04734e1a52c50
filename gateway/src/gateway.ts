import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { gatewaySecret, GracefulShutdown, jsonErrorHandler, notFoundHandler, PlainRequestHandler, ShutdownSettings } from "@camau/shared";
import express from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import type { RedisClientType } from "redis";
import { readSupergraph, subgraphTimeoutMs, subgraphUrl } from "./config";
import { anonymousMutationsPlugin } from "./anonymousMutations";
import { createGatewayContext, GatewayContext, gatewayContextOf } from "./context";
import { corsHandler, corsOriginsFromEnvironment } from "./cors";
import { createGatewayErrorFormatter } from "./errorFormatter";
import { graphiqlEnabled, graphiqlRouter } from "./graphiql";
import { reportDownloads } from "./reportDownloads";
import { createFairUse, fairUsePlugin, FairUseSettings, fairUseSettingsFromEnvironment } from "./fairUse";
import { graphqlPostHandler } from "./graphqlPost";
import { cacheControlPlugins, httpCacheDefaults } from "./cacheControlPlugin";
import { apolloLimits, RequestLimits, requestLimits } from "./limits";
import { PUBLIC_SCHEMA_PATH, publicSchemaHandler } from "./publicSchema";
import { checkSubgraphs } from "./readiness";
import { openDataRouter } from "./openData";
import { memoizeOperationModels } from "./operationMemo";
import { catalogSettingsFromEnvironment } from "./openDataCatalog";
import { cachePolicyOf, cacheSettings } from "./cachePolicy";
import { requestIdMiddleware } from "./requestId";
import { ResponseCacheOptions, responseCacheOptionsFromEnvironment, responseCachePlugins } from "./responseCache";
import { sharedRedis } from "./redis";
import { createSharedCaches, PERSISTED_QUERY_TTL_SECONDS } from "./sharedCaches";
import { gatewayMetricsText } from "./metrics";
import { BreakerSettings } from "./subgraphBreaker";
import { scalarChecksPlugin } from "./scalarChecks";
import { setSecurityHeaders } from "./securityHeaders";
import { SubgraphDataSource } from "./subgraphDataSource";
import { valueCompletionErrorsPlugin } from "./valueCompletionErrors";

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Defaults to the committed gateway/supergraph.graphql. */
  supergraphSdl?: string;
  /** Per-subgraph URLs overriding `<NAME>_URL` and the supergraph's. */
  subgraphUrls?: Record<string, string>;
  /** Bound on each subgraph fetch; defaults to SUBGRAPH_TIMEOUT_MS or 10 s. */
  subgraphTimeoutMs?: number;
  /** Largest accepted request body (express.json `limit`). */
  bodyLimit?: string;
  /** Request limits overriding the environment's (see limits.ts). */
  limits?: Partial<RequestLimits>;
  /**
   * Where the state shared by replicas lives (persisted queries, response cache): by default the
   * process's client of REDIS_URL (redis.ts); null keeps it in memory. The caller closes a client it gives.
   */
  redis?: RedisClientType | null;
  /** Rolling-update settings overriding SHUTDOWN_READINESS_DELAY_MS and SHUTDOWN_DRAIN_TIMEOUT_MS. */
  shutdown?: ShutdownSettings;
  /** Circuit breaker settings overriding SUBGRAPH_BREAKER_* (see subgraphBreaker.ts). */
  breaker?: BreakerSettings;
  /** Response cache settings overriding the environment's (see responseCache.ts). */
  responseCache?: Partial<ResponseCacheOptions>;
  /** Fair-use budgets overriding the environment's (see fairUse.ts). */
  fairUse?: Partial<FairUseSettings>;
  /** Origins whose pages may call the API, overriding CORS_ORIGINS (see cors.ts). */
  corsOrigins?: string[];
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly port: number;
  /**
   * Not ready at once, serves for SHUTDOWN_READINESS_DELAY_MS, then stops accepting requests and
   * drains the ones in flight (at most SHUTDOWN_DRAIN_TIMEOUT_MS). The Redis client is the process's: main.ts closes it.
   */
  stop(): Promise<void>;
}

/** Starts the gateway: GraphQL at /graphql, the public schema at /schema.graphql, GraphiQL at /graphiql, liveness at /health, readiness at /ready. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const timeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutMs();
  const secret = gatewaySecret();
  // Filled as the gateway builds a data source per subgraph; /ready asks the same URLs, /metrics reads their breakers.
  const subgraphUrls = new Map<string, string>();
  const dataSources = new Map<string, SubgraphDataSource>();
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const cachePolicy = cachePolicyOf(supergraphSdl);
  const responseCacheOptions = { ...responseCacheOptionsFromEnvironment(cachePolicy), ...options.responseCache };
  const redis = options.redis === null ? undefined : (options.redis ?? sharedRedis());
  const caches = createSharedCaches({
    redis,
    supergraphSdl,
    responseMaxEntries: responseCacheOptions.maxEntries,
  });
  memoizeOperationModels();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = subgraphUrl(name, url, options.subgraphUrls);
      subgraphUrls.set(name, resolved);
      const dataSource = new SubgraphDataSource({ name, url: resolved, gatewaySecret: secret, timeoutMs, breaker: options.breaker });
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });

  const app = express();
  app.disable("x-powered-by");
  const limits = requestLimits({ bodyLimit: options.bodyLimit, ...options.limits });
  // Set once Apollo has started; answers plain JSON POSTs to /graphql without Express (graphqlPost.ts).
  let graphqlPost: PlainRequestHandler | undefined;
  const answerCors = corsHandler(options.corsOrigins ?? corsOriginsFromEnvironment());
  // Security and CORS headers first, and preflights answered, for both ways a request is answered.
  const httpServer = http.createServer((req, res) => {
    setSecurityHeaders(req, res);
    answerCors(req, res, () => {
      if (!graphqlPost?.(req, res)) app(req, res);
    });
  });
  const shutdown = new GracefulShutdown(httpServer, "gateway", options.shutdown);
  const { plugins: limitPlugins, ...limitOptions } = apolloLimits(limits);
  const fairUseSettings = fairUseSettingsFromEnvironment(options.fairUse);
  // One set of budgets for /graphql and the open-data downloads.
  const fairUse = fairUseSettings.enabled ? createFairUse(fairUseSettings, redis) : undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter({ hideSuggestions: limits.blockFieldSuggestions }),
    includeStacktraceInErrorResponses: false,
    // depth, aliases, directives, tokens, cost; introspection switch; HTTP batching off.
    ...limitOptions,
    persistedQueries: { cache: caches.persistedQueries, ttl: PERSISTED_QUERY_TTL_SECONDS },
    // main.ts owns SIGTERM/SIGINT; Apollo's own handlers would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    // The Apollo landing page loads from a CDN, which does not work offline; GraphiQL comes later.
    plugins: [scalarChecksPlugin(), valueCompletionErrorsPlugin(), shutdown.drainPlugin(), ApolloServerPluginLandingPageDisabled(), ...limitPlugins, anonymousMutationsPlugin(), fairUsePlugin(fairUse, limits.maxCost), ...responseCachePlugins(responseCacheOptions, caches.responses), ...cacheControlPlugins(supergraphSdl, { policy: cachePolicy })],
  });
  await server.start();
  graphqlPost = graphqlPostHandler(server, limits.bodyLimit);

  app.use(requestIdMiddleware);
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/ready", async (_req, res) => {
    if (shutdown.shuttingDown) {
      res.status(503).json({ status: "shutting down", service: "gateway" });
      return;
    }
    // A subgraph that is down does not make the gateway unready: every gateway replica would leave
    // the load balancer at once and nothing would be served, where the gateway still answers every
    // field of the other subgraphs (and the breaker fails that subgraph's fields fast). Its state
    // is reported here, and the subgraph's own /ready takes it out of its own rotation.
    const subgraphs = await checkSubgraphs(subgraphUrls, Math.min(timeoutMs, 2_000));
    const degraded = !subgraphs.every((s) => s.ready);
    res.status(200).json({ status: degraded ? "degraded" : "ready", service: "gateway", subgraphs });
  });
  app.get("/metrics", (_req, res) => {
    res.type("text/plain").send(gatewayMetricsText([...dataSources.values()].map((d) => d.breaker)));
  });
  // The public schema (schema/api.graphql's text): what GraphiQL reads, introspection or not.
  app.get(PUBLIC_SCHEMA_PATH, publicSchemaHandler(supergraphSdl));
  // Bulk downloads and their DCAT catalogue (openData.ts), anonymous, on the fair-use budgets.
  const httpCache = cacheSettings();
  app.use(
    openDataRouter({
      subgraphUrls,
      gatewaySecret: secret,
      fairUse,
      catalog: catalogSettingsFromEnvironment(),
      cacheControl: httpCache.enabled ? `public, max-age=${httpCache.maxAges.report}` : "no-cache",
      timeoutMs: Math.min(timeoutMs, 5_000),
      runPublicOperation: async (query, variables) => {
        const contextValue = { ...gatewayContextOf(undefined, "open-data"), fairUseSpent: true };
        const response = await server.executeOperation({ query, variables }, { contextValue });
        if (response.body.kind !== "single") throw new Error("open data: unexpected incremental answer");
        return response.body.singleResult as Awaited<ReturnType<Parameters<typeof openDataRouter>[0]["runPublicOperation"]>>;
      },
    }),
  );
  // GraphiQL at /graphiql (and / redirecting to it), built offline by ui/; GRAPHIQL=false turns it off.
  if (graphiqlEnabled()) app.use(graphiqlRouter());
  // The written report as files (DOCX, PDF, Markdown, the chart), through the GraphQL pipeline.
  app.use(reportDownloads(server));
  // Plain JSON POSTs to /graphql never reach the middleware below: graphqlPost.ts answers them with
  // the same steps (it is kept for a measured reason, written there). Anything added here for
  // /graphql must be added there too, or in front of both in the HTTP server's handler above.
  // no-store + Vary: Authorization unless the cache-control plugin decides otherwise.
  app.use("/graphql", httpCacheDefaults);
  app.use(
    "/graphql",
    express.json({ limit: limits.bodyLimit }),
    expressMiddleware(server, { context: async ({ req }) => createGatewayContext(req) }),
  );
  // Errors outside GraphQL, on this path and on graphqlPost.ts's alike (shared's errorResponses.ts).
  app.use(notFoundHandler);
  app.use(jsonErrorHandler("gateway"));

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/graphql`,
    port,
    stop: () =>
      shutdown.stop(
        () => server.stop(),
        async () => dataSources.forEach((d) => d.breaker.shutdown()),
      ),
  };
}
