import { envOptional, isProduction } from "./env";

/**
 * Development defaults, published in the README. They make `npm start` work with no setup and
 * are refused when NODE_ENV=production, where the real secrets must come from the environment.
 */
export const DEVELOPMENT_JWT_SECRET = "camau-development-jwt-secret-do-not-use-in-production";
export const DEVELOPMENT_GATEWAY_SECRET = "camau-development-gateway-secret";

function secret(name: string, development: string): string {
  const value = envOptional(name);
  if (isProduction()) {
    if (!value) throw new Error(`${name} must be set when NODE_ENV=production`);
    if (value === development) throw new Error(`${name} is the published development secret; refusing it in production`);
    if (value.length < 32) throw new Error(`${name} must be at least 32 characters long in production`);
  }
  return value ?? development;
}

/** Secret that signs and verifies users' JWT bearer tokens (HS256). */
export function jwtSecret(): string {
  return secret("JWT_SECRET", DEVELOPMENT_JWT_SECRET);
}

/** Secret the gateway sends to subgraphs in the `x-gateway-secret` header. */
export function gatewaySecret(): string {
  return secret("GATEWAY_SECRET", DEVELOPMENT_GATEWAY_SECRET);
}
