import "reflect-metadata";
import { ANONYMOUS_VIEWER, createDataSource, databaseNameOf, entityRows, rowLoader, withDatabase } from "@camau/shared";
import { execute, GraphQLSchema, parse } from "graphql";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import type { postmasterPid as PostmasterPid, startPersistentPostgres as StartPostgres } from "../../dist/scripts/lib/embeddedForStart";
import { LIST_REGISTRY_QUERY } from "./operations";
import { treeCpuSecondsOf } from "./procStats";

/**
 * `node bench/dist/src/registryListCpu.js [--rounds 12] [--requests 200] [--pg-port 5642]`
 *
 * The registry's CPU for the portal list's part, without HTTP or Apollo's pipeline (the same in
 * both variants): the registry's schema executed in this process on the benchmark's database
 * (.data/bench/scale-1) with its loaders as they are (sectors and units from the process's copy of
 * the tables) and with those two loaders reading PostgreSQL on every request (as before), in
 * alternating batches. CPU per request of this process (graphql-js, type-graphql, the loaders,
 * the pg client) and of PostgreSQL's process tree, over the filters whose pages hold cooperatives.
 * Loaded machines move both variants together, so the ratio holds where absolute figures do not.
 * Writes bench/results/<date>-registry-list-cpu.json.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { postmasterPid, startPersistentPostgres } = require(path.join(REPO_ROOT, "dist/scripts/lib/embeddedForStart.js")) as { startPersistentPostgres: typeof StartPostgres; postmasterPid: typeof PostmasterPid };
const registryDist = path.join(REPO_ROOT, "services", "registry", "dist", "src");
/* eslint-disable @typescript-eslint/no-require-imports */
const { buildSchema } = require(path.join(registryDist, "schema.js")) as { buildSchema(): Promise<GraphQLSchema> };
const { registryEntities } = require(path.join(registryDist, "entities", "index.js")) as { registryEntities: never };
const { createLoaders } = require(path.join(registryDist, "loaders", "index.js")) as { createLoaders(ds: DataSource): Record<string, unknown> };
const { Sector } = require(path.join(registryDist, "entities", "Sector.js")) as { Sector: new () => { code: string } };
const { AdministrativeUnit } = require(path.join(registryDist, "entities", "AdministrativeUnit.js")) as { AdministrativeUnit: new () => { code: string; codeSystem: string } };
/* eslint-enable @typescript-eslint/no-require-imports */

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "12" }, requests: { type: "string", default: "200" }, "pg-port": { type: "string", default: "5642" } } });
  const rounds = Math.min(40, Number(values.rounds));
  const requests = Math.min(5000, Number(values.requests));
  const dataDir = path.join(REPO_ROOT, ".data", "bench", "scale-1");
  const postgres = await startPersistentPostgres(dataDir, Number(values["pg-port"]), () => undefined);
  const { dataSource: ds } = createDataSource({ name: "registry", url: withDatabase(postgres.url, databaseNameOf("registry")), entities: registryEntities, migrations: [] });
  try {
    await ds.initialize();
    const schema = await buildSchema();
    const document = parse(LIST_REGISTRY_QUERY);
    const filters = (await ds.query(`SELECT district_code AS district, sector_code AS sector FROM cooperative WHERE status = 'ACTIVE' AND district_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`)) as { district: string; sector: string }[];
    const variants = {
      // The loaders as the registry has them now.
      tables: () => createLoaders(ds),
      // Sectors and units read from PostgreSQL on every request, as before the copy.
      sql: () => ({
        ...createLoaders(ds),
        sectorByCode: rowLoader<string, { code: string }>((codes) => entityRows(ds, Sector).query("s", "FROM sector s WHERE s.code = ANY($1::varchar[])", [codes]), (s) => s.code),
        unitByKey: rowLoader<string, { code: string; codeSystem: string }>(
          (keys) => entityRows(ds, AdministrativeUnit).query("u", "FROM administrative_unit u WHERE (u.code_system || ':' || u.code) = ANY($1::text[])", [keys]),
          (u) => `${u.codeSystem}:${u.code}`,
        ),
      }),
    };
    const pgPid = postmasterPid(dataDir);
    const totals = { tables: { own: 0, pg: 0, n: 0 }, sql: { own: 0, pg: 0, n: 0 } };
    let i = 0;
    for (let round = 0; round < rounds + 2; round++) {
      for (const name of round % 2 ? (["sql", "tables"] as const) : (["tables", "sql"] as const)) {
        const pgBefore = treeCpuSecondsOf(pgPid) ?? NaN;
        const start = process.cpuUsage();
        for (let r = 0; r < requests; r++) {
          const filter = filters[i++ % filters.length];
          const result = await execute({ schema, document, variableValues: filter, contextValue: { viewer: ANONYMOUS_VIEWER, dataSource: ds, loaders: variants[name]() } });
          if (result.errors?.length) throw new Error(`${name}: ${result.errors[0].message}`);
        }
        const used = process.cpuUsage(start);
        const pgUsed = (treeCpuSecondsOf(pgPid) ?? NaN) - pgBefore;
        // The first two rounds warm the JIT and the copy.
        if (round >= 2) {
          totals[name].own += (used.user + used.system) / 1000;
          totals[name].pg += pgUsed * 1000;
          totals[name].n += requests;
        }
      }
    }
    const per = (t: { own: number; pg: number; n: number }) => ({ registryMs: Math.round((t.own / t.n) * 1000) / 1000, postgresMs: Math.round((t.pg / t.n) * 1000) / 1000 });
    const a = per(totals.tables);
    const b = per(totals.sql);
    process.stdout.write(
      `registry's list part, CPU ms per request (${rounds} × ${requests} requests each, ${filters.length} filters): ` +
        `copy of the tables: registry ${a.registryMs}, PostgreSQL ${a.postgresMs}; SQL per request: registry ${b.registryMs}, PostgreSQL ${b.postgresMs}; ` +
        `copy/SQL: registry ${(a.registryMs / b.registryMs).toFixed(2)}, PostgreSQL ${(a.postgresMs / b.postgresMs).toFixed(2)}\n`,
    );
    const file = path.join(REPO_ROOT, "bench", "results", `${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}-registry-list-cpu.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), settings: { rounds, requests, filters: filters.length }, machine: { cpus: os.cpus().length, loadAverage1mAtEnd: Math.round(os.loadavg()[0] * 100) / 100 }, cpuMsPerRequest: { copyOfTables: a, sqlPerRequest: b } }, null, 2)}\n`);
    process.stdout.write(`results written to ${path.relative(REPO_ROOT, file)}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
