import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const REQUEST_ID_HEADER = "x-request-id";

/** A client-supplied id is kept only when it is short and plain, so it cannot poison logs. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the client's own when acceptable), echoes it in the response and
 * stores it on the request so the gateway forwards the same id to every subgraph it calls.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdFrom(req.header(REQUEST_ID_HEADER));
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

/** The client's id when acceptable, else a new one. */
export function requestIdFrom(given: string | string[] | undefined): string {
  return typeof given === "string" && ACCEPTABLE.test(given) ? given : randomUUID();
}

export function requestIdOf(req: Request): string {
  return (req.res?.locals.requestId as string | undefined) ?? randomUUID();
}
