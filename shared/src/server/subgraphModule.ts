import { BaseContext } from "@apollo/server";
import { GraphQLSchema } from "graphql";
import { DataSource, EntitySchema, MixedList } from "typeorm";
import { Viewer } from "../auth/viewer";
import { OpenDataSource } from "../openData/datasetStream";

/** What of the incoming HTTP request a context may use. */
export interface SubgraphRequest {
  readonly authorization?: string;
}

/**
 * Everything the shared runner needs to know about one subgraph. A service's `subgraph.ts`
 * exports one of these; its `main.ts` only hands it to `runSubgraphFromEnvironment`.
 */
export interface SubgraphModule<TContext extends BaseContext> {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  buildSchema(): Promise<GraphQLSchema>;
  /**
   * Per-request context: the viewer and fresh DataLoaders bound to the data source. `request`
   * carries the caller's Authorization header for a subgraph that calls the gateway on the
   * caller's behalf (and so sees exactly what the caller may see).
   */
  createContext(viewer: Viewer, dataSource: DataSource, request?: SubgraphRequest): TContext;
  /** The open datasets it streams from its own database (shared/src/openData). */
  openData?: readonly OpenDataSource[];
  /** Loads this subgraph's part of the demo dataset when its database holds no data. */
  seedIfEmpty?(dataSource: DataSource, log: (line: string) => void): Promise<void>;
  /**
   * Work the subgraph keeps doing in the background once it serves, on its primary pool (e.g.
   * data it keeps from another subgraph). Must not throw nor delay readiness; stopped before the
   * pools close.
   */
  onServing?(primary: DataSource, log: (line: string) => void): { stop(): Promise<void> };
}
