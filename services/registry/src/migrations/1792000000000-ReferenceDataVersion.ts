import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A counter of changes to the reference tables (sectors, administrative units), raised by every
 * statement that writes them, in its own transaction: each registry process keeps the tables in
 * memory and reads them again when the counter has moved (src/reference/referenceTables.ts).
 */
export class ReferenceDataVersion1792000000000 implements MigrationInterface {
  name = "ReferenceDataVersion1792000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reference_data_version (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version bigint NOT NULL)`);
    await q.query(`INSERT INTO reference_data_version (version) VALUES (1)`);
    await q.query(`CREATE FUNCTION raise_reference_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE reference_data_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of ["sector", "administrative_unit"]) {
      await q.query(`CREATE TRIGGER ${table}_raises_reference_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION raise_reference_data_version()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["sector", "administrative_unit"]) await q.query(`DROP TRIGGER ${table}_raises_reference_data_version ON ${table}`);
    await q.query(`DROP FUNCTION raise_reference_data_version()`);
    await q.query(`DROP TABLE reference_data_version`);
  }
}
