import { beyondCursorSql, inVietnameseOrder } from "@camau/shared";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import type { startPersistentPostgres as StartPostgres, StartedPostgres } from "../../dist/scripts/lib/embeddedForStart";
import { SEARCH_WORDS } from "./operations";

/**
 * `node bench/dist/src/searchSql.js --port P [--rounds R] [--label L] [--base DIR] [--copies N] <bench data folder>...`
 *
 * The SQL of the benchmark's search alone, as the registry sends it: for each search word, the
 * statements `findCooperatives` sends for the first page of 20 in relevance order and its
 * totalCount (what the benchmark's search asks), recorded once from the registry's built code,
 * then timed as they are from one connection per benchmark data folder (.data/bench/scale-N, each
 * on its own PostgreSQL, ports P, P+1, ...) after applying the registry's pending migrations: the
 * database's share of a search, without the Node layers. `--base DIR`: the same for another build
 * of the worktree (a copy of it at the base commit, built), side by side: builds alternate
 * statement set by statement set, interleaved round by round across the folders, so a loaded
 * machine weighs on all alike. Records which statements each build sends, whether both find the
 * same first and second pages and totalCount (read with synchronize_seqscans off, see below), and,
 * per word, EXPLAIN (ANALYZE, BUFFERS) of each statement.
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

const NAME = inVietnameseOrder("c.name");

type Statement = { text: string; values: unknown[] };
type Recorded = { statements: Statement[]; answer: string };

/**
 * The statements a build of the registry sends for `words` (page 1 and its totalCount), and its
 * answer (totalCount, ids of page 1 and of page 2), read through that build's own TypeORM.
 */
async function recordSearches(root: string, url: string, options?: string): Promise<Record<string, Recorded>> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const typeorm = require(path.join(root, "node_modules/typeorm")) as typeof import("typeorm");
  const { PostgresQueryRunner } = require(path.join(root, "node_modules/typeorm/driver/postgres/PostgresQueryRunner")) as { PostgresQueryRunner: { prototype: { query: (sql: string, params?: unknown[]) => Promise<unknown> } } };
  const { registryEntities } = require(path.join(root, "services/registry/dist/src/entities"));
  const { findCooperatives } = require(path.join(root, "services/registry/dist/src/resolvers/cooperativeQuery"));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ds = new typeorm.DataSource({ type: "postgres", url, entities: registryEntities, poolSize: 1, extra: options ? { options } : {} });
  await ds.initialize();
  const sent: Statement[] = [];
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: unknown, sql: string, params?: unknown[], ...rest: unknown[]) {
    sent.push({ text: sql, values: params ?? [] });
    return (query as (...a: unknown[]) => Promise<unknown>).call(this, sql, params, ...rest);
  };
  const recorded: Record<string, Recorded> = {};
  try {
    for (const words of SEARCH_WORDS) {
      type Connection = { edges: { node: { id: string } }[]; pageInfo: { endCursor: string }; totalCount: () => Promise<number> };
      sent.length = 0;
      const first = (await findCooperatives(ds, { search: words }, null, { first: 20 })) as Connection;
      const total = await first.totalCount();
      const statements = [...sent];
      const second = (await findCooperatives(ds, { search: words }, null, { first: 20, after: first.pageInfo.endCursor })) as Connection;
      const ids = (page: Connection) => page.edges.map((e) => e.node.id).join(",");
      recorded[words] = { statements, answer: `${total}|${ids(first)}|${ids(second)}` };
    }
  } finally {
    PostgresQueryRunner.prototype.query = query;
    await ds.destroy();
  }
  return recorded;
}

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

/** EXPLAIN (ANALYZE, BUFFERS) of each statement (after a warm run): execution and planning times, buffers, plan. */
async function explain(client: Client, statements: Statement[]) {
  const plans = [];
  for (const s of statements) {
    await client.query(s.text, s.values);
    const explained = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.values);
    // Without the lines that repeat the statement's expressions; the buffers of the whole statement are kept apart.
    const plan = explained.rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    const shortPlan = plan
      .split("\n")
      .filter((line) => !/^\s*(Filter|Recheck Cond|Index Cond|Sort Key|Group Key|Hash Cond|One-Time Filter|Storage|Buffers|Index Searches|Batches|Sort Method|Buckets|Planning|Execution Time)\b/.test(line))
      .join("\n");
    plans.push({
      statement: s.text.slice(0, 120),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]),
      planningMs: Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1]),
      buffers: /Buffers: [^\n]*/.exec(plan)?.[0] ?? "",
      plan: shortPlan,
    });
  }
  return plans;
}

