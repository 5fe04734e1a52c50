import { MigrationInterface, QueryRunner } from "typeorm";

/** Address tables whose search document holds the names of their units (see VietnameseSortAndSearch). */
const DOCUMENT_TABLES = ["cooperative", "cooperative_group"] as const;

/**
 * The tables a document's place names come from: the columns holding the unit codes a change
 * concerns, and the columns a document shows (an update of any other column rewrites nothing).
 */
const PLACE_TABLES = [
  { table: "administrative_unit", codes: ["code", "parent_code"], shown: ["code", "name", "parent_code", "code_system"] },
  { table: "administrative_unit_succession", codes: ["old_code", "new_code"], shown: ["old_code", "new_code", "old_unit_id", "new_unit_id"] },
];

/** SQL: a row of old_rows `o` and its new_rows `n` differ in one of the columns. */
const changed = (columns: string[]) => `(${columns.map((c) => `o.${c}`).join(", ")}) IS DISTINCT FROM (${columns.map((c) => `n.${c}`).join(", ")})`;

/**
 * Search documents follow the administrative units: a document holds the names of the units its
 * address lies in and of the units its commune became or came from, so renaming, recoding,
 * adding or removing a unit, or changing the succession, rewrites the documents of the
 * addresses concerned, in the same statement's transaction, whoever makes the change (a
 * migration, the seed, an operator's SQL).
 *
 * Which addresses: those whose commune or district code is a changed unit's (old or new code),
 * an old commune's successor, a new unit's predecessor, or a successor of a changed district's
 * communes. Codes are compared without their code system, so a few more documents than needed
 * may be rewritten, never fewer. No report figure depends on the documents: the rollups skip
 * these updates (rollup.deferred), as the migration that first wrote the documents does.
 */
export class SearchDocumentsFollowUnits1785000000000 implements MigrationInterface {
  name = "SearchDocumentsFollowUnits1785000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refresh_search_documents(codes text[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        deferred text := current_setting('rollup.deferred', true);
        affected text[];
      BEGIN
        SELECT coalesce(array_agg(DISTINCT c), '{}') INTO affected FROM (
          SELECT unnest(codes) AS c
          UNION SELECT s.new_code FROM administrative_unit_succession s WHERE s.old_code = ANY(codes)
          UNION SELECT s.old_code FROM administrative_unit_succession s WHERE s.new_code = ANY(codes)
          UNION SELECT s.new_code FROM administrative_unit_succession s JOIN administrative_unit o ON o.id = s.old_unit_id
                 WHERE o.parent_code = ANY(codes)
        ) found WHERE c IS NOT NULL;
        IF cardinality(affected) = 0 THEN RETURN; END IF;
        PERFORM set_config('rollup.deferred', 'on', true);
        -- Setting the document to NULL re-runs its BEFORE UPDATE trigger, which writes it afresh.
        ${DOCUMENT_TABLES.map((t) => `UPDATE ${t} SET search_document = NULL WHERE commune_code = ANY(affected) OR district_code = ANY(affected);`).join("\n        ")}
        PERFORM set_config('rollup.deferred', coalesce(deferred, 'off'), true);
      END $$`);

    for (const { table, codes, shown } of PLACE_TABLES) {
      const codesOf = (rows: string) => `SELECT array_agg(c) INTO codes FROM ${rows} r, LATERAL unnest(ARRAY[${codes.map((c) => `r.${c}`).join(", ")}]) AS c`;
      await q.query(`
        CREATE FUNCTION ${table}_search_documents() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE codes text[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${codesOf("new_rows")};
          ELSIF TG_OP = 'DELETE' THEN
            ${codesOf("old_rows")};
          ELSE
            -- Only what a document shows: a change of anything else rewrites nothing.
            ${codesOf(`(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed(shown)}
                        UNION ALL SELECT n.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed(shown)})`)};
          END IF;
          PERFORM refresh_search_documents(coalesce(codes, '{}'));
          RETURN NULL;
        END $$`);
      // One statement-level trigger per event: a trigger with transition tables takes one event.
      await q.query(`CREATE TRIGGER ${table}_search_documents_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_search_documents()`);
      await q.query(`CREATE TRIGGER ${table}_search_documents_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_search_documents()`);
      await q.query(`CREATE TRIGGER ${table}_search_documents_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_search_documents()`);
    }
    // Addresses are found by commune on every unit change: index the column (districts have one).
    await q.query(`CREATE INDEX cooperative_commune ON cooperative (commune_code)`);
    await q.query(`CREATE INDEX cooperative_group_commune ON cooperative_group (commune_code)`);
    await q.query(`CREATE INDEX cooperative_group_district ON cooperative_group (district_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cooperative_group_district`);
    await q.query(`DROP INDEX cooperative_group_commune`);
    await q.query(`DROP INDEX cooperative_commune`);
    for (const { table } of PLACE_TABLES) {
      for (const event of ["insert", "update", "delete"]) await q.query(`DROP TRIGGER ${table}_search_documents_${event} ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_search_documents()`);
    }
    await q.query(`DROP FUNCTION refresh_search_documents(text[])`);
  }
}
