import path from "node:path";
import type { startStack as StartStack } from "../../dist/scripts/stack";
import type { postmasterPid as PostmasterPid, startPersistentPostgres as StartPostgres } from "../../dist/scripts/lib/embeddedForStart";
import type { holdsData as HoldsData, seedAll as SeedAll } from "../../dist/scripts/lib/seedAll";

/**
 * The repository's own scripts as the benchmarks run them: the built stack (`npm start`'s), its
 * embedded PostgreSQL on a data folder of the benchmark's, and the seed, loaded from the root's
 * build output at run time (outside this package's rootDir; only their types are imported).
 */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { startStack } = require(path.join(REPO_ROOT, "dist/scripts/stack.js")) as { startStack: typeof StartStack };
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { postmasterPid, startPersistentPostgres } = require(path.join(REPO_ROOT, "dist/scripts/lib/embeddedForStart.js")) as { startPersistentPostgres: typeof StartPostgres; postmasterPid: typeof PostmasterPid };
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { holdsData, seedAll } = require(path.join(REPO_ROOT, "dist/scripts/lib/seedAll.js")) as { seedAll: typeof SeedAll; holdsData: typeof HoldsData };

/** A line of progress on standard output. */
export const say = (line: string) => process.stdout.write(`${line}\n`);
