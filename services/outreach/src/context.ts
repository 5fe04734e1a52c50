import { Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, OutreachLoaders } from "./loaders";

/** Per-request context of the outreach subgraph: who calls, the database, and fresh DataLoaders. */
export interface OutreachContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: OutreachLoaders;
}

export function createContext(viewer: Viewer, dataSource: DataSource): OutreachContext {
  return { viewer, dataSource, loaders: createLoaders(dataSource) };
}
