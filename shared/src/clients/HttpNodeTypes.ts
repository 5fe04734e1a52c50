import { SUBGRAPHS, envPrefixOf } from "../catalog";
import { envInt, envOptional } from "../config/env";
import { gatewaySecret } from "../config/secrets";
import { GATEWAY_SECRET_HEADER } from "../server/gatewaySecretGuard";

/** A subgraph's URL: <NAME>_URL (as the orchestrator and the manifests give every service), else the catalog's port on loopback. */
export function subgraphUrlFromEnvironment(name: string): string {
  const configured = envOptional(`${envPrefixOf(name)}URL`);
  if (configured) return configured;
  const port = SUBGRAPHS.find((s) => s.name === name)?.port;
  if (!port) throw new Error(`No subgraph named ${name} in the catalog`);
  return `http://127.0.0.1:${port}/graphql`;
}

export class NodeTypesUnavailableError extends Error {}

/**
 * Finds which of a subgraph's types each UUID belongs to, by asking that subgraph for the
 * `__typename` of one entity reference per (id, candidate type), directly (subgraph to subgraph,
 * with the gateway's secret) and with the caller's own Authorization: an object the caller may
 * not read comes back null, exactly as through the field that owns it.
 */
export async function findNodeTypes(
  subgraph: string,
  typenames: readonly string[],
  ids: readonly string[],
  authorization: string | undefined,
  url: string = subgraphUrlFromEnvironment(subgraph),
  timeoutMs: number = envInt("NODE_LOOKUP_TIMEOUT_MS", 5000),
): Promise<Map<string, string>> {
  const representations = ids.flatMap((id) => typenames.map((__typename) => ({ __typename, id })));
  const found = new Map<string, string>();
  if (!representations.length) return found;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret(), ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: "query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }", variables: { r: representations } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new NodeTypesUnavailableError(`the ${subgraph} subgraph did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new NodeTypesUnavailableError(`the ${subgraph} subgraph answered HTTP ${response.status}`);
  const body = (await response.json()) as { data?: { _entities?: ({ __typename: string } | null)[] } };
  (body.data?._entities ?? []).forEach((entity, index) => {
    if (entity && representations[index]) found.set(representations[index].id, entity.__typename);
  });
  return found;
}
