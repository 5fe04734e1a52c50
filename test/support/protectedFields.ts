import { ProtectedField } from "@camau/shared";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../../scripts/lib/paths";

/**
 * The fields of one subgraph that carry @Authorized, with their roles, read from its built schema
 * in a child process (type-graphql's metadata is global: one subgraph per process).
 */
export async function protectedFieldsOfSubgraph(dir: string): Promise<ProtectedField[]> {
  const script = path.join(REPO_ROOT, "dist", "scripts", "printProtectedFields.js");
  const { stdout } = await promisify(execFile)(process.execPath, [script, dir], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as ProtectedField[];
}
