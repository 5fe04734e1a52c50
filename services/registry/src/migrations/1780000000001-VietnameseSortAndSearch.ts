import { deferRollups, inVietnameseOrder } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/** A registered organisation's search document: its kind, names, code and where it is, through search_text. */
const DOCUMENTS: ReadonlyArray<{ table: string; kind: string; fields: string; codeSystem: string }> = [
  {
    table: "cooperative",
    kind: "hop tac xa",
    fields: "NEW.name, NEW.foreign_name, NEW.abbreviation, NEW.code",
    codeSystem: "NEW.address_code_system",
  },
  // Groups have no code-system column: their address is PRE_2025 exactly when it has a district.
  { table: "cooperative_group", kind: "to hop tac", fields: "NEW.name", codeSystem: "CASE WHEN NEW.district_code IS NULL THEN 'POST_2025' ELSE 'PRE_2025' END" },
];

/**
 * Names in Vietnamese order, and search documents that hold the location too.
 *
 * Sorting: cooperatives, groups and unions by name with the Vietnamese collation, each with an
 * index on (name in that collation, id) — the keyset order of their lists.
 *
 * Searching: a cooperative's or group's document now also holds the names of the units it is
 * located in, in both code systems (its commune and district, and the units that commune became
 * or came from at the 2025 reform), so "Huyện U Minh" finds what is located there. Those names
 * live in other rows, so the document is a plain column kept by a trigger on every write instead
 * of a generated one (`UPDATE cooperative SET search_document = NULL` re-runs the trigger); a
 * change of the units rewrites the documents it concerns (SearchDocumentsFollowUnits).
 */
export class VietnameseSortAndSearch1780000000001 implements MigrationInterface {
  name = "VietnameseSortAndSearch1780000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cooperative_name`);
    for (const table of ["cooperative", "cooperative_group", "cooperative_union"]) {
      await q.query(`CREATE INDEX ${table}_vietnamese_name ON ${table} (${inVietnameseOrder("name")}, id)`);
    }

    // $1 code system of the address, $2 commune code, $3 district code.
    await q.query(`
      CREATE FUNCTION address_search_names(text, text, text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$
        SELECT coalesce(string_agg(DISTINCT name, ' '), '') FROM (
          SELECT u.name FROM administrative_unit u WHERE u.code_system = $1 AND u.code IN ($2, $3)
          UNION ALL
          SELECT n.name FROM administrative_unit_succession s JOIN administrative_unit n ON n.id = s.new_unit_id
          WHERE $1 = 'PRE_2025' AND s.old_code = $2
          UNION ALL
          SELECT o.name FROM administrative_unit_succession s JOIN administrative_unit o ON o.id = s.old_unit_id
          WHERE $1 = 'POST_2025' AND s.new_code = $2
          UNION ALL
          SELECT d.name FROM administrative_unit_succession s JOIN administrative_unit o ON o.id = s.old_unit_id
            JOIN administrative_unit d ON d.code_system = 'PRE_2025' AND d.code = o.parent_code
          WHERE $1 = 'POST_2025' AND s.new_code = $2
        ) names
      $$`);
    await q.query(`CREATE INDEX administrative_unit_succession_old_code ON administrative_unit_succession (old_code)`);
    await q.query(`CREATE INDEX administrative_unit_succession_new_code ON administrative_unit_succession (new_code)`);

    // Writing every document touches every row, which would make the report rollups' triggers
    // refresh every cooperative and group (a lock each: out of shared memory at national scale).
    // No figure depends on the documents, so the rollups skip this transaction's updates.
    await deferRollups(q);
    for (const d of DOCUMENTS) {
      await q.query(`ALTER TABLE ${d.table} DROP COLUMN search_document`);
      await q.query(`ALTER TABLE ${d.table} ADD COLUMN search_document text`);
      await q.query(`
        CREATE FUNCTION ${d.table}_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search_document := search_text(concat_ws(' ', '${d.kind}', ${d.fields},
            address_search_names(${d.codeSystem}, NEW.commune_code, NEW.district_code)));
          RETURN NEW;
        END $$`);
      await q.query(`CREATE TRIGGER ${d.table}_search_document BEFORE INSERT OR UPDATE ON ${d.table} FOR EACH ROW EXECUTE FUNCTION ${d.table}_search_document()`);
      await q.query(`UPDATE ${d.table} SET search_document = NULL`);
      await q.query(`ALTER TABLE ${d.table} ALTER COLUMN search_document SET NOT NULL`);
      await q.query(`CREATE INDEX ${d.table}_search ON ${d.table} USING gin (search_document gin_trgm_ops)`);
    }
    await q.query(`SELECT set_config('rollup.deferred', 'off', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cooperative DROP COLUMN search_document`);
    await q.query(`ALTER TABLE cooperative ADD COLUMN search_document text GENERATED ALWAYS AS (
      search_key(name || ' ' || coalesce(foreign_name, '') || ' ' || coalesce(abbreviation, '') || ' ' || code)) STORED`);
    await q.query(`ALTER TABLE cooperative_group DROP COLUMN search_document`);
    await q.query(`ALTER TABLE cooperative_group ADD COLUMN search_document text GENERATED ALWAYS AS (search_key(name)) STORED`);
    for (const d of DOCUMENTS) {
      await q.query(`DROP TRIGGER ${d.table}_search_document ON ${d.table}`);
      await q.query(`DROP FUNCTION ${d.table}_search_document()`);
      await q.query(`CREATE INDEX ${d.table}_search ON ${d.table} USING gin (search_document gin_trgm_ops)`);
    }
    await q.query(`DROP INDEX administrative_unit_succession_old_code`);
    await q.query(`DROP INDEX administrative_unit_succession_new_code`);
    await q.query(`DROP FUNCTION address_search_names(text, text, text)`);
    for (const table of ["cooperative", "cooperative_group", "cooperative_union"]) await q.query(`DROP INDEX ${table}_vietnamese_name`);
    await q.query(`CREATE INDEX cooperative_name ON cooperative (name, id)`);
  }
}
