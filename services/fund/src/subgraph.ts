import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, HttpCooperativeDirectory, SubgraphModule } from "@camau/shared";
import { contextFactory, FundContext } from "./context";
import { fundEntities } from "./entities";
import { buildSchema } from "./schema";

export interface FundSubgraphOptions {
  /** Where borrowers are looked up; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The fund subgraph as the shared runner sees it, with its registry client injected. */
export function createFundSubgraph(options: FundSubgraphOptions = {}): SubgraphModule<FundContext> {
  let directory = options.directory;
  return {
    name: "fund",
    entities: fundEntities,
    migrations: [path.join(__dirname, "migrations", "*.js")],
    buildSchema,
    // The HTTP client reads its configuration on first use, not at import.
    createContext: (viewer, dataSource) => contextFactory((directory ??= new HttpCooperativeDirectory()))(viewer, dataSource),
    async seedIfEmpty(dataSource, log) {
      // Loaded lazily: production processes never load the demo generator.
      const { seedIfEmpty } = await import("./seed/index.js");
      await seedIfEmpty(dataSource, log);
    },
  };
}

export const fundSubgraph = createFundSubgraph();
