import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, SubgraphModule, subgraphUsingRegistry } from "@camau/shared";
import { contextFactory, TradeContext } from "./context";
import { tradeEntities } from "./entities";
import { buildSchema } from "./schema";
import { tradeOpenData } from "./openData";
import { CooperativeTerritories } from "./report/cooperativeTerritories";

export interface TradeSubgraphOptions {
  /** Where cooperative ids are checked; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The trade promotion subgraph as the shared runner sees it, with its registry client injected. */
export function createTradeSubgraph(options: TradeSubgraphOptions = {}): SubgraphModule<TradeContext> {
  const territories = new CooperativeTerritories();
  return subgraphUsingRegistry(
    {
      name: "trade",
      entities: tradeEntities,
      migrations: [path.join(__dirname, "migrations", "*.js")],
      buildSchema,
      openData: tradeOpenData,
      contextFactory: (directory) => contextFactory(directory, territories),
      onServing: (directory, primary, log) => territories.follow(directory, primary, log),
      loadSeed: () => import("./seed/index.js"),
    },
    options.directory,
  );
}

export const tradeSubgraph = createTradeSubgraph();
