import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import http from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { envInt } from "../config/env";

export interface ShutdownSettings {
  /** How long the process keeps serving, already not ready, so load balancers stop sending to it. */
  readinessDelayMs: number;
  /** Longest wait for the requests in flight once it stops accepting; then their connections are cut. */
  drainTimeoutMs: number;
}

/** SHUTDOWN_READINESS_DELAY_MS (default 0: nothing routes by readiness outside Kubernetes) and SHUTDOWN_DRAIN_TIMEOUT_MS (20000). */
export function shutdownSettingsFromEnvironment(): ShutdownSettings {
  const readinessDelayMs = envInt("SHUTDOWN_READINESS_DELAY_MS", 0);
  const drainTimeoutMs = envInt("SHUTDOWN_DRAIN_TIMEOUT_MS", 20_000);
  if (readinessDelayMs < 0 || drainTimeoutMs < 0) throw new Error("SHUTDOWN_READINESS_DELAY_MS and SHUTDOWN_DRAIN_TIMEOUT_MS must be >= 0");
  return { readinessDelayMs, drainTimeoutMs };
}

/**
 * How a server (the gateway or a subgraph) leaves a load balancer's rotation without failing a
 * request, for rolling updates:
 * 1. at once: /ready answers 503 (the server reads `shuttingDown`), and every answer carries
 *    `Connection: close`, so keep-alive clients (the gateway's pool, a proxy) reconnect elsewhere;
 * 2. for the readiness delay it still serves everything: endpoints are removed from a Service
 *    only after the probe has failed, and requests routed meanwhile must not be refused;
 * 3. then it stops accepting connections and waits for the requests in flight (Apollo's drain
 *    plugin), at most the drain timeout, after which the remaining connections are cut;
 * 4. then the caller releases its pools, for at most RELEASE_BOUND_MS: a statement still running
 *    for a request whose connection was cut keeps its pool client, and the pool's end would wait
 *    for it; leaving ends the connections and PostgreSQL's statement_timeout ends the statement.
 */
const RELEASE_BOUND_MS = 3_000;

export class GracefulShutdown {
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly httpServer: http.Server,
    private readonly name: string,
    readonly settings: ShutdownSettings = shutdownSettingsFromEnvironment(),
  ) {
    // Before the application's own listener, for every route (the gateway's POST fast path included).
    httpServer.prependListener("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (this.stopped) res.setHeader("connection", "close");
    });
  }

  /** True from the first call of `stop`: /ready must answer 503. */
  get shuttingDown(): boolean {
    return this.stopped !== undefined;
  }

  /** Apollo's drain plugin for this server, bounded by the drain timeout. */
  drainPlugin(): ApolloServerPlugin {
    return ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer, stopGracePeriodMillis: this.settings.drainTimeoutMs });
  }

  /**
   * Runs the steps above once (later calls wait for the first): `drain` stops the Apollo server
   * (whose drain plugin closes the HTTP server), `release` closes pools and clients.
   */
  stop(drain: () => Promise<void>, release: () => Promise<void> = async () => undefined): Promise<void> {
    this.stopped ??= (async () => {
      if (this.settings.readinessDelayMs > 0) await delay(this.settings.readinessDelayMs);
      // Apollo's plugin cuts the connections it tracks at the bound; this also covers any it does not.
      const cut = setTimeout(() => this.httpServer.closeAllConnections(), this.settings.drainTimeoutMs);
      try {
        await drain();
      } finally {
        clearTimeout(cut);
      }
      let bound: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (bound = setTimeout(() => resolve("late"), RELEASE_BOUND_MS)));
      const outcome = await Promise.race([release(), late]).finally(() => clearTimeout(bound));
      if (outcome === "late") process.stderr.write(`[${this.name}] pools not closed within ${RELEASE_BOUND_MS} ms (statements still running): leaving them\n`);
    })();
    return this.stopped;
  }
}

/**
 * A service process's SIGTERM/SIGINT: `stop` (the graceful steps), then exit 0; exit 1 when it
 * fails, or when it overruns the delay and the drain by 4 s (something else that hangs), still
 * under the orchestrator's grace period of delay + drain + 5 s.
 */
export function exitOnTerminationSignals(name: string, stop: () => Promise<void>, settings: ShutdownSettings = shutdownSettingsFromEnvironment()): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(
      `[${name}] ${signal}: draining and stopping (not ready now; serving ${settings.readinessDelayMs} ms more, then waiting at most ${settings.drainTimeoutMs} ms for requests in flight)\n`,
    );
    const boundMs = settings.readinessDelayMs + settings.drainTimeoutMs + 4_000;
    setTimeout(() => {
      process.stderr.write(`[${name}] not stopped within ${boundMs} ms: exiting\n`);
      process.exit(1);
    }, boundMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[${name}] failed to stop cleanly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
