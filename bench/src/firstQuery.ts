import { SUBGRAPHS } from "@camau/shared";
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/**
 * `node bench/dist/src/firstQuery.js`: how long `npm start` takes, from a fresh data folder, to
 * answer its first query through the gateway (initdb, migrations, the demo data, every service).
 * Runs the built orchestrator (dist/scripts/start.js: `npm start` less its build step) on ports
 * of its own. Refuses to touch an existing .data/postgres; removes the one it created.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const DATA_DIR = path.join(REPO_ROOT, ".data", "postgres");
const BASE = Number(process.env.FIRST_QUERY_BASE_PORT ?? 4300);
const QUERY = `{ cooperatives(filter: { search: "hop tac xa" }, first: 5) { totalCount edges { node { name ocopProductCount } } } }`;

async function main(): Promise<void> {
  if (existsSync(DATA_DIR)) throw new Error(`${path.relative(REPO_ROOT, DATA_DIR)} exists: this measures a fresh start and will not delete your data; move it away first`);
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_PORT: String(BASE), EMBEDDED_PG_PORT: String(BASE + 50) };
  for (const s of SUBGRAPHS) env[`${s.name.toUpperCase()}_PORT`] = String(BASE + (s.port - 4000));
  delete env.DATABASE_URL;
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "dist", "scripts", "start.js")], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      const stamped = `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${line}`;
      lines.push(stamped);
      if (/\[stack\]|\[start\]|seed:|loaded/.test(line)) process.stdout.write(`${stamped}\n`);
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  let answeredAt: number | undefined;
  try {
    const deadline = started + 300_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const response = await fetch(`http://127.0.0.1:${BASE}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: QUERY }),
          signal: AbortSignal.timeout(5_000),
        });
        const body = (await response.json()) as { data?: { cooperatives?: { totalCount: number } } };
        if (body.data?.cooperatives) {
          answeredAt = Date.now();
          process.stdout.write(`first query answered after ${((answeredAt - started) / 1000).toFixed(1)} s (totalCount ${body.data.cooperatives.totalCount})\n`);
          break;
        }
      } catch {
        // not up yet
      }
      await delay(100);
    }
    if (answeredAt === undefined) throw new Error(`no answer; the orchestrator said:\n${lines.slice(-30).join("\n")}`);
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGINT");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
