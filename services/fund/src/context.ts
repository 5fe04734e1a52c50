import { CooperativeDirectory, Viewer } from "@camau/shared";
import { DataSource } from "typeorm";
import { createLoaders, FundLoaders } from "./loaders";

/** Per-request context of the fund: who calls, the database, fresh DataLoaders, the registry client. */
export interface FundContext {
  viewer: Viewer;
  dataSource: DataSource;
  loaders: FundLoaders;
  /** Where borrowers are looked up (the registry); injected, so tests can use an in-memory one. */
  directory: CooperativeDirectory;
}

/** What the fund's services need of a request: who acts, the database, the registry. */
export type FundRequest = Pick<FundContext, "viewer" | "dataSource" | "directory">;

export function contextFactory(directory: CooperativeDirectory) {
  return (viewer: Viewer, dataSource: DataSource): FundContext => ({ viewer, dataSource, loaders: createLoaders(dataSource), directory });
}
