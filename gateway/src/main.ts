import { graphiqlEnabled, graphiqlUrlOf } from "./graphiql";
import { envInt, envOptional, GATEWAY_PORT } from "@camau/shared";
import { startGateway } from "./gateway";

/**
 * The gateway process, configured from the environment: PORT, HOST, SUBGRAPH_TIMEOUT_MS,
 * <NAME>_URL per subgraph, SUPERGRAPH_PATH, JWT_SECRET, GATEWAY_SECRET, BODY_LIMIT.
 * SIGTERM/SIGINT drain in-flight requests before exit.
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

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`[gateway] ${signal}: draining and stopping\n`);
  started
    .then((gateway) => gateway.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
