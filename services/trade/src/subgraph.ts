import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, HttpCooperativeDirectory, SubgraphModule } from "@camau/shared";
import { contextFactory, TradeContext } from "./context";
import { tradeEntities } from "./entities";
import { buildSchema } from "./schema";

export interface TradeSubgraphOptions {
  /** Where cooperative ids are checked; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The trade promotion subgraph as the shared runner sees it, with its registry client injected. */
export function createTradeSubgraph(options: TradeSubgraphOptions = {}): SubgraphModule<TradeContext> {
  let directory = options.directory;
  return {
    name: "trade",
    entities: tradeEntities,
    migrations: [path.join(__dirname, "migrations", "*.js")],
    buildSchema,
    // The HTTP client reads its configuration on first use, not at import.
    createContext: (viewer, dataSource) => contextFactory((directory ??= new HttpCooperativeDirectory()))(viewer, dataSource),
    async seedIfEmpty(dataSource, log) {
      // Loaded lazily: production processes never load the demo generator (nor the registry's).
      const { seedIfEmpty } = await import("./seed/index.js");
      await seedIfEmpty(dataSource, log);
    },
  };
}

export const tradeSubgraph = createTradeSubgraph();
