import { expect } from "chai";
import { dropDatabase, SUBGRAPHS, withDatabase } from "@camau/shared";
import { testServerUrl } from "@camau/shared/testing";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { seedAll } from "../scripts/lib/seedAll";

/** Tables the migrations fill (reference data), not the seed. */
const REFERENCE_TABLES = new Set(["sector", "administrative_unit", "administrative_unit_succession", "vsic_sector_mapping", "loan_product", "debt_group_threshold"]);

/** A fingerprint of every table of a database: row count and an md5 over its rows (less insert timestamps) in a fixed order. */
async function fingerprint(databaseUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
    );
    const prints: Record<string, string> = {};
    for (const { name } of tables.rows) {
      // Columns stamped by the database at insert time (DEFAULT now()) differ between loads by nature.
      const columns = await client.query<{ column: string }>(
        `SELECT quote_ident(column_name) AS column FROM information_schema.columns
          WHERE table_schema = 'public' AND quote_ident(table_name) = $1
            AND coalesce(column_default, '') !~* '(now\\(\\)|current_timestamp)'
            -- The migrations' reference data (not the seed's) gets random ids.
            AND NOT ($2 AND coalesce(column_default, '') ~* 'gen_random_uuid')
            -- nor columns that hold those ids (foreign keys into reference tables)
            AND column_name NOT IN (
              SELECT a.attname FROM pg_constraint k
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
               WHERE k.contype = 'f' AND k.conrelid::regclass::text = $1 AND k.confrelid::regclass::text = ANY ($3))
          ORDER BY ordinal_position`,
        [name, REFERENCE_TABLES.has(name), [...REFERENCE_TABLES]],
      );
      const row = `row(${columns.rows.map((c) => `t.${c.column}`).join(", ")})::text`;
      const result = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(${row}, E'\\n' ORDER BY ${row})) AS digest FROM ${name} t`,
      );
      prints[name] = `${result.rows[0].n}:${result.rows[0].digest}`;
    }
    return prints;
  } finally {
    await client.end();
  }
}

/** `npm run seed` (scripts/lib/seedAll): the same scale and seed give the same rows, in every subgraph. */
describe("seed CLI (seedAll)", function () {
  this.timeout(180_000);
  const prefixes = [`seed_a_${randomBytes(3).toString("hex")}_`, `seed_b_${randomBytes(3).toString("hex")}_`];
  let server: string;

  before(async () => {
    server = await testServerUrl();
  });
  after(async () => {
    for (const prefix of prefixes) for (const s of SUBGRAPHS) await dropDatabase(withDatabase(server, `${prefix}${s.name}`));
  });

  it("loads identical data twice for the same scale and seed, in worker threads or not, and refuses to load over data without --force", async () => {
    const quiet = () => undefined;
    const first = await seedAll({ serverUrl: server, scale: 1, seed: 7, databasePrefix: prefixes[0], log: quiet });
    // The second time as at national scale: the other subgraphs in worker threads, which receive
    // only the registry's cooperatives and status events.
    const second = await seedAll({ serverUrl: server, scale: 1, seed: 7, databasePrefix: prefixes[1], log: quiet, workers: true });
    expect(Object.keys(first.rows).sort()).to.deep.equal(SUBGRAPHS.map((s) => s.name).sort());
    expect(first.rows.registry.cooperative).to.be.greaterThan(0);
    for (const s of SUBGRAPHS) {
      const a = await fingerprint(first.databases[s.name]);
      const b = await fingerprint(second.databases[s.name]);
      expect(b, `subgraph ${s.name}`).to.deep.equal(a);
    }
    let refused: Error | undefined;
    await seedAll({ serverUrl: server, scale: 1, seed: 7, databasePrefix: prefixes[0], log: quiet }).catch((error: Error) => (refused = error));
    expect(refused?.message).to.match(/already holds data: pass --force/);
  });
});
