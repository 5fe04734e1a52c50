import { SubgraphUnderTest, testTokens } from "@camau/shared/testing";
import { registrySubgraph } from "../src/subgraph";

/** The registry on a fresh database (optionally with the demo dataset). */
export const startRegistry = (options: { seed?: boolean } = {}) => SubgraphUnderTest.start(registrySubgraph, options);
export const tokens = testTokens;
