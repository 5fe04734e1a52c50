import { graphiqlEnabled, graphiqlUrlOf } from "./graphiql";
import { envInt, envOptional, exitOnTerminationSignals, GATEWAY_PORT } from "@camau/shared";
import { startGateway } from "./gateway";
import { closeSharedRedis } from "./redis";

/**
 * The gateway process, configured from the environment: PORT, HOST, SUBGRAPH_TIMEOUT_MS,
 * <NAME>_URL per subgraph, SUPERGRAPH_PATH, JWT_SECRET, GATEWAY_SECRET, BODY_LIMIT, REDIS_URL.
 * SIGTERM/SIGINT: the graceful steps of shared's gracefulShutdown.ts (SHUTDOWN_READINESS_DELAY_MS,
 * SHUTDOWN_DRAIN_TIMEOUT_MS), then the Redis client is closed and the process exits.
 */
const started = startGateway({
  port: envInt("PORT", GATEWAY_PORT),
  host: envOptional("HOST") ?? "127.0.0.1",
  bodyLimit: envOptional("BODY_LIMIT"),
});

started.then(
  (gateway) => process.stdout.write(`[gateway] ready at ${gateway.url}${graphiqlEnabled() ? `, GraphiQL at ${graphiqlUrlOf(gateway.url)}` : ""}\n`),
  (error) => {
    process.stderr.write(`[gateway] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

exitOnTerminationSignals("gateway", async () => {
  const gateway = await started;
  await gateway.stop();
  await closeSharedRedis();
});
