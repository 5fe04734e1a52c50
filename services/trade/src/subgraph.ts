import "reflect-metadata";
import path from "node:path";
import { SubgraphModule } from "@camau/shared";
import { createContext, TradeContext } from "./context";
import { tradeEntities } from "./entities";
import { buildSchema } from "./schema";

/** The trade promotion subgraph as the shared runner sees it. */
export const tradeSubgraph: SubgraphModule<TradeContext> = {
  name: "trade",
  entities: tradeEntities,
  migrations: [path.join(__dirname, "migrations", "*.js")],
  buildSchema,
  createContext,
  async seedIfEmpty(dataSource, log) {
    // Loaded lazily: production processes never load the demo generator (nor the registry's).
    const { seedIfEmpty } = await import("./seed/index.js");
    await seedIfEmpty(dataSource, log);
  },
};
