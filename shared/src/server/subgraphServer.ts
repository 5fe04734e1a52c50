import { ApolloServer, BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLSchema } from "graphql";
import type { NextFunction, Request, Response } from "express";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { Viewer } from "../auth/viewer";
import { gatewaySecret } from "../config/secrets";
import { SqlStatementCounter } from "../db/sqlStatementCounter";
import { createErrorFormatter } from "../graphql/formatError";
import { gatewaySecretGuard } from "./gatewaySecretGuard";
import { GracefulShutdown } from "./gracefulShutdown";
import { viewerOrThrow } from "./requestContext";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  counter: SqlStatementCounter;
  /** Builds the per-request context (viewer plus fresh DataLoaders). */
  createContext: (viewer: Viewer) => TContext;
  port: number;
  host?: string;
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
 * Errors outside GraphQL (a malformed or oversized body, a bug in a middleware) as masked JSON:
 * Express's own handler answers with an HTML page holding the stack trace outside production.
 */
function jsonErrorHandler(service: string) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ errors: [{ message: status === 413 ? "Request body is too large" : "Bad request", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    const correlationId = randomUUID();
    process.stderr.write(`[${service}] error ${correlationId} outside GraphQL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] });
  };
}

/** Starts one subgraph: GraphQL at /graphql behind the gateway secret, /health, /ready, /metrics. */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const shutdown = new GracefulShutdown(httpServer, options.name);
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.name),
    includeStacktraceInErrorResponses: false,
    // runSubgraphFromEnvironment owns SIGTERM/SIGINT (drain, then close the pool).
    stopOnTerminationSignals: false,
    // No inline traces: nothing about resolver timings or errors leaves the subgraph but the masked answer.
    plugins: [shutdown.drainPlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: options.name });
  });
  app.get("/ready", async (_req, res) => {
    if (shutdown.shuttingDown) {
      res.status(503).json({ status: "shutting down", service: options.name });
      return;
    }
    const ready = await databaseIsReady(options.dataSource);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unavailable", service: options.name });
  });
  app.get("/metrics", (_req, res) => {
    res.type("text/plain").send(`# TYPE sql_statements_total counter\nsql_statements_total{service="${options.name}"} ${options.counter.value}\n`);
  });
  app.use(
    "/graphql",
    gatewaySecretGuard(gatewaySecret()),
    express.json({ limit: "1mb" }),
    expressMiddleware(server, {
      context: async ({ req }) => options.createContext(viewerOrThrow(req.header("authorization"))),
    }),
  );
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
          if (options.dataSource.isInitialized) await options.dataSource.destroy();
        },
      ),
  };
}
