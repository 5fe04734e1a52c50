import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, HttpCooperativeDirectory, SubgraphModule } from "@camau/shared";
import { contextFactory, OutreachContext } from "./context";
import { outreachEntities } from "./entities";
import { buildSchema } from "./schema";

export interface OutreachSubgraphOptions {
  /** Where cooperative ids are checked; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The outreach subgraph as the shared runner sees it, with its registry client injected. */
export function createOutreachSubgraph(options: OutreachSubgraphOptions = {}): SubgraphModule<OutreachContext> {
  let directory = options.directory;
  return {
    name: "outreach",
    entities: outreachEntities,
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

export const outreachSubgraph = createOutreachSubgraph();
