import { SubgraphRequest, Viewer } from "@camau/shared";
import { DataSource } from "typeorm";

/** Per-request context of the reporting subgraph: who calls, with which token (forwarded to the gateway), and the database. */
export interface ReportingContext {
  viewer: Viewer;
  dataSource: DataSource;
  /** The caller's Authorization header: the draft's figures are read from the graph as the caller. */
  authorization: string | undefined;
}

export function createContext(viewer: Viewer, dataSource: DataSource, request?: SubgraphRequest): ReportingContext {
  return { viewer, dataSource, authorization: request?.authorization };
}
