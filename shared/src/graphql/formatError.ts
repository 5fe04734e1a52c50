import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode, isDatabaseUnavailable, isQueryCanceled, QUERY_TIMEOUT_MESSAGE } from "./errors";

/** Codes whose message was written for the client and may be shown as is. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "RATE_LIMITED",
]);

/** Extensions a client error may carry; anything else (exception, stacktrace) is dropped. */
const CLIENT_EXTENSIONS = ["code", "invalidInputs", "serviceName", "correlationId", "retryAfterSeconds"];

/**
 * Apollo Server `formatError`: client errors pass with their code; anything unexpected (a bug,
 * a SQL error) is logged with a correlation id and reaches the client only as
 * INTERNAL_SERVER_ERROR carrying that id, never with SQL, stack traces or paths. A statement
 * cancelled by the database (statement_timeout) is logged the same way and reaches the client as
 * TIMEOUT with a fixed message and the id; a database that cannot be reached (the primary down
 * while replica reads go on) the same way as DATABASE_UNAVAILABLE.
 */
export function createErrorFormatter(service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const fixed = fixedAnswerOf(code, original);
    if (fixed) {
      // A fixed-answer code carrying an id comes from a subgraph (this is the gateway) that logged it already.
      const relayedId = code === fixed.code ? formatted.extensions?.correlationId : undefined;
      const correlationId = typeof relayedId === "string" ? relayedId : randomUUID();
      if (typeof relayedId !== "string") logUnexpected(service, correlationId, formatted, original);
      const serviceName = formatted.extensions?.serviceName;
      return {
        message: fixed.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: fixed.code, ...(typeof serviceName === "string" ? { serviceName } : {}), correlationId },
      };
    }
    const clientError = code !== undefined && CLIENT_CODES.has(code) && (original instanceof GraphQLError || original === error || !(original instanceof Error));
    if (clientError) {
      const extensions: Record<string, unknown> = {};
      for (const key of CLIENT_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const correlationId = (formatted.extensions?.correlationId as string | undefined) ?? randomUUID();
    logUnexpected(service, correlationId, formatted, original);
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", correlationId },
    };
  };
}

/** Server-side failures the client is told about by a code and a fixed message (never the driver's text). */
function fixedAnswerOf(code: string | undefined, original: unknown): { code: ErrorCode; message: string } | undefined {
  if (code === ErrorCode.TIMEOUT || isQueryCanceled(original)) return { code: ErrorCode.TIMEOUT, message: QUERY_TIMEOUT_MESSAGE };
  if (code === ErrorCode.DATABASE_UNAVAILABLE || isDatabaseUnavailable(original)) return { code: ErrorCode.DATABASE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE };
  return undefined;
}

/** The log line of an error the client sees only by its correlation id. */
function logUnexpected(service: string, correlationId: string, formatted: GraphQLFormattedError, original: unknown): void {
  const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
  process.stderr.write(`[${service}] error ${correlationId} at ${formatted.path?.join(".") ?? "-"}: ${detail}\n`);
}
