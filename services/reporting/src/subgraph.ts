import "reflect-metadata";
import path from "node:path";
import { SubgraphModule } from "@camau/shared";
import { createContext, ReportingContext } from "./context";
import { reportingEntities } from "./entities";
import { buildSchema } from "./schema";

/** The reporting subgraph as the shared runner sees it. It has no demo data: its first migration writes the first template. */
export const reportingSubgraph: SubgraphModule<ReportingContext> = {
  name: "reporting",
  entities: reportingEntities,
  migrations: [path.join(__dirname, "migrations", "*.js")],
  buildSchema,
  createContext,
};
