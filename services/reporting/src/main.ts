import { runSubgraphFromEnvironment } from "@camau/shared";
import { reportingSubgraph } from "./subgraph";

runSubgraphFromEnvironment(reportingSubgraph);
