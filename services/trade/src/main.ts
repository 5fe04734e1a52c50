import { runSubgraphFromEnvironment } from "@camau/shared";
import { tradeSubgraph } from "./subgraph";

runSubgraphFromEnvironment(tradeSubgraph);
