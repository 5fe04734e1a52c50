import { MigrationInterface, QueryRunner } from "typeorm";
import { VIETNAMESE_COLLATION } from "./vietnameseOrder";

/**
 * Legal forms that people write abbreviated ("HTX Nông nghiệp") as often as in words: both
 * documents and searches are normalised to the words, so either finds the other.
 */
export const LEGAL_FORM_ABBREVIATIONS: ReadonlyArray<readonly [abbreviation: string, words: string]> = [
  ["htx", "hop tac xa"],
  ["tht", "to hop tac"],
  ["qtdnd", "quy tin dung nhan dan"],
  ["lhhtx", "lien hiep hop tac xa"],
  ["lmhtx", "lien minh hop tac xa"],
];

/**
 * What Vietnamese text needs in every database that sorts or searches it, the same everywhere:
 * the Vietnamese collation, and `search_text(text)`, the one normalisation of searchable text
 * (NFC, lower case, accents and đ removed, anything but letters and digits a word separator,
 * legal-form abbreviations spelled out), IMMUTABLE so that stored documents and indexes can use
 * it. unaccent() is only STABLE; the function pins its dictionary. Each subgraph lists this
 * migration with a one-line file in its src/migrations that re-exports it. Changing the
 * normalisation needs a new migration that re-creates the function and rewrites the documents.
 */
export class VietnameseText1780000000000 implements MigrationInterface {
  name = "VietnameseText1780000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE COLLATION ${VIETNAMESE_COLLATION} (provider = icu, locale = 'vi-VN-u-ks-level2', deterministic = true)`);
    const spelledOut = LEGAL_FORM_ABBREVIATIONS.reduce(
      (sql, [abbreviation, words]) => `regexp_replace(${sql}, '\\m${abbreviation}\\M', '${words}', 'g')`,
      `btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC))), '[^a-z0-9]+', ' ', 'g'))`,
    );
    await q.query(`
      CREATE FUNCTION search_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT ${spelledOut} $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION search_text(text)`);
    await q.query(`DROP COLLATION ${VIETNAMESE_COLLATION}`);
  }
}
