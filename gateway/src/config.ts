import { envInt, envOptional, envPrefixOf } from "@camau/shared";
import { readFileSync } from "node:fs";
import path from "node:path";

/** The committed supergraph, composed by `npm run compose` (gateway/supergraph.graphql). */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, "../../supergraph.graphql");

export function readSupergraph(file = envOptional("SUPERGRAPH_PATH") ?? DEFAULT_SUPERGRAPH_PATH): string {
  return readFileSync(file, "utf8");
}

/** Bound on each subgraph fetch (SUBGRAPH_TIMEOUT_MS). */
export function subgraphTimeoutMs(): number {
  const value = envInt("SUBGRAPH_TIMEOUT_MS", 10_000);
  if (value <= 0) throw new Error("SUBGRAPH_TIMEOUT_MS must be positive");
  return value;
}

/**
 * Where to reach a subgraph: an explicit URL (tests, the orchestrator), else `<NAME>_URL`
 * (e.g. REGISTRY_URL, for deployments), else the URL written in the supergraph.
 */
export function subgraphUrl(name: string, fromSupergraph: string | undefined, explicit?: Record<string, string>): string {
  const url = explicit?.[name] ?? envOptional(`${envPrefixOf(name)}URL`) ?? fromSupergraph;
  if (!url) throw new Error(`No URL for subgraph ${name}: set ${envPrefixOf(name)}URL`);
  return url;
}
