/**
 * The one place where subgraphs are registered. The orchestrator (`npm start`), the
 * composition script, the gateway's default URLs and the end-to-end harness all read this
 * list, so adding a subgraph means adding one entry here (and its folder under services/).
 */
export interface SubgraphDefinition {
  /** Subgraph name as it appears in the supergraph; also names its database and env vars. */
  readonly name: string;
  /** Default port when run by the orchestrator. */
  readonly port: number;
  /** Folder of the workspace package, relative to the repository root. */
  readonly dir: string;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  { name: "registry", port: 4001, dir: "services/registry" },
  { name: "fund", port: 4002, dir: "services/fund" },
  { name: "trade", port: 4003, dir: "services/trade" },
  { name: "outreach", port: 4004, dir: "services/outreach" },
  { name: "reporting", port: 4005, dir: "services/reporting" },
];

export const GATEWAY_PORT = 4000;

/** Name of the database a subgraph owns on a shared server, e.g. `camau_registry`. */
export function databaseNameOf(subgraph: string): string {
  return `camau_${subgraph}`;
}

/** Prefix of a subgraph's own environment variables, e.g. `REGISTRY_`. */
export function envPrefixOf(subgraph: string): string {
  return subgraph.toUpperCase().replace(/[^A-Z0-9]/g, "_") + "_";
}
