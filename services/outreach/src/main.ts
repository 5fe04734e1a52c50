import { runSubgraphFromEnvironment } from "@camau/shared";
import { outreachSubgraph } from "./subgraph";

runSubgraphFromEnvironment(outreachSubgraph);
