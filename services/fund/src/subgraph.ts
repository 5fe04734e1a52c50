import "reflect-metadata";
import path from "node:path";
import { CooperativeDirectory, SubgraphModule, subgraphUsingRegistry } from "@camau/shared";
import { contextFactory, FundContext } from "./context";
import { fundEntities } from "./entities";
import { buildSchema } from "./schema";

export interface FundSubgraphOptions {
  /** Where borrowers are looked up; by default the registry subgraph over HTTP (REGISTRY_URL). */
  directory?: CooperativeDirectory;
}

/** The fund subgraph as the shared runner sees it, with its registry client injected. */
export function createFundSubgraph(options: FundSubgraphOptions = {}): SubgraphModule<FundContext> {
  return subgraphUsingRegistry(
    {
      name: "fund",
      entities: fundEntities,
      migrations: [path.join(__dirname, "migrations", "*.js")],
      buildSchema,
      // No row-level dataset: its routes say only when its data last changed (the report figures).
      openData: [],
      contextFactory,
      loadSeed: () => import("./seed/index.js"),
    },
    options.directory,
  );
}

export const fundSubgraph = createFundSubgraph();
