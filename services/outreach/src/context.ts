import { CooperativeDirectory, Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, OutreachLoaders } from "./loaders";

/** Per-request context of the outreach subgraph: who calls, the database, and fresh DataLoaders. */
export interface OutreachContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: OutreachLoaders;
  /** The registry's cooperatives: every cooperative id this subgraph stores is checked there first. */
  directory: CooperativeDirectory;
}

export function contextFactory(directory: CooperativeDirectory) {
  return (viewer: Viewer, dataSource: DataSource): OutreachContext => ({ viewer, dataSource, loaders: createLoaders(dataSource), directory });
}