async function main(): Promise<void> {
  const { values, positionals: dirs } = parseArgs({
    options: { port: { type: "string" }, rounds: { type: "string", default: "6" }, label: { type: "string", default: "search" }, copies: { type: "string" }, base: { type: "string" } },
    allowPositionals: true,
  });
  if (!values.port || dirs.length === 0) throw new Error("usage: node bench/dist/src/searchSql.js --port P [--rounds R] [--label L] [--base DIR] [--copies N] <data folder>...");
  const copies = values.copies ? Number(values.copies) : undefined;
  if (copies !== undefined && (!Number.isInteger(copies) || copies < 2 || copies > 1000 || dirs.length !== 1)) throw new Error("--copies takes an integer in 2..1000 and one data folder");
  const builds: Record<string, string> = { ...(values.base ? { base: path.resolve(values.base) } : {}), ours: REPO_ROOT };
  const buildNames = Object.keys(builds);
  const servers: StartedPostgres[] = [];
  const clients: Client[] = [];
  const urls: { url: string; options?: string }[] = [];
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
      urls.push({ url });
    }
    if (copies !== undefined) {
      copiesSchema = await makeCopies(clients[0], copies);
      const options = `-c search_path=${copiesSchema},public`;
      const client = new Client({ connectionString: urls[0].url, options });
      await client.connect();
      clients.push(client);
      urls.push({ url: urls[0].url, options });
      dirs.push(`${dirs[0]} (${copiesSchema})`);
    }
    // What each build sends and answers; answers read without synchronized scans, whose start in
    // the middle of the table changes which matches a broad search's candidates are.
    const recorded: Record<string, Record<string, Recorded>>[] = [];
    for (const { url, options } of urls) {
      const perBuild: Record<string, Record<string, Recorded>> = {};
      for (const [name, root] of Object.entries(builds)) perBuild[name] = await recordSearches(root, url, `${options ?? ""} -c synchronize_seqscans=off`.trim());
      recorded.push(perBuild);
    }
    const times = dirs.map(() => Object.fromEntries(buildNames.map((b) => [b, [] as number[]])));
    const perWord = dirs.map(() => Object.fromEntries(buildNames.map((b) => [b, {} as Record<string, number[]>])));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const words of SEARCH_WORDS) {
        for (const build of round % 2 ? [...buildNames].reverse() : buildNames) {
          for (const [d, client] of clients.entries()) {
            const started = process.hrtime.bigint();
            for (const s of recorded[d][build][words].statements) await client.query(s.text, s.values);
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            // The first round warms the cache.
            if (round > 0) {
              times[d][build].push(ms);
              (perWord[d][build][words] ??= []).push(ms);
            }
          }
        }
      }
    }
    const median = (t: number[]) => Number([...t].sort((a, b) => a - b)[Math.floor(t.length / 2)].toFixed(2));
    const folders = [];
    for (const [d, client] of clients.entries()) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM cooperative");
      const explained: Record<string, Record<string, Awaited<ReturnType<typeof explain>>>> = {};
      // The plans themselves of the last folder only (the largest), to keep the file small.
      for (const build of buildNames) {
        for (const words of SEARCH_WORDS) {
          const plans = await explain(client, recorded[d][build][words].statements);
          (explained[build] ??= {})[words] = d === clients.length - 1 ? plans : plans.map((p) => ({ ...p, plan: "" }));
        }
      }
      folders.push({
        dataFolder: dirs[d],
        cooperatives: rows[0].n,
        builds: Object.fromEntries(
          buildNames.map((b) => [
            b,
            {
              ...summary(times[d][b]),
              statementsPerSearch: Object.fromEntries(SEARCH_WORDS.map((w) => [w, recorded[d][b][w].statements.length])),
              medianMsPerSearch: Object.fromEntries(Object.entries(perWord[d][b]).map(([w, t]) => [w, median(t)])),
              explained: explained[b],
            },
          ]),
        ),
        sameAnswers: buildNames.length > 1 ? Object.fromEntries(SEARCH_WORDS.map((w) => [w, new Set(buildNames.map((b) => recorded[d][b][w].answer)).size === 1])) : undefined,
        totalCounts: Object.fromEntries(SEARCH_WORDS.map((w) => [w, Number(recorded[d][buildNames[buildNames.length - 1]][w].answer.split("|")[0])])),
        deepPageByName: await deepPage(client),
      });
    }
    const first = folders[0];
    const last = folders[folders.length - 1];
    const result = {
      date: new Date().toISOString(),
      loadAverage: (await import("node:os")).loadavg().map((l) => Number(l.toFixed(2))),
      rounds: Number(values.rounds),
      builds,
      folders,
      p95Growth: Object.fromEntries(buildNames.map((b) => [b, Number((last.builds[b].p95Ms / first.builds[b].p95Ms).toFixed(2))])),
      p50Growth: Object.fromEntries(buildNames.map((b) => [b, Number((last.builds[b].p50Ms / first.builds[b].p50Ms).toFixed(2))])),
    };
    const brief = {
      ...result,
      folders: folders.map((f) => ({
        ...f,
        builds: Object.fromEntries(
          Object.entries(f.builds).map(([b, v]) => [
            b,
            { ...v, explained: Object.fromEntries(Object.entries(v.explained).map(([w, plans]) => [w, plans.map((p) => `${p.executionMs} ms + plan ${p.planningMs} ms, ${p.buffers}`)])) },
          ]),
        ),
        deepPageByName: Object.fromEntries(Object.entries(f.deepPageByName).map(([k, v]) => [k, { executionMs: v.executionMs, buffers: v.buffers }])),
      })),
    };
    console.log(JSON.stringify(brief, null, 1));
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
