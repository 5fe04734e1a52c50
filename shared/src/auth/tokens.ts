import jwt from "jsonwebtoken";
import { jwtSecret } from "../config/secrets";
import { isTokenRole, Role } from "./roles";
import { ANONYMOUS_VIEWER, Viewer } from "./viewer";

export const TOKEN_ISSUER = "camau-collective-economy";
export const TOKEN_AUDIENCE = "camau-collective-economy-api";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TokenError extends Error {}

export interface TokenClaims {
  sub: string;
  role: Role;
  cooperativeId?: string;
}

/** Signs a token (development tooling and tests; production tokens come from the identity provider). */
export function signToken(claims: TokenClaims, options: { expiresIn?: number | `${number}${"s" | "m" | "h" | "d"}`; secret?: string } = {}): string {
  return jwt.sign({ role: claims.role, cooperativeId: claims.cooperativeId }, options.secret ?? jwtSecret(), {
    algorithm: "HS256",
    subject: claims.sub,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn: options.expiresIn ?? "8h",
  });
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
    payload = jwt.verify(match[1], jwtSecret(), {
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
  if (!isTokenRole(payload.role)) throw new TokenError("token has an unknown role");
  if (payload.role === Role.COOPERATIVE_MANAGER) {
    if (typeof payload.cooperativeId !== "string" || !UUID.test(payload.cooperativeId)) {
      throw new TokenError("a COOPERATIVE_MANAGER token must name its cooperativeId");
    }
    return { subject: payload.sub, role: payload.role, cooperativeId: payload.cooperativeId.toLowerCase() };
  }
  return { subject: payload.sub, role: payload.role };
}
