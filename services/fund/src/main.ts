import { runSubgraphFromEnvironment } from "@camau/shared";
import { fundSubgraph } from "./subgraph";

runSubgraphFromEnvironment(fundSubgraph);
