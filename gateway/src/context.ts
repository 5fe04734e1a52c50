import { Viewer, viewerOrThrow } from "@camau/shared";
import type { Request } from "express";
import { clientAddressOf } from "./fairUse";
import { requestIdOf } from "./requestId";

/** What the gateway knows about one client request; the data sources read it to build headers. */
export interface GatewayContext {
  viewer: Viewer;
  /** The client's Authorization header, forwarded so each subgraph verifies the token again. */
  authorization?: string;
  requestId: string;
  /** The client's address (behind TRUST_PROXY proxies, from X-Forwarded-For): an anonymous client's fair-use budget. */
  clientAddress: string;
  /** Set on operations the gateway runs for an open-data download, whose budget the download already spent. */
  fairUseSpent?: boolean;
}

/**
 * Verifies the bearer token at the edge: an invalid one ends the request with HTTP 401 and an
 * UNAUTHENTICATED error before any subgraph is called.
 */
export function createGatewayContext(req: Request): GatewayContext {
  return gatewayContextOf(req.header("authorization"), requestIdOf(req), clientAddressOf(req));
}

/** The same from the Authorization header and the request id (the POST fast path has no Express request). */
export function gatewayContextOf(authorization: string | undefined, requestId: string, clientAddress = "unknown"): GatewayContext {
  return {
    viewer: viewerOrThrow(authorization),
    authorization: authorization?.trim() ? authorization : undefined,
    requestId,
    clientAddress,
  };
}
