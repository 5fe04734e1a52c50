import { envOptional, isProduction } from "@camau/shared";
import cors from "cors";
import type http from "node:http";
import { REQUEST_ID_HEADER } from "./requestId";

/**
 * Which browser pages on other origins may call the API (the `cors` middleware).
 *
 * CORS_ORIGINS lists them, comma-separated: exact origins (`https://portal.camau.gov.vn`) or an
 * origin with any port (`http://localhost:*`). Unset, development allows any port of localhost and
 * 127.0.0.1 (a frontend's dev server), production allows none: a deployment names its frontends.
 * Tokens travel in the Authorization header, never in cookies, so no credentials are allowed.
 */
export const DEVELOPMENT_CORS_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*"] as const;

/** The headers of requests the API reads: JSON bodies, tokens, Apollo's CSRF-proof headers, a request id. */
export const CORS_ALLOWED_HEADERS = ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name", REQUEST_ID_HEADER];

/** The answer headers a page may read besides the safelisted ones (to quote a request id, to see a cache hit). */
export const CORS_EXPOSED_HEADERS = [REQUEST_ID_HEADER, "x-response-cache", "age", "etag"];

/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** CORS_ORIGINS, else the default of the environment (see above). */
export function corsOriginsFromEnvironment(): string[] {
  const listed = envOptional("CORS_ORIGINS");
  if (listed === undefined) return isProduction() ? [] : [...DEVELOPMENT_CORS_ORIGINS];
  return listed
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** Turns the configured origins into a test; an entry that is not an origin is a startup error, not a silent hole. */
export function originMatcher(origins: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const anyPort: string[] = [];
  for (const entry of origins) {
    const wildcard = /^(https?:\/\/[^/:*]+):\*$/.exec(entry);
    if (wildcard) {
      anyPort.push(wildcard[1].toLowerCase());
      continue;
    }
    let parsed: URL;
    try {
      parsed = new URL(entry);
    } catch {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin (e.g. https://portal.example.vn or http://localhost:*)`);
    }
    if (parsed.origin !== entry.replace(/\/$/, "").toLowerCase() || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin (scheme, host and port only)`);
    }
    exact.add(parsed.origin);
  }
  return (origin) => {
    if (exact.has(origin)) return true;
    const port = /^(https?:\/\/[^/:]+)(?::\d{1,5})?$/.exec(origin);
    return port !== null && anyPort.includes(port[1].toLowerCase());
  };
}

export type CorsHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/**
 * Sets the CORS headers of every answer to an allowed origin and answers its preflights (204) at
 * once, before anything else sees them: Apollo's CSRF check, which refuses requests a browser
 * sends without a preflight, stays for every other request. A preflight from an origin that is not
 * allowed gets no CORS header and goes on to be refused like any other unexpected request.
 */
export function corsHandler(origins: readonly string[]): CorsHandler {
  const allowed = originMatcher(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  }) as CorsHandler;
}
