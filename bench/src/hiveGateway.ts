import { createGatewayRuntime } from "@graphql-hive/gateway";
import { gatewaySecret, GATEWAY_SECRET_HEADER } from "@camau/shared";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/**
 * The reference peer of the benchmark: @graphql-hive/gateway's runtime in front of the same
 * subgraphs, serving the same supergraph file (SUPERGRAPH_PATH) on PORT. Like our gateway it
 * sends the shared secret in x-gateway-secret and forwards the client's Authorization, so the
 * subgraphs do the same work for both. Benchmark-only: nothing in production loads this.
 * With HIVE_ROUTER_RUNTIME=true it plans with Hive Router's Rust query planner
 * (@graphql-hive/router-runtime) instead of its default JavaScript (stitching) runtime: the second peer.
 */
const port = Number(process.env.PORT ?? 4110);
const host = process.env.HOST ?? "127.0.0.1";
const supergraphPath = process.env.SUPERGRAPH_PATH;
if (!supergraphPath) throw new Error("SUPERGRAPH_PATH is required");
const secret = gatewaySecret();
const routerRuntime = process.env.HIVE_ROUTER_RUNTIME === "true";

const runtime = createGatewayRuntime({
  ...(routerRuntime
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      { unifiedGraphHandler: (require("@graphql-hive/router-runtime") as typeof import("@graphql-hive/router-runtime")).unifiedGraphHandler }
    : {}),
  supergraph: readFileSync(supergraphPath, "utf8"),
  transportEntries: { "*": { headers: [[GATEWAY_SECRET_HEADER, secret]] } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get("authorization");
      return authorization ? { authorization } : {};
    },
  },
  logging: "error",
  // Same shape of service as ours: no landing page, no batching.
  graphiql: false,
  landingPage: false,
});

const server = createServer(runtime);
server.listen(port, host, () => process.stdout.write(`[hive-gateway${routerRuntime ? " router-runtime" : ""}] ready at http://${host}:${port}/graphql\n`));

function stop(): void {
  server.close(() => void Promise.resolve(runtime.dispose()).finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
