import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./lib/paths";

/**
 * Child process of `npm run compose`: prints one subgraph's SDL, built without a database from
 * `<dir>/dist/src/schema.js` (its exported buildSchema()). One subgraph per process, because
 * type-graphql keeps its metadata in globals shared by everything loaded in a process.
 */
async function main(dir: string): Promise<void> {
  const modulePath = path.resolve(REPO_ROOT, dir, "dist", "src", "schema.js");
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: build first, and give the service a src/schema.ts exporting buildSchema()`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSchema } = require(modulePath) as { buildSchema?: () => Promise<GraphQLSchema> };
  if (typeof buildSchema !== "function") throw new Error(`${modulePath} does not export buildSchema()`);
  process.stdout.write(printSubgraphSchema(await buildSchema()));
}

main(process.argv[2] ?? "").catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
