import { runSubgraphFromEnvironment } from "@camau/shared";
import { registrySubgraph } from "./subgraph";

runSubgraphFromEnvironment(registrySubgraph);
