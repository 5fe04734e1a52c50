import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const GATEWAY_SECRET_HEADER = "x-gateway-secret";

/** Whether a request's header carries the secret (compared in constant time). */
export function carriesGatewaySecret(given: string | string[] | undefined, expected: string): boolean {
  return typeof given === "string" && given !== "" && sameSecret(given, expected);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Subgraphs are not public: every GraphQL request (including `_entities` and `_service`) must
 * carry the gateway's shared secret.
 */
export function gatewaySecretGuard(secret: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (carriesGatewaySecret(req.header(GATEWAY_SECRET_HEADER), secret)) return next();
    res.status(401).json({
      errors: [{ message: "This service only answers the gateway", extensions: { code: "UNAUTHENTICATED" } }],
    });
  };
}
