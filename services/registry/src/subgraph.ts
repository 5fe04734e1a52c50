import "reflect-metadata";
import path from "node:path";
import { SubgraphModule } from "@camau/shared";
import { createContext, RegistryContext } from "./context";
import { registryEntities } from "./entities";
import { buildSchema } from "./schema";
import { registryOpenData } from "./openData";

/** The registry subgraph as the shared runner sees it. */
export const registrySubgraph: SubgraphModule<RegistryContext> = {
  name: "registry",
  entities: registryEntities,
  migrations: [path.join(__dirname, "migrations", "*.js")],
  buildSchema,
  openData: registryOpenData,
  createContext,
  async seedIfEmpty(dataSource, log) {
    // Loaded lazily: production processes never load the demo generator.
    const { seedIfEmpty } = await import("./seed/index.js");
    await seedIfEmpty(dataSource, log);
  },
};
