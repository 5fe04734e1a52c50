import { searchClause } from "@camau/shared";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { startPersistentPostgres as StartPostgres } from "../../dist/scripts/lib/embeddedForStart";
import { SEARCH_WORDS } from "./operations";

/**
 * `node bench/dist/src/searchSql.js <bench data folder> <port> [rounds] [label]`
 *
 * The search page's SQL alone, as the registry sends it for the benchmark's search words (the
 * EXISTS that decides on typo tolerance, then the ranked page of 21), timed from one connection on
 * a benchmark data folder (.data/bench/scale-N) after applying the registry's pending migrations:
 * the database's share of a search, without the Node layers. Writes bench/results/<date>-sql-search-<label>.json.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPersistentPostgres } = require(path.join(REPO_ROOT, "dist/scripts/lib/embeddedForStart.js")) as { startPersistentPostgres: typeof StartPostgres };

async function main(): Promise<void> {
  const [dir, port, rounds = "6", label = path.basename(dir ?? "")] = process.argv.slice(2);
  if (!dir || !port) throw new Error("usage: node bench/dist/src/searchSql.js <data folder> <port> [rounds] [label]");
  const pg = await startPersistentPostgres(dir, Number(port), () => undefined);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/camau_registry`;
  try {
    execFileSync("node", [path.join(REPO_ROOT, "dist/scripts/migrate.js"), "--service", "registry"], { env: { ...process.env, REGISTRY_DATABASE_URL: url }, stdio: "inherit" });
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM cooperative");
      const times: number[] = [];
      const perWord: Record<string, number[]> = {};
      for (let round = 0; round < Number(rounds); round++) {
        for (const words of SEARCH_WORDS) {
          const clause = searchClause("c.search_document", words);
          const names = Object.keys(clause.params).filter((name) => !name.endsWith("near")).sort((a, b) => b.length - a.length);
          const values = names.map((name) => clause.params[name]);
          const sql = (text: string) => names.reduce((s, name, i) => s.split(`:${name}`).join(`$${i + 1}`), text);
          const started = process.hrtime.bigint();
          await client.query(`SELECT EXISTS (SELECT 1 FROM cooperative c WHERE ${sql(clause.exact)})`, values);
          await client.query(`SELECT c.*, ${sql(clause.rank)} AS c_search_rank FROM cooperative c WHERE (${sql(clause.exact)}) ORDER BY ${sql(clause.rank)}, c.name COLLATE vietnamese_ci, c.id LIMIT 21`, values);
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          // The first round warms the cache.
          if (round > 0) {
            times.push(ms);
            (perWord[words] ??= []).push(ms);
          }
        }
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2));
      const median = (values: number[]) => Number([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(2));
      const result = {
        date: new Date().toISOString(),
        dataFolder: dir,
        cooperatives: rows[0].n,
        samples: times.length,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: Number(times[times.length - 1].toFixed(2)),
        medianMsPerSearch: Object.fromEntries(Object.entries(perWord).map(([words, t]) => [words, median(t)])),
      };
      console.log(JSON.stringify(result, null, 1));
      writeFileSync(path.join(REPO_ROOT, "bench/results", `${result.date.slice(0, 19).replace(/:/g, "-")}-sql-search-${label}.json`), `${JSON.stringify(result, null, 1)}\n`);
    } finally {
      await client.end();
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
