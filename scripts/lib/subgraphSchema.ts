import type { GraphQLSchema } from "graphql";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/**
 * Builds one subgraph's schema without a database from `<dir>/dist/src/schema.js` (its exported
 * buildSchema()). Call it once per process: type-graphql keeps its metadata in globals shared by
 * everything loaded in a process.
 */
export async function buildSubgraphSchemaOf(dir: string): Promise<GraphQLSchema> {
  const modulePath = path.resolve(REPO_ROOT, dir, "dist", "src", "schema.js");
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: build first, and give the service a src/schema.ts exporting buildSchema()`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSchema } = require(modulePath) as { buildSchema?: () => Promise<GraphQLSchema> };
  if (typeof buildSchema !== "function") throw new Error(`${modulePath} does not export buildSchema()`);
  return buildSchema();
}

/** Runs a child-process script's main and turns a failure into a message on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
