import { inVietnameseOrder } from "@camau/shared";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import type { startPersistentPostgres as StartPostgres } from "../../dist/scripts/lib/embeddedForStart";

/**
 * `node bench/dist/src/listSql.js --port P [--rounds R] [--label L] <bench data folder>`
 *
 * The portal list's SQL alone (the page of 21 in name order and its count, as the registry sends
 * them for the benchmark's filters: each district with a cooperative, each of the first four
 * sectors, ACTIVE), timed by PostgreSQL's own EXPLAIN ANALYZE after applying the registry's pending
 * migrations, with the `cooperative_list` index and without it (dropped in a transaction that is
 * rolled back), round by round alternately; checks both give the same pages and counts. Then the
 * plans (EXPLAIN (ANALYZE, BUFFERS)) of the largest filter. Writes bench/results/<date>-sql-list-<label>.json.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPersistentPostgres } = require(path.join(REPO_ROOT, "dist/scripts/lib/embeddedForStart.js")) as { startPersistentPostgres: typeof StartPostgres };

const WHERE = "c.district_code IN ($1) AND c.sector_code IN ($2) AND c.status IN ('ACTIVE')";
const PAGE = `SELECT c.* FROM cooperative c WHERE ${WHERE} ORDER BY ${inVietnameseOrder("c.name")} ASC, c.id ASC LIMIT 21`;
const COUNT = `SELECT count(*) AS n FROM cooperative c WHERE ${WHERE}`;
const VARIANTS = ["with-index", "without-index"] as const;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { port: { type: "string" }, rounds: { type: "string", default: "4" }, label: { type: "string", default: "list" } }, allowPositionals: true });
  if (!values.port || positionals.length !== 1) throw new Error("usage: node bench/dist/src/listSql.js --port P [--rounds R] [--label L] <data folder>");
  const server = await startPersistentPostgres(positionals[0], Number(values.port), () => undefined);
  const url = `postgres://postgres:postgres@127.0.0.1:${values.port}/camau_registry`;
  const client = new Client({ connectionString: url });
  try {
    execFileSync("node", [path.join(REPO_ROOT, "dist/scripts/migrate.js"), "--service", "registry"], { env: { ...process.env, REGISTRY_DATABASE_URL: url }, stdio: "inherit" });
    await client.connect();
    const districts = (await client.query<{ d: string }>("SELECT DISTINCT district_code AS d FROM cooperative WHERE district_code IS NOT NULL ORDER BY 1")).rows.map((r) => r.d);
    const sectors = (await client.query<{ code: string }>("SELECT code FROM sector ORDER BY sort_order LIMIT 4")).rows.map((r) => r.code);
    const filters = districts.flatMap((d) => sectors.map((s) => [d, s]));
    const times = Object.fromEntries(VARIANTS.map((v) => [v, { page: [] as number[], count: [] as number[] }]));
    const answers = Object.fromEntries(VARIANTS.map((v) => [v, [] as string[]]));
    const executionMs = async (sql: string, params: string[]) =>
      ((await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)).rows[0]["QUERY PLAN"] as { "Execution Time": number }[])[0]["Execution Time"];
    const plans: Record<string, unknown> = {};
    const largest = (await client.query<{ d: string; s: string }>(`SELECT district_code AS d, sector_code AS s FROM cooperative WHERE status = 'ACTIVE' AND district_code IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`)).rows[0];
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const variant of VARIANTS) {
        await client.query("BEGIN");
        if (variant === "without-index") await client.query("DROP INDEX cooperative_list");
        for (const filter of filters) {
          // The first round warms the cache.
          const page = await executionMs(PAGE, filter);
          const count = await executionMs(COUNT, filter);
          if (round > 0) times[variant].page.push(page), times[variant].count.push(count);
          if (round === 0) {
            const ids = (await client.query<{ id: string }>(PAGE, filter)).rows.map((r) => r.id);
            answers[variant].push(`${ids.join(",")}|${(await client.query<{ n: string }>(COUNT, filter)).rows[0].n}`);
          }
        }
        if (round === Number(values.rounds) - 1) {
          for (const [name, sql] of [["page", PAGE], ["count", COUNT]]) {
            const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [largest.d, largest.s]);
            plans[`${variant} ${name} (${largest.d}, ${largest.s})`] = rows.map((r) => r["QUERY PLAN"]);
          }
        }
        await client.query("ROLLBACK");
      }
    }
    const quantile = (t: number[], q: number) => Number([...t].sort((a, b) => a - b)[Math.min(t.length - 1, Math.floor(q * t.length))].toFixed(3));
    const summary = (t: number[]) => ({ n: t.length, p50Ms: quantile(t, 0.5), p95Ms: quantile(t, 0.95), maxMs: quantile(t, 1) });
    const result = {
      date: new Date().toISOString(),
      dataFolder: positionals[0],
      loadAverage: (await import("node:os")).loadavg().map((l) => Number(l.toFixed(2))),
      cooperatives: (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM cooperative")).rows[0].n,
      filters: filters.length,
      rounds: Number(values.rounds),
      variants: Object.fromEntries(VARIANTS.map((v) => [v, { page: summary(times[v].page), count: summary(times[v].count) }])),
      samePagesAndCounts: JSON.stringify(answers["with-index"]) === JSON.stringify(answers["without-index"]),
      plans,
    };
    console.log(JSON.stringify({ ...result, plans: undefined }, null, 1));
    writeFileSync(path.join(REPO_ROOT, "bench/results", `${result.date.slice(0, 19).replace(/:/g, "-")}-sql-list-${values.label}.json`), `${JSON.stringify(result, null, 1)}\n`);
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
