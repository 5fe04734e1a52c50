import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sequential scans of the registry's database start at the table's first page. PostgreSQL lets a
 * scan of a table larger than a quarter of shared_buffers start where another one is (the
 * cooperatives at national scale are): the candidates of a broad search, taken in the order the
 * table is read (rankedCandidatesSql), then changed from one statement to the next, so the pages of
 * one search in relevance order disagreed with its totalCount and with each other. Set on the
 * database (every role, every new session, through PgBouncer too); a role that does not own the
 * database sets it on itself.
 */
export class SearchScansFromTheStart1793100000000 implements MigrationInterface {
  name = "SearchScansFromTheStart1793100000000";

  async up(q: QueryRunner): Promise<void> {
    await onDatabaseOrRole(q, "SET synchronize_seqscans = off");
  }

  async down(q: QueryRunner): Promise<void> {
    await onDatabaseOrRole(q, "RESET synchronize_seqscans");
  }
}

/** `ALTER DATABASE <this one> <setting>`, or on the current role in it when the role does not own the database. */
async function onDatabaseOrRole(q: QueryRunner, setting: string): Promise<void> {
  await q.query(`DO $$
    BEGIN
      EXECUTE format('ALTER DATABASE %I ${setting}', current_database());
    EXCEPTION WHEN insufficient_privilege THEN
      EXECUTE format('ALTER ROLE CURRENT_USER IN DATABASE %I ${setting}', current_database());
    END $$`);
}
