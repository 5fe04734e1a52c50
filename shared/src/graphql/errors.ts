import { GraphQLError } from "graphql";

/** The error codes of the API (conventions): every error a client sees carries one of these. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CONFLICT = "CONFLICT",
  /** The client has spent its fair-use budget (HTTP 429 with Retry-After). */
  RATE_LIMITED = "RATE_LIMITED",
  /** A database statement ran past DB_STATEMENT_TIMEOUT_MS and was cancelled. */
  TIMEOUT = "TIMEOUT",
  /** The database a request needs cannot be reached (e.g. the primary is down: writes fail, replica reads go on). */
  DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/**
 * One broken rule of the input, the one shape of a rule problem in every subgraph: `path` is the
 * dotted path inside the arguments (`input.code`), or, where a domain rule returns it, inside the
 * value the rule checked (`stars`), to be placed under the argument by `throwIfInvalid`.
 */
export interface InvalidInput {
  path: string;
  message: string;
}

/** BAD_USER_INPUT with every offending input in `extensions.invalidInputs`. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, invalidInputs: InvalidInput[] = []) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, invalidInputs } });
  }
}

/** Shorthand for a single offending input. */
export function badInput(path: string, message: string): BadUserInputError {
  return new BadUserInputError(`${path}: ${message}`, [{ path, message }]);
}

/**
 * The one place where rule problems become BAD_USER_INPUT: throws one error listing them all
 * (each path placed under `under`, e.g. `input`, when given); returns when there is none.
 */
export function throwIfInvalid(problems: readonly InvalidInput[], under?: string): void {
  if (!problems.length) return;
  const invalid = under ? problems.map((p) => ({ path: `${under}.${p.path}`, message: p.message })) : [...problems];
  throw new BadUserInputError(`Invalid input: ${invalid.map((p) => `${p.path}: ${p.message}`).join("; ")}`, invalid);
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "You are not allowed to do this") {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = "A valid bearer token is required") {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.CONFLICT } });
  }
}

/** The one message of TIMEOUT: fixed, so no SQL or database text can reach the client. */
export const QUERY_TIMEOUT_MESSAGE = "The query took too long and was cancelled";

/** SQLSTATE 57014 (query_canceled): statement_timeout, or a cancel request from an operator. */
const QUERY_CANCELED = "57014";

/**
 * True when the error, or one it wraps (TypeORM's QueryFailedError copies the pg error's `code`
 * and keeps it as `driverError`; GraphQL errors keep theirs as `originalError`), is a cancelled
 * statement.
 */
export function isQueryCanceled(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as { code?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown };
    if (e.code === QUERY_CANCELED) return true;
    current = e.driverError ?? e.originalError ?? e.cause;
  }
  return false;
}

/** The one message of DATABASE_UNAVAILABLE: fixed, so no host, port or driver text reaches the client. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again later";

/**
 * Node's socket errors of a server that is down or unreachable, and the SQLSTATEs of a server
 * that cannot take the statement: class 08 (connection exception), 57P01-57P03 (shut down by an
 * administrator, crash, still starting up), 25006 (a write reached a read-only standby).
 */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "25006"]);
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * True when the error, or one TypeORM or GraphQL wraps, says the database could not be reached or
 * is shutting down. `cause` is not followed: fetch keeps a refused connection to another service
 * there, and that is not the database.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown };
    if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
    if (typeof e.message === "string" && UNREACHABLE_MESSAGES.test(e.message)) return true;
    current = e.driverError ?? e.originalError;
  }
  return false;
}
