import "reflect-metadata";
import path from "node:path";
import { SubgraphModule } from "@camau/shared";
import { createContext, OutreachContext } from "./context";
import { outreachEntities } from "./entities";
import { buildSchema } from "./schema";

/** The outreach subgraph as the shared runner sees it. */
export const outreachSubgraph: SubgraphModule<OutreachContext> = {
  name: "outreach",
  entities: outreachEntities,
  migrations: [path.join(__dirname, "migrations", "*.js")],
  buildSchema,
  createContext,
  async seedIfEmpty(dataSource, log) {
    // Loaded lazily: production processes never load the demo generator.
    const { seedIfEmpty } = await import("./seed/index.js");
    await seedIfEmpty(dataSource, log);
  },
};
