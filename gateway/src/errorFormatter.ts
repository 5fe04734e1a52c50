import { createErrorFormatter } from "@camau/shared";
import { GraphQLError, GraphQLFormattedError, Kind } from "graphql";
import { randomUUID } from "node:crypto";
import { withoutSuggestions } from "./limits";
import { SubgraphUnavailableError } from "./subgraphErrors";

function unavailableIn(error: unknown): SubgraphUnavailableError | undefined {
  for (let e = error; e instanceof Error; e = e instanceof GraphQLError ? e.originalError : undefined) {
    if (e instanceof SubgraphUnavailableError) return e;
  }
  return undefined;
}

/**
 * A subgraph's own masked error: the subgraph has logged the detail under this correlation id,
 * so the gateway relays it masked as it is instead of logging an empty copy under a new id.
 */
function relayedInternalError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const extensions = formatted.extensions ?? {};
  if (extensions.code !== "INTERNAL_SERVER_ERROR" || typeof extensions.serviceName !== "string" || typeof extensions.correlationId !== "string") {
    return undefined;
  }
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: extensions.serviceName, correlationId: extensions.correlationId },
  };
}

/**
 * Apollo Server's own refusals of a persisted query come without a code (they would be masked as
 * INTERNAL_SERVER_ERROR in an HTTP 400): said plainly as the client's mistake instead.
 */
const PERSISTED_QUERY_REFUSALS: Readonly<Record<string, string>> = {
  "provided sha does not match query":
    "The persisted query's sha256Hash is not the SHA-256 of the query sent with it: hash the exact query text (UTF-8), written in lowercase hex",
  "Unsupported persisted query version": "Unsupported persisted query version: send persistedQuery.version 1",
};

function persistedQueryRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const message = PERSISTED_QUERY_REFUSALS[formatted.message];
  if (!message || !(error instanceof GraphQLError) || error.originalError) return undefined;
  return { message, extensions: { code: "BAD_REQUEST" } };
}

/** The kinds of a value written in a document (a literal argument or input field). */
const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/**
 * A value that does not fit its type is BAD_USER_INPUT whether it came as a variable (Apollo's
 * code) or was written in the document: graphql-js finds the latter while validating, and Apollo
 * would call it GRAPHQL_VALIDATION_FAILED. Both stay HTTP 400. Told apart from other validation
 * failures by where the error points: at the value itself.
 */
function badLiteralValue(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== "GRAPHQL_VALIDATION_FAILED" || !(error instanceof GraphQLError)) return undefined;
  const nodes = error.nodes ?? [];
  if (nodes.length === 0 || !nodes.every((node) => VALUE_KINDS.has(node.kind))) return undefined;
  return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
}

/**
 * The shared formatter (client errors pass, the unexpected is masked), except that a subgraph
 * being down or too slow is said plainly with its service name: the message holds no internals
 * and tells the client which part of the answer is missing.
 */
export function createGatewayErrorFormatter(options: { hideSuggestions?: boolean } = {}) {
  const base = createErrorFormatter("gateway");
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const refusal = persistedQueryRefusal(formatted, error) ?? badLiteralValue(formatted, error);
    if (refusal) return refusal;
    const relayed = relayedInternalError(formatted);
    if (relayed) return relayed;
    const unavailable = unavailableIn(error);
    if (!unavailable) return base(formatted, error);
    const correlationId = randomUUID();
    process.stderr.write(`[gateway] error ${correlationId}: ${unavailable.message} (${formatted.path?.join(".") ?? "-"})\n`);
    return {
      message: unavailable.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: unavailable.serviceName, correlationId },
    };
  };
  if (!options.hideSuggestions) return format;
  // Production: "Did you mean ...?" would list field, argument and enum names a client did not ask for.
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: withoutSuggestions(result.message) };
  };
}
