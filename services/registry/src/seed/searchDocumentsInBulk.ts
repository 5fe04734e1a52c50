import { QueryRunner } from "typeorm";

/**
 * How the search-document triggers (migration VietnameseSortAndSearch) write a row's document,
 * over a row `r`: search_text of the kind, the names and code, and address_search_names of the
 * address. The same expressions as the triggers', which stay the rule for every other write; the
 * registry's seed test requires documents written here to equal those the triggers write.
 */
const DOCUMENTS: Readonly<Record<string, { trigger: string; text: string; codeSystem: string }>> = {
  cooperative: { trigger: "cooperative_search_document", text: "'hop tac xa', r.name, r.foreign_name, r.abbreviation, r.code", codeSystem: "r.address_code_system" },
  cooperative_group: { trigger: "cooperative_group_search_document", text: "'to hop tac', r.name", codeSystem: "CASE WHEN r.district_code IS NULL THEN 'POST_2025' ELSE 'PRE_2025' END" },
};

/** Whether a table's search documents are written by their trigger (a database migrated that far). */
export async function hasSearchDocumentTrigger(q: QueryRunner, table: string): Promise<boolean> {
  const document = DOCUMENTS[table];
  if (!document) return false;
  const [{ present }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = $2) AS present`, [table, document.trigger]);
  return present;
}

/**
 * Loads rows into a table with a search document, writing the documents for all rows at once: the
 * row trigger computed the address's names (a query planned on each call) once per row, about
 * 0.1–0.8 ms each, for hundreds of thousands of rows at national scale, while the rows share a
 * few hundred addresses. `load` fills a staging table (same column types, no constraints) with
 * `columns`; the rows then go into the table in one INSERT … SELECT with the row trigger skipped,
 * each address's names computed once (materialized: as a join's inner side, the names would be
 * computed again for every row). The address's part of the document is also made searchable once
 * per address: search_text works word by word (its pieces are joined by a space, which it keeps as
 * a word break), so the text of the row's own words joined to the address's equals the text of the
 * whole, in about two thirds of the time (docs/performance.md, round eight). Within the caller's
 * transaction: the trigger is back on at commit, and on rollback nothing happened.
 */
export async function withSearchDocumentsInBulk(q: QueryRunner, table: string, columns: readonly string[], load: (staging: string) => Promise<number>): Promise<number> {
  const document = DOCUMENTS[table];
  if (!document) throw new Error(`${table} has no search document`);
  const staging = `seed_staging_${table}`;
  const list = columns.join(", ");
  await q.query(`CREATE TEMP TABLE ${staging} ON COMMIT DROP AS SELECT ${list} FROM ${table} WITH NO DATA`);
  const staged = await load(staging);
  await q.query(`ANALYZE ${staging}`);
  await q.query(`ALTER TABLE ${table} DISABLE TRIGGER ${document.trigger}`);
  const [{ inserted }] = await q.query(`
    WITH addresses AS MATERIALIZED (
      SELECT code_system, commune_code, district_code, nullif(search_text(address_search_names(code_system, commune_code, district_code)), '') AS names
        FROM (SELECT DISTINCT ${document.codeSystem} AS code_system, r.commune_code, r.district_code FROM ${staging} r) a
    ), written AS (
      INSERT INTO ${table} (${list}, search_document)
      SELECT ${columns.map((c) => `r.${c}`).join(", ")}, concat_ws(' ', search_text(concat_ws(' ', ${document.text})), a.names)
        FROM ${staging} r
        JOIN addresses a ON a.code_system = ${document.codeSystem} AND a.commune_code = r.commune_code AND a.district_code IS NOT DISTINCT FROM r.district_code
      RETURNING 1
    )
    SELECT count(*)::int AS inserted FROM written`);
  await q.query(`ALTER TABLE ${table} ENABLE TRIGGER ${document.trigger}`);
  await q.query(`DROP TABLE ${staging}`);
  if (inserted !== staged) throw new Error(`${table}: ${staged} rows staged but ${inserted} written`);
  return inserted;
}
