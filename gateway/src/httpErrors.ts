import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Express answers a malformed or oversized JSON body with an HTML page; clients of a GraphQL
 * API expect a GraphQL-shaped error, so body-parser failures are turned into one.
 */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string } | undefined)?.type;
  if (type === "entity.too.large") {
    res.status(413).json({ errors: [{ message: "Request body is too large", extensions: { code: "BAD_REQUEST" } }] });
    return;
  }
  if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") {
    res.status(400).json({ errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    return;
  }
  next(error);
}

/** Any other path: a JSON 404 rather than Express's HTML page. */
export function notFoundHandler(_req: Request, res: Response): void {
  res.status(404).json({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] });
}

/**
 * The last error handler: anything else that went wrong outside GraphQL (a bug in a middleware, a
 * malformed URL) is logged with a correlation id and answered as a masked JSON 500. Express's own
 * handler would send an HTML page with the stack trace whenever NODE_ENV is not production.
 */
export function lastErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    res.status(status).json({ errors: [{ message: "Bad request", extensions: { code: "BAD_REQUEST" } }] });
    return;
  }
  const correlationId = randomUUID();
  process.stderr.write(`[gateway] error ${correlationId} outside GraphQL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] });
}
