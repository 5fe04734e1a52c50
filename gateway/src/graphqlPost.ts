import { ApolloServer, HeaderMap } from "@apollo/server";
import { sendInternalError, sendInvalidJson } from "@camau/shared";
import type http from "node:http";
import { NO_STORE, VARY_ON } from "./cacheControlPlugin";
import { gatewayContextOf, GatewayContext } from "./context";
import { clientAddressOf } from "./fairUse";
import { REQUEST_ID_HEADER, requestIdFrom } from "./requestId";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
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
 * It does what the Express chain does for such a request (requestIdMiddleware, httpCacheDefaults,
 * express.json with the same body limit, expressMiddleware), answers its errors with shared's
 * error responder like Express's error handlers, and sets no ETag, which a POST answer never uses;
 * the security and CORS headers are set in front of both (gateway.ts). gateway/test/errorResponses.test.ts
 * holds the two paths to the same status, headers and body. Returns false, leaving the request to
 * Express, for anything else: other methods and paths, a query string, other content types or
 * charsets, compressed or chunked bodies, bodies over the limit.
 */
export function graphqlPostHandler(server: ApolloServer<GatewayContext>, bodyLimit: string): RequestHandler | undefined {
  const limit = bodyLimitBytes(bodyLimit);
  if (limit === undefined) return undefined;
  return (req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") return false;
    const type = req.headers["content-type"];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
    const declared = req.headers["content-length"];
    if (declared === undefined || !/^\d+$/.test(declared) || Number(declared) > limit) return false;

    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader("cache-control", NO_STORE);
    res.setHeader("vary", VARY_ON.join(", "));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => undefined); // the client went away: nobody to answer
    req.on("end", () => {
      if (!req.complete) return;
      void answer(req, res, Buffer.concat(chunks).toString("utf8"), requestId);
    });
    return true;
  };

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, text: string, requestId: string): Promise<void> {
    let body: unknown = {}; // express.json: an empty body is {}
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length > 0) {
      try {
        // express.json's strict mode: an object or an array only
        if (!/^[\x20\x09\x0a\x0d]*[{[]/.test(text)) throw new SyntaxError("not an object or array");
        body = JSON.parse(text);
      } catch {
        sendInvalidJson(res);
        return;
      }
    }
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const authorization = req.headers.authorization;
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: "POST", headers, search: "", body },
        context: async () => gatewayContextOf(authorization, requestId, clientAddressOf(req)),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status || 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      sendInternalError(res, "gateway", error);
    }
  }
}
