import { Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, TradeLoaders } from "./loaders";

/** Per-request context of the trade subgraph: who calls, the database, and fresh DataLoaders. */
export interface TradeContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: TradeLoaders;
}

export function createContext(viewer: Viewer, dataSource: DataSource): TradeContext {
  return { viewer, dataSource, loaders: createLoaders(dataSource) };
}
