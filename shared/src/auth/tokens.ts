import jwt from "jsonwebtoken";
import { createSecretKey, KeyObject } from "node:crypto";
import { envInt } from "../config/env";
import { jwtSecret } from "../config/secrets";
import { isTokenRole, Role } from "./roles";
import { ANONYMOUS_VIEWER, Viewer } from "./viewer";

export const TOKEN_ISSUER = "camau-collective-economy";
export const TOKEN_AUDIENCE = "camau-collective-economy-api";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TokenError extends Error {}

/** Longest lifetime (exp - iat, and exp - now) a token may have: TOKEN_MAX_LIFETIME_S, 12 h by default. */
export function tokenMaxLifetimeSeconds(): number {
  return envInt("TOKEN_MAX_LIFETIME_S", 12 * 3600);
}

/** How far a token's `iat` may lie in the future (clocks of the issuer and of this server differ a little). */
export const TOKEN_CLOCK_SKEW_S = 60;

/** Durations of signToken's `expiresIn` in seconds ("30m", "8h", 3600). */
function seconds(duration: number | `${number}${"s" | "m" | "h" | "d"}`): number {
  if (typeof duration === "number") return duration;
  const units = { s: 1, m: 60, h: 3600, d: 86400 } as const;
  return Number(duration.slice(0, -1)) * units[duration.slice(-1) as keyof typeof units];
}

export interface TokenClaims {
  sub: string;
  role: Role;
  cooperativeId?: string;
}

/**
 * Signs a token (development tooling and tests; production tokens come from the identity provider).
 * A lifetime beyond the maximum the API accepts is refused here too, so no tool issues dead tokens.
 */
export function signToken(claims: TokenClaims, options: { expiresIn?: number | `${number}${"s" | "m" | "h" | "d"}`; secret?: string } = {}): string {
  if (options.expiresIn !== undefined && seconds(options.expiresIn) > tokenMaxLifetimeSeconds()) {
    throw new TokenError(`a token may live at most ${tokenMaxLifetimeSeconds()} s (TOKEN_MAX_LIFETIME_S)`);
  }
  return jwt.sign({ role: claims.role, cooperativeId: claims.cooperativeId }, options.secret ?? jwtSecret(), {
    algorithm: "HS256",
    subject: claims.sub,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn: options.expiresIn ?? "8h",
  });
}

let verificationKey: { secret: string; key: KeyObject } | undefined;

/**
 * The HS256 secret as a key object, made once per secret: given the string, jsonwebtoken tries to
 * read it as a PEM public key on every verification first and builds the secret key only after that
 * throws, which was about a tenth of a subgraph's CPU on an authenticated request.
 */
function hmacKey(): KeyObject {
  const secret = jwtSecret();
  if (verificationKey?.secret !== secret) verificationKey = { secret, key: createSecretKey(Buffer.from(secret, "utf8")) };
  return verificationKey.key;
}

/**
 * Turns an Authorization header into a Viewer. No header: ANONYMOUS. A header that is present
 * but not a valid token is an error (never silently anonymous), so a client notices at once.
 */
export function viewerFromAuthorization(header: string | undefined): Viewer {
  if (header === undefined || header.trim() === "") return ANONYMOUS_VIEWER;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new TokenError("Authorization header must be 'Bearer <token>'");
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(match[1], hmacKey(), {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
  } catch (error) {
    const reason = error instanceof jwt.TokenExpiredError ? "token has expired" : "token is invalid";
    throw new TokenError(reason);
  }
  if (typeof payload === "string" || typeof payload.sub !== "string" || payload.sub === "") {
    throw new TokenError("token has no subject");
  }
  if (typeof payload.exp !== "number") throw new TokenError("token has no expiry");
  // A token from the future, or one meant to live for years, is a forgery or a leak waiting to
  // happen: refused, however good its signature.
  const now = Math.floor(Date.now() / 1000);
  const maxLifetime = tokenMaxLifetimeSeconds();
  if (typeof payload.iat === "number" && payload.iat > now + TOKEN_CLOCK_SKEW_S) throw new TokenError("token is issued in the future");
  if (payload.exp - Math.min(typeof payload.iat === "number" ? payload.iat : now, now) > maxLifetime) throw new TokenError("token lives longer than allowed");
  if (!isTokenRole(payload.role)) throw new TokenError("token has an unknown role");
  if (payload.role === Role.COOPERATIVE_MANAGER) {
    if (typeof payload.cooperativeId !== "string" || !UUID.test(payload.cooperativeId)) {
      throw new TokenError("a COOPERATIVE_MANAGER token must name its cooperativeId");
    }
    return { subject: payload.sub, role: payload.role, cooperativeId: payload.cooperativeId.toLowerCase() };
  }
  return { subject: payload.sub, role: payload.role };
}
