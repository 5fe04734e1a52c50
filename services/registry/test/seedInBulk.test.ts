import { expect } from "chai";
import { Client } from "pg";
import { EXTEND_HORIZON_EVERY_CELL_SQL } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { REGISTRY_ROLLUPS } from "../src/report/rollups";
import { startRegistry } from "./support";

/**
 * What the demo-data loader writes in bulk equals what the row-by-row rules write: the search
 * documents (written for all rows at once, the row trigger skipped) equal the trigger's, the
 * rollups' rows (every figure computed by the loader) equal their functions' rebuild, and the
 * rollups' month ends (computed from the months in which a cell changes) equal those of the first
 * version, which built every cell × every month.
 */
describe("registry: the demo data written in bulk equals the row-by-row rules", function () {
  this.timeout(180_000);
  let registry: SubgraphUnderTest;
  let db: Client;

  before(async () => {
    registry = await startRegistry({ seed: true });
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  /** Row count and md5 of a query's rows, in a fixed order. */
  const digest = async (sql: string): Promise<string> => {
    const { rows } = await db.query(`SELECT count(*) AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS d FROM (${sql}) r`);
    return `${rows[0].n}:${rows[0].d}`;
  };

  it("writes the search documents the triggers write", async () => {
    for (const table of ["cooperative", "cooperative_group"]) {
      const loaded = await digest(`SELECT id, search_document FROM ${table}`);
      expect(Number(loaded.split(":")[0]), table).to.be.greaterThan(100);
      await db.query("BEGIN");
      try {
        // Setting the document to NULL makes the trigger write it again; no figure depends on it.
        await db.query(`SELECT set_config('rollup.deferred', 'on', true)`);
        await db.query(`UPDATE ${table} SET search_document = NULL`);
        expect(await digest(`SELECT id, search_document FROM ${table}`), table).to.equal(loaded);
      } finally {
        await db.query("ROLLBACK");
      }
    }
  });

  it("writes the rollups' rows their SQL functions write (the figures are computed by the loader, the member figures while the members load)", async () => {
    const tables = ["rollup_contribution", "rollup_delta", "rollup_horizon", "rollup_snapshot"];
    const rowsOf = async (figure: string) => {
      const digests: string[] = [];
      for (const t of tables) digests.push(await digest(`SELECT * FROM ${t} WHERE figure = '${figure}'`));
      return digests;
    };
    for (const [figure, owners] of Object.entries(REGISTRY_ROLLUPS)) {
      const loaded = await rowsOf(figure);
      expect(Number(loaded[0].split(":")[0]), figure).to.be.greaterThan(100);
      await db.query("BEGIN");
      try {
        await db.query(`SELECT rollup_rebuild($1, ARRAY(${owners}))`, [figure]);
        expect(await rowsOf(figure), figure).to.deep.equal(loaded);
      } finally {
        await db.query("ROLLBACK");
      }
    }
  });

  it("takes the same month ends as every cell × every month, from scratch and when extending", async () => {
    const figures = (await db.query<{ figure: string }>(`SELECT DISTINCT figure FROM rollup_horizon ORDER BY 1`)).rows.map((r) => r.figure);
    expect(figures).to.include.members(["active_cooperatives", "cooperative_members", "group_members", "operating_groups"]);
    const snapshots = (figure: string) => digest(`SELECT through, cell, total FROM rollup_snapshot WHERE figure = '${figure}'`);
    const horizon = (figure: string) => digest(`SELECT through FROM rollup_horizon WHERE figure = '${figure}'`);
    /** Drops the month ends after a date (all of them without one) and extends the horizon again. */
    const extendFrom = async (figure: string, after: string | null) => {
      await db.query(`DELETE FROM rollup_snapshot WHERE figure = $1 AND through > coalesce($2::date, '-infinity')`, [figure, after]);
      await db.query(`DELETE FROM rollup_horizon WHERE figure = $1 AND through > coalesce($2::date, '-infinity')`, [figure, after]);
      await db.query(`SELECT rollup_extend_horizon($1)`, [figure]);
      return [await snapshots(figure), await horizon(figure)];
    };
    for (const after of [null, "2019-03-31", "2024-12-31"]) {
      const written: Record<string, string[]> = {};
      await db.query("BEGIN");
      try {
        for (const figure of figures) written[figure] = await extendFrom(figure, after);
        await db.query(EXTEND_HORIZON_EVERY_CELL_SQL.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
        for (const figure of figures) expect(await extendFrom(figure, after), `${figure} after ${after}`).to.deep.equal(written[figure]);
      } finally {
        await db.query("ROLLBACK");
      }
    }
  });
});
