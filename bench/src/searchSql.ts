import { beyondCursorSql, inVietnameseOrder, rankedCandidatesSql, searchClause } from "@camau/shared";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import type { startPersistentPostgres as StartPostgres, StartedPostgres } from "../../dist/scripts/lib/embeddedForStart";
import { SEARCH_WORDS } from "./operations";

/**
 * `node bench/dist/src/searchSql.js --port P [--rounds R] [--label L] <bench data folder>...`
 *
 * The search page's SQL alone, as the registry sends it for the benchmark's search words (the
 * EXISTS that decides on typo tolerance, then the ranked page of 21), timed from one connection per
 * benchmark data folder (.data/bench/scale-N, each on its own PostgreSQL, ports P, P+1, ...) after
 * applying the registry's pending migrations: the database's share of a search, without the Node
 * layers. Variants side by side, interleaved round by round across the folders so a loaded machine
 * weighs on all alike:
 * - `ranked-all`: the page ranks every match (the SQL before the ranked candidates);
 * - `ranked-candidates`: the page ranks the candidates only (rankedCandidatesSql, what addSearch sends);
 * - `kind-words-left-out`: ranked-all without the words every cooperative's document holds ("hop tac xa");
 * - `count`: the count of every match (what `totalCount` added before), apart;
 * - `count-ranked-candidates`: the count of the relevance-ordered list, the ranked candidates
 *   (what `totalCount` of a search in relevance order counts now), apart;
 * - `search-with-count`: `ranked-candidates` and `count-ranked-candidates` together, the SQL of
 *   the benchmark's search (which selects `totalCount`).
 * `--copies N` (one data folder): also measures a schema `copies_N` holding the folder's
 * cooperatives N times over (new ids and codes, same documents, rows in random order), made on the
 * spot and dropped at the end: how the search grows with the matches without seeding national data.
 * Then, per folder, EXPLAIN (ANALYZE, BUFFERS) of a keyset page by name from a cursor in the middle
 * of the list, with and without the leading condition of beyondCursorSql.
 * Writes bench/results/<date>-sql-search-<label>.json.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPersistentPostgres } = require(path.join(REPO_ROOT, "dist/scripts/lib/embeddedForStart.js")) as { startPersistentPostgres: typeof StartPostgres };

const KIND_WORDS = /\bhop tac xa\b/g;
const NAME = inVietnameseOrder("c.name");

type Statement = { text: string; values: unknown[] };

/** The clause's named parameters as $n, longest names first so `search1` does not eat `search10`. */
function positional(clause: ReturnType<typeof searchClause>): (text: string) => Statement {
  const names = Object.keys(clause.params).filter((name) => !name.endsWith("near")).sort((a, b) => b.length - a.length);
  const values = names.map((name) => clause.params[name]);
  return (text) => ({ text: names.reduce((s, name, i) => s.split(`:${name}`).join(`$${i + 1}`), text), values });
}

/** The statements of one search under a variant: the EXISTS and the page (or the count). */
function statements(variant: string, words: string): Statement[] {
  const clause = searchClause("c.search_document", variant === "kind-words-left-out" ? words.replace(KIND_WORDS, " ").trim() || words : words);
  const sql = positional(clause);
  const exists = sql(`SELECT EXISTS (SELECT 1 FROM cooperative c WHERE ${clause.exact})`);
  const page = (where: string) => sql(`SELECT c.*, ${clause.rank} AS c_search_rank FROM cooperative c WHERE ${where} ORDER BY ${clause.rank}, ${NAME}, c.id LIMIT 21`);
  switch (variant) {
    case "ranked-all":
    case "kind-words-left-out":
      return [exists, page(`(${clause.exact})`)];
    case "ranked-candidates": {
      const ids = rankedCandidatesSql((extra) => `SELECT c.id FROM cooperative c WHERE (${clause.exact}) AND ${extra}`, clause);
      return [exists, page(`(${clause.exact}) AND c.id IN (${ids})`)];
    }
    case "count":
      return [sql(`SELECT count(*) FROM cooperative c WHERE (${clause.exact})`)];
    case "count-ranked-candidates":
    case "search-with-count": {
      const ids = rankedCandidatesSql((extra) => `SELECT c.id FROM cooperative c WHERE (${clause.exact}) AND ${extra}`, clause);
      // As paginate counts a relevance-ordered list: the distinct ids of its candidates (SortKey.listedIds).
      const count = sql(`SELECT COUNT(DISTINCT listed.*) AS n FROM (${ids}) listed`);
      return variant === "search-with-count" ? [exists, page(`(${clause.exact}) AND c.id IN (${ids})`), count] : [count];
    }
    default:
      throw new Error(variant);
  }
}

const VARIANTS = ["ranked-all", "ranked-candidates", "kind-words-left-out", "count", "count-ranked-candidates", "search-with-count"];

