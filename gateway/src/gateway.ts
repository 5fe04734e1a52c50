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
import { createGatewayContext, GatewayContext } from "./context";
import { createGatewayErrorFormatter } from "./errorFormatter";
import { bodyErrorHandler } from "./httpErrors";
import { checkSubgraphs } from "./readiness";
import { requestIdMiddleware } from "./requestId";
import { SubgraphDataSource } from "./subgraphDataSource";

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
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT; Apollo's own handlers would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    // The Apollo landing page loads from a CDN, which does not work offline; GraphiQL comes later.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  app.use(requestIdMiddleware);
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/ready", async (_req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls, Math.min(timeoutMs, 2_000));
    const ready = subgraphs.every((s) => s.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", service: "gateway", subgraphs });
  });
  app.use(
    "/graphql",
    express.json({ limit: options.bodyLimit ?? "1mb" }),
    expressMiddleware(server, { context: async ({ req }) => createGatewayContext(req) }),
  );
  app.use(bodyErrorHandler);

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
