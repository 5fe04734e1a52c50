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
