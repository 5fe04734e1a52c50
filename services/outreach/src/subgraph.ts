import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, SubgraphModule, subgraphUsingRegistry } from "@camau/shared";
import { contextFactory, OutreachContext } from "./context";
import { outreachEntities } from "./entities";
import { buildSchema } from "./schema";
import { outreachOpenData } from "./openData";

export interface OutreachSubgraphOptions {
  /** Where cooperative ids are checked; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The outreach subgraph as the shared runner sees it, with its registry client injected. */
export function createOutreachSubgraph(options: OutreachSubgraphOptions = {}): SubgraphModule<OutreachContext> {
  return subgraphUsingRegistry(
    {
      name: "outreach",
      entities: outreachEntities,
      migrations: [path.join(__dirname, "migrations", "*.js")],
      buildSchema,
      openData: outreachOpenData,
      contextFactory,
      loadSeed: () => import("./seed/index.js"),
    },
    options.directory,
  );
}

export const outreachSubgraph = createOutreachSubgraph();
