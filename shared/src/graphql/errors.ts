import { GraphQLError } from "graphql";

/** The error codes of the API (conventions): every error a client sees carries one of these. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CONFLICT = "CONFLICT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/** One offending input value: `path` is the dotted path inside the arguments, e.g. `input.code`. */
export interface InvalidInput {
  path: string;
  message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(message: string, invalidInputs: InvalidInput[] = []) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, invalidInputs } });
  }
}

/** Shorthand for a single offending input. */
export function badInput(path: string, message: string): BadUserInputError {
  return new BadUserInputError(`${path}: ${message}`, [{ path, message }]);
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
