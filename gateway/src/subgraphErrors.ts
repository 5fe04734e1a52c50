import { GraphQLError, GraphQLFormattedError } from "graphql";

/**
 * A subgraph that did not answer in time, could not be reached, or whose circuit is open. The
 * message names the service and the cause (no internals), so clients and operators see which
 * part is down; the code is the same in every case, for clients to show "this part is missing, retry later".
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(readonly serviceName: string, reason: string, cause?: unknown) {
    super(`The ${serviceName} service ${reason}`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

/**
 * A non-2xx subgraph answer. When its body is a GraphQL response, `graphqlErrors` holds the
 * subgraph's own errors (with their extensions.code), which the data source relays as they are.
 */
export class SubgraphHttpError extends GraphQLError {
  constructor(
    message: string,
    extensions: Record<string, unknown>,
    readonly graphqlErrors: readonly GraphQLFormattedError[] | undefined,
  ) {
    super(message, { extensions });
  }
}

/** The `errors` of a GraphQL response body, when the body is one. */
export function graphqlErrorsOf(body: unknown): GraphQLFormattedError[] | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const wellFormed = errors.every((e) => typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string");
  return wellFormed ? (errors as GraphQLFormattedError[]) : undefined;
}
