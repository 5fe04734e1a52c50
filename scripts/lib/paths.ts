import path from "node:path";

/** The repository root: this file runs as dist/scripts/lib/paths.js. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The compiled entry point of a workspace package, e.g. services/registry/dist/src/main.js (dir relative to the root, or absolute). */
export function mainScriptOf(dir: string): string {
  return path.resolve(REPO_ROOT, dir, "dist", "src", "main.js");
}
