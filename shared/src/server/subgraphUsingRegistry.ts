import { BaseContext } from "@apollo/server";
import { DataSource } from "typeorm";
import { Viewer } from "../auth/viewer";
import { CooperativeDirectory } from "../clients/CooperativeDirectory";
import { HttpCooperativeDirectory } from "../clients/HttpCooperativeDirectory";
import { SubgraphModule } from "./subgraphModule";

/** A subgraph that stores references to the registry's cooperatives and checks them at write time. */
export interface RegistryUsingSubgraph<TContext extends BaseContext> extends Omit<SubgraphModule<TContext>, "createContext" | "seedIfEmpty" | "onServing"> {
  /** Builds the per-request context around the directory the references are checked against. */
  contextFactory(directory: CooperativeDirectory): (viewer: Viewer, dataSource: DataSource) => TContext;
  /** The demo-data loader, imported only when asked for: production processes never load it. */
  loadSeed(): Promise<{ seedIfEmpty(dataSource: DataSource, log: (line: string) => void): Promise<void> }>;
  /** Background work once serving (see SubgraphModule.onServing), with the same directory as the requests'. */
  onServing?(directory: CooperativeDirectory, primary: DataSource, log: (line: string) => void): { stop(): Promise<void> };
}

/**
 * The runner's view of such a subgraph. The directory is the registry subgraph over HTTP
 * (REGISTRY_URL) unless one is given (tests); the HTTP client reads its configuration on first
 * use, not at import.
 */
export function subgraphUsingRegistry<TContext extends BaseContext>(definition: RegistryUsingSubgraph<TContext>, directory?: CooperativeDirectory): SubgraphModule<TContext> {
  const { contextFactory, loadSeed, onServing, ...module } = definition;
  let theDirectory: CooperativeDirectory | undefined;
  const directoryInUse = () => (theDirectory ??= directory ?? new HttpCooperativeDirectory());
  let createContext: ((viewer: Viewer, dataSource: DataSource) => TContext) | undefined;
  return {
    ...module,
    createContext: (viewer, dataSource) => (createContext ??= contextFactory(directoryInUse()))(viewer, dataSource),
    ...(onServing ? { onServing: (primary: DataSource, log: (line: string) => void) => onServing(directoryInUse(), primary, log) } : {}),
    async seedIfEmpty(dataSource, log) {
      await (await loadSeed()).seedIfEmpty(dataSource, log);
    },
  };
}
