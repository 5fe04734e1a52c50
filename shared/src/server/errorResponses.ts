import { randomUUID } from "node:crypto";
import type http from "node:http";

/**
 * The one way the gateway and the subgraphs answer a request that fails outside GraphQL (a body
 * that is not JSON or too large, an unknown path, a bug in a middleware): a GraphQL-shaped JSON
 * body `{ errors: [{ message, extensions: { code } }] }`, written on the bare Node response so
 * that every way a server answers (Express's error handlers, the gateway's plain-JSON path) sends
 * the same status, headers and body. Express's own handler would send an HTML page, with the
 * stack trace whenever NODE_ENV is not production.
 */
export function sendErrorResponse(res: http.ServerResponse, status: number, message: string, extensions: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * Something unexpected: the detail goes to the log under a correlation id, the client gets a
 * masked 500 with that id. A response already under way is cut, since its status is gone.
 */
export function sendInternalError(res: http.ServerResponse, service: string, error: unknown): void {
  const correlationId = randomUUID();
  process.stderr.write(`[${service}] error ${correlationId} outside GraphQL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendErrorResponse(res, 500, "Internal server error", { code: "INTERNAL_SERVER_ERROR", correlationId });
}

/** A body that is not an object or array of JSON, or in an unsupported charset or encoding. */
export function sendInvalidJson(res: http.ServerResponse): void {
  sendErrorResponse(res, 400, "Request body is not valid JSON", { code: "BAD_REQUEST" });
}

/**
 * Express's last error handler for a server: body-parser's failures as client errors (413, 400),
 * any other 4xx an error carries as a plain "Bad request", everything else a masked 500.
 */
export function jsonErrorHandler(service: string) {
  return (error: unknown, _req: http.IncomingMessage, res: http.ServerResponse, next: (error: unknown) => void): void => {
    if (res.headersSent) return next(error);
    const { type, status, statusCode } = (error ?? {}) as { type?: string; status?: number; statusCode?: number };
    if (type === "entity.too.large") return sendErrorResponse(res, 413, "Request body is too large", { code: "BAD_REQUEST" });
    if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") return sendInvalidJson(res);
    const given = status ?? statusCode;
    if (typeof given === "number" && given >= 400 && given < 500) return sendErrorResponse(res, given, "Bad request", { code: "BAD_REQUEST" });
    sendInternalError(res, service, error);
  };
}

/** Any path a server does not serve: a JSON 404 rather than Express's HTML page. */
export function notFoundHandler(_req: http.IncomingMessage, res: http.ServerResponse): void {
  sendErrorResponse(res, 404, "Not found", { code: "NOT_FOUND" });
}
