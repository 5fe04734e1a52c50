import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSubgraphSchemaOf, runMain } from "./lib/subgraphSchema";

/** Child process of `npm run compose`: prints one subgraph's SDL (one subgraph per process). */
runMain(async () => {
  process.stdout.write(printSubgraphSchema(await buildSubgraphSchemaOf(process.argv[2] ?? "")));
});
