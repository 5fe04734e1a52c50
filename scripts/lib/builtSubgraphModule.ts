import { SubgraphDefinition } from "@camau/shared";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/** What the scripts need of a service's built subgraph module: its entities and migrations. */
export interface BuiltSubgraphModule {
  name: string;
  entities: unknown;
  migrations: unknown;
}

/** Loads a compiled file of a service's build output (services/<name>/dist/src/...). */
export function requireBuilt<T>(dir: string, relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(REPO_ROOT, dir, "dist", "src", relative)) as T;
}

/**
 * A subgraph's module from its built output (dist/src/subgraph.js), as the orchestrator runs it:
 * the scripts that migrate or seed the subgraphs' databases take the entities and migrations the
 * service itself would use.
 */
export function builtSubgraphModule(definition: SubgraphDefinition): BuiltSubgraphModule {
  const exports = requireBuilt<Record<string, unknown>>(definition.dir, "subgraph.js");
  const found = Object.values(exports).find(
    (value): value is BuiltSubgraphModule => typeof value === "object" && value !== null && (value as BuiltSubgraphModule).name === definition.name && "migrations" in value,
  );
  if (!found) throw new Error(`${definition.dir}: dist/src/subgraph.js exports no subgraph module named ${definition.name}`);
  return found;
}
