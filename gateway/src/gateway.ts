import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { gatewaySecret } from "@camau/shared";
import express from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { readSupergraph, subgraphTimeoutMs, subgraphUrl } from "./config";
import { anonymousMutationsPlugin } from "./anonymousMutations";
import { createGatewayContext, GatewayContext } from "./context";
import { createGatewayErrorFormatter } from "./errorFormatter";
import { graphiqlEnabled, graphiqlRouter } from "./graphiql"; // issue 7: GraphiQL
import { fairUsePlugin, FairUseSettings, fairUseSettingsFromEnvironment } from "./fairUse";
import { graphqlPostHandler, RequestHandler } from "./graphqlPost";
import { cacheControlPlugins, httpCacheDefaults } from "./cacheControlPlugin"; // issue 7: HTTP caching (Cache-Control)
import { bodyErrorHandler, lastErrorHandler, notFoundHandler } from "./httpErrors";
import { apolloLimits, RequestLimits, requestLimits } from "./limits"; // issue 6: request limits
import { checkSubgraphs } from "./readiness";
import { requestIdMiddleware } from "./requestId";
import { setSecurityHeaders } from "./securityHeaders";
import { responseCacheOptionsFromEnvironment, responseCachePlugin } from "./responseCache"; // issue 8: response cache (off unless RESPONSE_CACHE_TTL_MS)
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
  /** Fair-use budgets overriding the environment's (see fairUse.ts). */
  fairUse?: Partial<FairUseSettings>;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests and drains the ones in flight. */
  stop(): Promise<void>;
}

/** Starts the gateway: GraphQL at /graphql, liveness at /health, readiness at /ready. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const timeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutMs();
  const secret = gatewaySecret();
  // Filled as the gateway builds a data source per subgraph; /ready asks the same URLs.
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) => {
      const resolved = subgraphUrl(name, url, options.subgraphUrls);
      subgraphUrls.set(name, resolved);
      return new SubgraphDataSource({ name, url: resolved, gatewaySecret: secret, timeoutMs });
    },
  });

  const app = express();
  app.disable("x-powered-by");
  const limits = requestLimits({ bodyLimit: options.bodyLimit, ...options.limits });
  // Set once Apollo has started; answers plain JSON POSTs to /graphql without Express (graphqlPost.ts).
  let graphqlPost: RequestHandler | undefined;
  const httpServer = http.createServer((req, res) => {
    setSecurityHeaders(req, res);
    if (!graphqlPost?.(req, res)) app(req, res);
  });
  const { plugins: limitPlugins, ...limitOptions } = apolloLimits(limits);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter({ hideSuggestions: limits.blockFieldSuggestions }),
    includeStacktraceInErrorResponses: false,
    // depth, aliases, directives, tokens, cost; introspection switch; HTTP batching off.
    ...limitOptions,
    // main.ts owns SIGTERM/SIGINT; Apollo's own handlers would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    // The Apollo landing page loads from a CDN, which does not work offline; GraphiQL comes later.
    plugins: [valueCompletionErrorsPlugin(), ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ...limitPlugins, anonymousMutationsPlugin(), fairUsePlugin(fairUseSettingsFromEnvironment(options.fairUse), limits.maxCost), responseCachePlugin(responseCacheOptionsFromEnvironment()), ...cacheControlPlugins()], // issue 7: cacheControlPlugins
  });
  await server.start();
  graphqlPost = graphqlPostHandler(server, limits.bodyLimit);

  app.use(requestIdMiddleware);
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/ready", async (_req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls, Math.min(timeoutMs, 2_000));
    const ready = subgraphs.every((s) => s.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", service: "gateway", subgraphs });
  });
  // issue 7: GraphiQL at /graphiql (and / redirecting to it), built offline by ui/; GRAPHIQL=false turns it off.
  if (graphiqlEnabled()) app.use(graphiqlRouter());
  // Plain JSON POSTs to /graphql never reach the middleware below: graphqlPost.ts answers them with
  // the same steps. Anything added here for /graphql (a rate limit, CORS...) must be added there too.
  app.use("/graphql", httpCacheDefaults); // issue 7: no-store + Vary: Authorization unless the cache-control plugin decides otherwise
  app.use(
    "/graphql",
    express.json({ limit: limits.bodyLimit }),
    expressMiddleware(server, { context: async ({ req }) => createGatewayContext(req) }),
  );
  app.use(notFoundHandler);
  app.use(bodyErrorHandler);
  app.use(lastErrorHandler);

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/graphql`,
    port,
    stop: () => server.stop(),
  };
}
