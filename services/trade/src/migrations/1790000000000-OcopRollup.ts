import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The report's OCOP products in force as a dated rollup, so its cost does not grow with the
 * products: each product contributes +1 on the first day one of its certifications is in force
 * and -1 the day after the last one lapses (certified_on to expires_on, both inclusive, across
 * renewals and overlaps), in the cell [old territory of its cooperative's head office].
 *
 * Trade stores only cooperative ids; the head offices are the registry's. `cooperative_territory`
 * holds the old province (OLD_CA_MAU or OLD_BAC_LIEU) of every cooperative the registry places,
 * kept by the subgraph from the registry's places (report/cooperativeTerritories.ts); a change
 * there moves the cooperative's products between cells. Empty until the subgraph first syncs it.
 */
export class OcopRollup1790000000000 implements MigrationInterface {
  name = "OcopRollup1790000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cooperative_territory (
        cooperative_id uuid PRIMARY KEY,
        territory varchar(20) NOT NULL CHECK (territory IN ('OLD_CA_MAU', 'OLD_BAC_LIEU'))
      )`);
    await q.query(`
      CREATE FUNCTION rollup_ocop_products(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH p AS (
          SELECT p.id, ARRAY[t.territory::text] AS cell
            FROM product p LEFT JOIN cooperative_territory t ON t.cooperative_id = p.cooperative_id
           WHERE p.id = ANY (owners)
        ), edges AS (
          -- Certificates starting (+1) and lapsing (-1) per product and day.
          SELECT c.product_id AS id, e.day, sum(e.d) AS d
            FROM ocop_certification c CROSS JOIN LATERAL (VALUES (c.certified_on, 1), (c.expires_on + 1, -1)) e (day, d)
           WHERE c.product_id = ANY (owners)
           GROUP BY c.product_id, e.day
        ), in_force AS (
          SELECT id, day, sum(d) OVER (PARTITION BY id ORDER BY day) > 0 AS now FROM edges
        ), changes AS (
          SELECT id, day, now::int - coalesce(lag(now) OVER (PARTITION BY id ORDER BY day), false)::int AS delta FROM in_force
        )
        SELECT p.id, p.cell, c.day, c.delta::bigint FROM changes c JOIN p ON p.id = c.id WHERE c.delta <> 0
      $$`);
    // A cooperative placed, moved or removed: its products change cells.
    await q.query(`
      CREATE FUNCTION ocop_products_on_territory_change() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      DECLARE
        owners uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(p.id) INTO owners FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(p.id) INTO owners FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM old_rows);
        ELSE
          SELECT array_agg(p.id) INTO owners FROM product p
           WHERE p.cooperative_id IN (SELECT cooperative_id FROM new_rows UNION SELECT cooperative_id FROM old_rows);
        END IF;
        PERFORM rollup_refresh('ocop_products', owners);
        RETURN NULL;
      END $fn$`);
    for (const sql of [
      ...rollupTriggerSql("product", { ocop_products: "id" }),
      ...rollupTriggerSql("ocop_certification", { ocop_products: "product_id" }),
      `CREATE TRIGGER cooperative_territory_rollup_insert AFTER INSERT ON cooperative_territory REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ocop_products_on_territory_change()`,
      `CREATE TRIGGER cooperative_territory_rollup_update AFTER UPDATE ON cooperative_territory REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ocop_products_on_territory_change()`,
      `CREATE TRIGGER cooperative_territory_rollup_delete AFTER DELETE ON cooperative_territory REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ocop_products_on_territory_change()`,
    ]) {
      await q.query(sql);
    }
    await q.query(`SELECT rollup_rebuild('ocop_products', ARRAY(SELECT id FROM product))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["product", "ocop_certification", "cooperative_territory"]) {
      for (const sql of dropRollupTriggerSql(table)) await q.query(sql);
    }
    for (const table of ["rollup_contribution", "rollup_delta", "rollup_snapshot", "rollup_horizon"]) {
      await q.query(`DELETE FROM ${table} WHERE figure = 'ocop_products'`);
    }
    await q.query(`DROP FUNCTION IF EXISTS ocop_products_on_territory_change()`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_ocop_products(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS cooperative_territory`);
  }
}
