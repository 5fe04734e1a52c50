import { SUBGRAPHS } from "@camau/shared";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { composeSupergraph, SubgraphSdl } from "./lib/composeSupergraph";
import { REPO_ROOT } from "./lib/paths";

/**
 * `npm run compose` writes gateway/supergraph.graphql from every subgraph in the catalog;
 * `npm run compose -- --check` (CI) fails when composition fails or the committed file is stale.
 * Subgraph URLs in the supergraph are the catalog's local defaults; deployments override them
 * with <NAME>_URL in the gateway's environment.
 */
const SUPERGRAPH_FILE = path.join(REPO_ROOT, "gateway", "supergraph.graphql");
const run = promisify(execFile);

async function sdlOf(name: string, dir: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [path.join(__dirname, "printSubgraphSdl.js"), dir], {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`could not print the SDL of subgraph ${name} (${dir}): ${stderr.trim() || (error as Error).message}`);
  }
}

function firstDifference(a: string, b: string): string {
  const left = a.replace(/\n$/, "").split("\n");
  const right = b.replace(/\n$/, "").split("\n");
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line === -1 ? left.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${right[at] ?? "<end of file>"}\n  composed:  ${left[at] ?? "<end of file>"}`;
}

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const subgraphs: SubgraphSdl[] = await Promise.all(
    SUBGRAPHS.map(async (s) => ({ name: s.name, url: `http://localhost:${s.port}/graphql`, sdl: await sdlOf(s.name, s.dir) })),
  );
  const composition = composeSupergraph(subgraphs);
  if (!composition.ok) {
    process.stderr.write(`Composition failed:\n${composition.errors.map((e) => `  - ${e}`).join("\n")}\n`);
    return 1;
  }
  for (const hint of composition.hints) process.stdout.write(`hint: ${hint}\n`);
  const relative = path.relative(REPO_ROOT, SUPERGRAPH_FILE);
  if (check) {
    const committed = await readFile(SUPERGRAPH_FILE, "utf8").catch(() => undefined);
    if (committed === undefined) {
      process.stderr.write(`${relative} is missing: run \`npm run compose\` and commit it\n`);
      return 1;
    }
    if (committed !== composition.supergraphSdl) {
      process.stderr.write(`${relative} is stale: run \`npm run compose\` and commit it\n${firstDifference(composition.supergraphSdl, committed)}\n`);
      return 1;
    }
    process.stdout.write(`${relative} is up to date (${subgraphs.map((s) => s.name).join(", ")})\n`);
    return 0;
  }
  await writeFile(SUPERGRAPH_FILE, composition.supergraphSdl);
  process.stdout.write(`wrote ${relative} from ${subgraphs.map((s) => s.name).join(", ")}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
