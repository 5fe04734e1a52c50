import { envInt, envOptional, GATEWAY_PORT } from "@camau/shared";
import { GraphQLError } from "graphql";

/** Where the report reads its figures: the gateway, like any other client of the graph. */
export function gatewayUrl(): string {
  return envOptional("GATEWAY_URL") ?? `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
}

export interface GatewayAnswer<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The gateway refused the operation itself (an unknown field or argument), not its data. */
export class GatewayValidationError extends Error {}

/**
 * POSTs one operation to the gateway with the caller's Authorization header, so the figures are
 * exactly those the caller may read (the fund's withheld cells for the public, all for its staff).
 */
export async function queryGateway<TData>(query: string, variables: Record<string, unknown>, authorization: string | undefined): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(envInt("REPORT_GATEWAY_TIMEOUT_MS", 30_000)),
    });
  } catch (error) {
    throw new GraphQLError(`The report's figures could not be read from the graph: ${(error as Error).message}`, { extensions: { code: "SUBGRAPH_UNAVAILABLE" } });
  }
  const answer = (await response.json().catch(() => ({}))) as GatewayAnswer<TData>;
  const errors = answer.errors ?? [];
  if (errors.some((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED")) {
    throw new GatewayValidationError(errors.map((e) => e.message).join("; "));
  }
  if (errors.length || !answer.data) {
    const code = errors[0]?.extensions?.code;
    throw new GraphQLError(`The report's figures could not be read from the graph: ${errors.map((e) => e.message).join("; ") || `HTTP ${response.status}`}`, {
      extensions: { code: code === "FORBIDDEN" || code === "UNAUTHENTICATED" || code === "RATE_LIMITED" ? code : "SUBGRAPH_UNAVAILABLE" },
    });
  }
  return answer.data;
}
