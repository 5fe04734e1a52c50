import helmet from "helmet";
import type http from "node:http";

/**
 * The security headers of every answer of the gateway (helmet): nosniff, no framing, no referrer,
 * HSTS, same-origin resource and opener policies, no DNS prefetch, and a Content-Security-Policy
 * that allows nothing, since GraphQL and error answers are JSON, never a page (GraphiQL sets its
 * own, wider policy on its page). Applied once in front of both ways a request is answered (Express
 * and graphqlPost.ts), so the two /graphql paths carry the same headers.
 */
const middleware = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  referrerPolicy: { policy: "no-referrer" },
});

export function setSecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse): void {
  // helmet's middleware only sets headers and calls next synchronously.
  middleware(req, res, () => undefined);
}
