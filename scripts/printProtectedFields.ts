import { protectedFieldsOf } from "@camau/shared";
import { buildSubgraphSchemaOf, runMain } from "./lib/subgraphSchema";

/**
 * Prints, as JSON, the fields of one subgraph that carry @Authorized and their roles, read from its
 * built schema (one subgraph per process). The end-to-end test of the error rule calls each of them.
 */
runMain(async () => {
  process.stdout.write(JSON.stringify(protectedFieldsOf(await buildSubgraphSchemaOf(process.argv[2] ?? ""))));
});
