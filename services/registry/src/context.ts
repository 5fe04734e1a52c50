import { Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, RegistryLoaders } from "./loaders";

/** Per-request context of the registry: who calls, the database, and fresh DataLoaders. */
export interface RegistryContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: RegistryLoaders;
}

export function createContext(viewer: Viewer, dataSource: DataSource): RegistryContext {
  return { viewer, dataSource, loaders: createLoaders(dataSource) };
}
