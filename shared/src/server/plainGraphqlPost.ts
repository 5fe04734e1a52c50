import { ApolloServer, BaseContext, HeaderMap } from "@apollo/server";
import type http from "node:http";
import { sendInternalError, sendInvalidJson } from "./errorResponses";

/** Answers a request and returns true, or returns false and leaves it to the next handler (Express). */
export type PlainRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface PlainGraphqlPostOptions<TContext extends BaseContext> {
  /** The path it answers, exactly (no query string). */
  path: string;
  /** The largest body it reads, in bytes; a larger one is left to Express (which refuses it the same way). */
  bodyLimitBytes: number;
  /**
   * Whether the request may take this path, from its headers alone (e.g. it carries the gateway
   * secret); false leaves it to Express. Once it admits a request it may set the headers every
   * answer carries (a request id, cache headers), as the Express chain's first middleware would.
   */
  admits: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** The request's GraphQL context (it may throw a GraphQLError, which Apollo answers as through Express). */
  context: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<TContext>;
  /** Names the server in the log of an unexpected failure. */
  service: string;
}

/**
 * POST `path` with a plain JSON body, answered without Express: Express's routing, body-parser and
 * res.send are a fixed cost of every request, a large share of a subgraph's CPU on the small calls
 * the gateway makes (an `_entities` batch). It does what the Express chain does for such a request
 * (express.json with the same limit, then @as-integrations/express5's handler) and sets no ETag,
 * which a POST answer never uses. Anything else goes to Express: other methods and paths, a query
 * string, other content types or charsets, compressed or chunked bodies, bodies over the limit,
 * requests `admits` refuses (Express answers their errors as before).
 */
export function plainGraphqlPost<TContext extends BaseContext>(server: ApolloServer<TContext>, options: PlainGraphqlPostOptions<TContext>): PlainRequestHandler {
  return (req, res) => {
    if (req.method !== "POST" || req.url !== options.path) return false;
    const type = req.headers["content-type"];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
    const declared = req.headers["content-length"];
    if (declared === undefined || !/^\d+$/.test(declared) || Number(declared) > options.bodyLimitBytes) return false;
    if (!options.admits(req, res)) return false;

    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => undefined); // the client went away: nobody to answer
    req.on("end", () => {
      if (!req.complete) return;
      void answer(req, res, Buffer.concat(chunks).toString("utf8"));
    });
    return true;
  };

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, text: string): Promise<void> {
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
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: "POST", headers, search: "", body },
        context: () => options.context(req, res),
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
      sendInternalError(res, options.service, error);
    }
  }
}
