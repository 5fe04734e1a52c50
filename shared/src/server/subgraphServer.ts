import { ApolloServer, BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLSchema } from "graphql";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { Viewer } from "../auth/viewer";
import { gatewaySecret } from "../config/secrets";
import { SqlStatementCounter } from "../db/sqlStatementCounter";
import { createErrorFormatter } from "../graphql/formatError";
import { jsonErrorHandler, notFoundHandler } from "./errorResponses";
import { OpenDataSource } from "../openData/datasetStream";
import { openDataRoutes } from "../openData/subgraphRoutes";
import { carriesGatewaySecret, GATEWAY_SECRET_HEADER, gatewaySecretGuard } from "./gatewaySecretGuard";
import { plainGraphqlPost, PlainRequestHandler } from "./plainGraphqlPost";
import { GracefulShutdown } from "./gracefulShutdown";
import { DatabasePools, mutationsOnPrimary, poolForRequest, READ_PRIMARY_HEADER } from "./readRouting";
import { viewerOrThrow } from "./requestContext";
import { SubgraphRequest } from "./subgraphModule";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  /** The primary, and the read replica when there is one (see poolForRequest). */
  pools: DatabasePools;
  counter: SqlStatementCounter;
  /** Builds the per-request context (viewer plus fresh DataLoaders) on the pool the request uses. */
  createContext: (viewer: Viewer, dataSource: DataSource, request?: SubgraphRequest) => TContext;
  port: number;
  host?: string;
  /** The open datasets this subgraph streams from its database (internal routes for the gateway); [] serves only when its data last changed. */
  openData?: readonly OpenDataSource[];
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Not ready at once, serves for SHUTDOWN_READINESS_DELAY_MS, then stops accepting requests,
   * drains in-flight ones (at most SHUTDOWN_DRAIN_TIMEOUT_MS) and closes the database pool.
   */
  stop(): Promise<void>;
}

async function databaseIsReady(dataSource: DataSource): Promise<boolean> {
  try {
    await Promise.race([
      dataSource.query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The viewer a request's context was built for, kept on the context (a mutation's context is
 * rebuilt on the primary). A symbol key, since Apollo Server hands each operation a shallow copy
 * of the context: a WeakMap keyed by the original would not find the copy.
 */
const VIEWER = Symbol("viewer");
const REQUEST = Symbol("request");

/**
 * The caller's Authorization header, for a subgraph that asks another on the caller's behalf
 * (so the other applies the caller's rights, never more).
 */
export function callerAuthorization(context: object): string | undefined {
  return (context as WithViewer)[REQUEST]?.authorization;
}
type WithViewer = { [VIEWER]?: Viewer; [REQUEST]?: SubgraphRequest };

/** The largest GraphQL request body a subgraph reads (1 MiB). */
const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

/** A request header as Express's req.header reads it (the first of repeated ones joined by Node). */
function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Starts one subgraph: GraphQL at /graphql behind the gateway secret, /health, /ready, /metrics. */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  let plainPost: PlainRequestHandler | undefined;
  const httpServer = http.createServer((req, res) => {
    if (!plainPost?.(req, res)) app(req, res);
  });
  const shutdown = new GracefulShutdown(httpServer, options.name);
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.name),
    includeStacktraceInErrorResponses: false,
    // runSubgraphFromEnvironment owns SIGTERM/SIGINT (drain, then close the pool).
    stopOnTerminationSignals: false,
    // No inline traces: nothing about resolver timings or errors leaves the subgraph but the masked answer.
    plugins: [
      shutdown.drainPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // The gateway decides Cache-Control from the hints composed into the supergraph and ignores the
      // subgraphs' header; Apollo's cache-control plugin would wrap every field's resolver to compute it.
      ApolloServerPluginCacheControlDisabled(),
      mutationsOnPrimary<TContext>(options.pools, (context, primary) => {
        const viewer = (context as WithViewer)[VIEWER];
        if (viewer) Object.assign(context, options.createContext(viewer, primary, (context as WithViewer)[REQUEST]));
      }),
    ],
  });
  await server.start();
  const { pools } = options;
  const metricPools = pools.replica ? (["primary", "replica"] as const) : (["primary"] as const);

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: options.name });
  });
  // With a replica the subgraph stays ready while the primary is down: public reads go on, and
  // writes fail with DATABASE_UNAVAILABLE until the primary is back.
  app.get("/ready", async (_req, res) => {
    if (shutdown.shuttingDown) {
      res.status(503).json({ status: "shutting down", service: options.name });
      return;
    }
    const [primary, replica] = await Promise.all([pools.primaryMissing ? false : databaseIsReady(pools.primary), pools.replica ? databaseIsReady(pools.replica) : undefined]);
    const ready = primary || replica === true;
    const databases = { primary: primary ? "up" : "down", ...(replica === undefined ? {} : { replica: replica ? "up" : "down" }) };
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unavailable", service: options.name, databases });
  });
  app.get("/metrics", (_req, res) => {
    res.type("text/plain").send(options.counter.metrics(options.name, metricPools));
  });
  const contextOf = async (req: http.IncomingMessage): Promise<TContext> => {
    const authorization = headerOf(req, "authorization");
    const viewer = viewerOrThrow(authorization);
    const request: SubgraphRequest = { authorization };
    const context = options.createContext(viewer, poolForRequest(pools, viewer, headerOf(req, READ_PRIMARY_HEADER)), request);
    return Object.assign(context, { [VIEWER]: viewer, [REQUEST]: request });
  };
  const secret = gatewaySecret();
  // The gateway's calls (plain JSON POSTs with the secret) skip Express; anything else, and every
  // refusal, goes through the Express chain below.
  plainPost = plainGraphqlPost(server, {
    path: "/graphql",
    bodyLimitBytes: GRAPHQL_BODY_LIMIT_BYTES,
    admits: (req) => carriesGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], secret),
    context: contextOf,
    service: options.name,
  });
  app.use(
    "/graphql",
    gatewaySecretGuard(secret),
    express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }),
    expressMiddleware(server, { context: ({ req }) => contextOf(req) }),
  );
  if (options.openData) {
    app.use("/open-data", gatewaySecretGuard(gatewaySecret()));
    app.use(openDataRoutes(options.openData, pools));
  }
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(options.name));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/graphql`,
    port,
    stop: () =>
      shutdown.stop(
        () => server.stop(),
        async () => {
          await Promise.all([...new Set([pools.primary, pools.replica])].map((pool) => (pool?.isInitialized ? pool.destroy() : undefined)));
        },
      ),
  };
}
