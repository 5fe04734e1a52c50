import { ApolloServer } from "@apollo/server";
import { plainGraphqlPost, PlainRequestHandler } from "@camau/shared";
import { NO_STORE, VARY_ON } from "./cacheControlPlugin";
import { gatewayContextOf, GatewayContext } from "./context";
import { clientAddressOf } from "./fairUse";
import { REQUEST_ID_HEADER, requestIdFrom } from "./requestId";

const SIZE = /^(\d+(?:\.\d+)?) *(kb|mb|gb|tb|pb)$/i;
const UNITS: Record<string, number> = { kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30, tb: 2 ** 40, pb: 2 ** 50 };

/** A body limit as express.json reads it ("1mb", "512kb", "1000"), or undefined when unsure. */
export function bodyLimitBytes(limit: string): number | undefined {
  if (/^\d+$/.test(limit)) return Number(limit);
  const match = SIZE.exec(limit);
  return match ? Math.floor(Number(match[1]) * UNITS[match[2].toLowerCase()]) : undefined;
}

/**
 * POST /graphql with a plain JSON body, answered without Express: Express's routing, body-parser
 * and res.send cost about 1 ms of CPU per request. Measured side by side (`node bench/dist/src/bench.js
 * --only reference,search --targets ours --variant-main <a copy of gateway/dist with this path off>`,
 * bench/results/2026-12-03T15-29-41-scale-1-graphqlpost-ab.json, a loaded machine): Express alone
 * spends 1.19x the gateway CPU per request on `reference` (6.59 vs 5.53 ms) and 1.16x on `search`
 * (7.12 vs 6.12), and serves 0.85x and 0.83x the requests per second.
 *
 * The one plain-POST engine of the subgraphs (shared's plainGraphqlPost), with the headers the
 * gateway's Express chain sets first (requestIdMiddleware, httpCacheDefaults); the security and
 * CORS headers are set in front of both (gateway.ts). gateway/test/errorResponses.test.ts holds the
 * two paths to the same status, headers and body. Undefined when the body limit cannot be read
 * exactly as express.json reads it: then Express answers everything.
 */
export function graphqlPostHandler(server: ApolloServer<GatewayContext>, bodyLimit: string): PlainRequestHandler | undefined {
  const limit = bodyLimitBytes(bodyLimit);
  if (limit === undefined) return undefined;
  return plainGraphqlPost(server, {
    path: "/graphql",
    bodyLimitBytes: limit,
    // Anyone may call the gateway; what requestIdMiddleware and httpCacheDefaults set comes first.
    admits: (req, res) => {
      res.setHeader(REQUEST_ID_HEADER, requestIdFrom(req.headers[REQUEST_ID_HEADER]));
      res.setHeader("cache-control", NO_STORE);
      res.setHeader("vary", VARY_ON.join(", "));
      return true;
    },
    context: async (req, res) => gatewayContextOf(req.headers.authorization, String(res.getHeader(REQUEST_ID_HEADER)), clientAddressOf(req)),
    service: "gateway",
  });
}
