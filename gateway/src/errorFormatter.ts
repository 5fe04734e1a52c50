import { createErrorFormatter } from "@camau/shared";
import { GraphQLError, GraphQLFormattedError } from "graphql";
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
 * The shared formatter (client errors pass, the unexpected is masked), except that a subgraph
 * being down or too slow is said plainly with its service name: the message holds no internals
 * and tells the client which part of the answer is missing.
 */
export function createGatewayErrorFormatter(options: { hideSuggestions?: boolean } = {}) {
  const base = createErrorFormatter("gateway");
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
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
