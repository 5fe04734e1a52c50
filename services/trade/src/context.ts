import { CooperativeDirectory, Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, TradeLoaders } from "./loaders";
import { CooperativeTerritories } from "./report/cooperativeTerritories";

/** Per-request context of the trade subgraph: who calls, the database, and fresh DataLoaders. */
export interface TradeContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: TradeLoaders;
  /** The registry's cooperatives: every cooperative id this subgraph stores is checked there first. */
  directory: CooperativeDirectory;
  /** The old province of each cooperative's head office, kept in the database for the report (one per process). */
  territories: CooperativeTerritories;
}

export function contextFactory(directory: CooperativeDirectory, territories: CooperativeTerritories) {
  return (viewer: Viewer, dataSource: DataSource): TradeContext => ({ viewer, dataSource, loaders: createLoaders(dataSource), directory, territories });
}