/** Copies the folder's cooperatives `copies` times into schema copies_N (see --copies). */
async function makeCopies(client: Client, copies: number): Promise<string> {
  const schema = `copies_${copies}`;
  const { rows } = await client.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'cooperative' ORDER BY ordinal_position");
  const columns = rows.map((r) => r.column_name);
  const values = columns.map((c) => (c === "id" ? "gen_random_uuid()" : c === "code" ? "lpad((row_number() OVER ())::text, 10, '0')" : `c.${c}`));
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE ${schema}.cooperative (LIKE public.cooperative INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
  await client.query(`INSERT INTO ${schema}.cooperative (${columns.join(", ")}) SELECT ${values.join(", ")} FROM public.cooperative c, generate_series(1, ${copies}) ORDER BY random()`);
  await client.query(`VACUUM ANALYZE ${schema}.cooperative`);
  return schema;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2));
  return { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Number(sorted[sorted.length - 1].toFixed(2)) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page of 20 by name after the cursor at the middle row, as the keyset SQL was and is. */
async function deepPage(client: Client): Promise<Record<string, { executionMs: number; buffers: string; plan: string }>> {
  const { rows } = await client.query<{ name: string; id: string }>(`SELECT name, id FROM cooperative c ORDER BY ${NAME}, c.id OFFSET (SELECT count(*) / 2 FROM cooperative) LIMIT 1`);
  const keys = [{ expression: NAME, direction: "ASC" as const }, { expression: "c.id", direction: "ASC" as const }];
  const params: Record<string, unknown> = {};
  const withStart = beyondCursorSql(keys, [rows[0].name, rows[0].id], true, "k", params).replace(/:k(\d)/g, (_, i: string) => `$${Number(i) + 1}`);
  const forms = {
    "row-comparison-only": `(${NAME} > $1 OR (${NAME} = $1 AND c.id > $2))`,
    "leading-condition": withStart,
  };
  const result: Record<string, { executionMs: number; buffers: string; plan: string }> = {};
  for (const [form, where] of Object.entries(forms)) {
    for (let warm = 0; warm < 2; warm++) {
      const explained = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) SELECT c.* FROM cooperative c WHERE ${where} ORDER BY ${NAME}, c.id LIMIT 21`, [rows[0].name, rows[0].id]);
      const plan = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
      result[form] = { executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]), buffers: /Buffers: [^\n]*/.exec(plan)?.[0] ?? "", plan };
    }
  }
  return result;
}

async function main(): Promise<void> {
  const { values, positionals: dirs } = parseArgs({
    options: { port: { type: "string" }, rounds: { type: "string", default: "6" }, label: { type: "string", default: "search" }, copies: { type: "string" } },
    allowPositionals: true,
  });
  if (!values.port || dirs.length === 0) throw new Error("usage: node bench/dist/src/searchSql.js --port P [--rounds R] [--label L] <data folder>...");
  const copies = values.copies ? Number(values.copies) : undefined;
  if (copies !== undefined && (!Number.isInteger(copies) || copies < 2 || copies > 1000 || dirs.length !== 1)) throw new Error("--copies takes an integer in 2..1000 and one data folder");
  const servers: StartedPostgres[] = [];
  const clients: Client[] = [];
  let copiesSchema: string | undefined;
  try {
    for (const [i, dir] of dirs.entries()) {
      const port = Number(values.port) + i;
      servers.push(await startPersistentPostgres(dir, port, () => undefined));
      const url = `postgres://postgres:postgres@127.0.0.1:${port}/camau_registry`;
      execFileSync("node", [path.join(REPO_ROOT, "dist/scripts/migrate.js"), "--service", "registry"], { env: { ...process.env, REGISTRY_DATABASE_URL: url }, stdio: "inherit" });
      const client = new Client({ connectionString: url });
      await client.connect();
      clients.push(client);
    }
    if (copies !== undefined) {
      copiesSchema = await makeCopies(clients[0], copies);
      const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${values.port}/camau_registry`, options: `-c search_path=${copiesSchema},public` });
      await client.connect();
      clients.push(client);
      dirs.push(`${dirs[0]} (${copiesSchema})`);
    }
    const times = dirs.map(() => Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])));
    const perWord = dirs.map(() => Object.fromEntries(VARIANTS.map((v) => [v, {} as Record<string, number[]>])));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const words of SEARCH_WORDS) {
        for (const variant of VARIANTS) {
          for (const [d, client] of clients.entries()) {
            const started = process.hrtime.bigint();
            for (const s of statements(variant, words)) await client.query(s.text, s.values);
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            // The first round warms the cache.
            if (round > 0) {
              times[d][variant].push(ms);
              (perWord[d][variant][words] ??= []).push(ms);
            }
          }
        }
      }
    }
    const median = (t: number[]) => Number([...t].sort((a, b) => a - b)[Math.floor(t.length / 2)].toFixed(2));
    const folders = [];
    for (const [d, client] of clients.entries()) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM cooperative");
      folders.push({
        dataFolder: dirs[d],
        cooperatives: rows[0].n,
        variants: Object.fromEntries(VARIANTS.map((v) => [v, { ...summary(times[d][v]), medianMsPerSearch: Object.fromEntries(Object.entries(perWord[d][v]).map(([w, t]) => [w, median(t)])) }])),
        deepPageByName: await deepPage(client),
      });
    }
    const first = folders[0];
    const last = folders[folders.length - 1];
    const result = {
      date: new Date().toISOString(),
      loadAverage: (await import("node:os")).loadavg().map((l) => Number(l.toFixed(2))),
      rounds: Number(values.rounds),
      folders,
      p95Growth: Object.fromEntries(VARIANTS.map((v) => [v, Number((last.variants[v].p95Ms / first.variants[v].p95Ms).toFixed(2))])),
      p50Growth: Object.fromEntries(VARIANTS.map((v) => [v, Number((last.variants[v].p50Ms / first.variants[v].p50Ms).toFixed(2))])),
    };
    console.log(JSON.stringify({ ...result, folders: folders.map((f) => ({ ...f, deepPageByName: Object.fromEntries(Object.entries(f.deepPageByName).map(([k, v]) => [k, { executionMs: v.executionMs, buffers: v.buffers }])) })) }, null, 1));
    writeFileSync(path.join(REPO_ROOT, "bench/results", `${result.date.slice(0, 19).replace(/:/g, "-")}-sql-search-${values.label}.json`), `${JSON.stringify(result, null, 1)}\n`);
  } finally {
    if (copiesSchema) await clients[0].query(`DROP SCHEMA ${copiesSchema} CASCADE`);
    for (const client of clients) await client.end();
    for (const server of servers) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
