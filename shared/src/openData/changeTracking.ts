import { DataSource, QueryRunner } from "typeorm";

/**
 * When each table last changed, kept by statement-level triggers (any INSERT, UPDATE, DELETE or
 * TRUNCATE, seeds and COPY included) in `open_data_change`, one row per table. A download's
 * ETag and Last-Modified read a handful of rows here, so a client revalidating (304) costs no
 * scan of the data. Writers of one table update the same row: they queue on it until commit,
 * which the staff's few writes a minute do not notice.
 */
export async function createChangeTracking(q: QueryRunner, tables: readonly string[]): Promise<void> {
  await q.query(`
    CREATE TABLE open_data_change (
      table_name text PRIMARY KEY,
      -- A time, not data: the default marks it as such for whoever compares two loads of the same data.
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
  await q.query(`
    CREATE FUNCTION open_data_touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO open_data_change (table_name, changed_at) VALUES (TG_TABLE_NAME, clock_timestamp())
      ON CONFLICT (table_name) DO UPDATE SET changed_at = greatest(open_data_change.changed_at, EXCLUDED.changed_at);
      RETURN NULL;
    END $$`);
  for (const table of tables) await trackChanges(q, table);
}

/** Starts tracking one more table (a later migration that adds a table the open data reads). */
export async function trackChanges(q: QueryRunner, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  await q.query(`CREATE TRIGGER open_data_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION open_data_touch()`);
  // Existing rows changed "now" as far as a client can tell: its cached copy predates the tracking.
  await q.query(`INSERT INTO open_data_change (table_name, changed_at) VALUES ($1, now()) ON CONFLICT (table_name) DO NOTHING`, [table]);
}

export async function dropChangeTracking(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) await q.query(`DROP TRIGGER IF EXISTS open_data_touch ON ${table}`);
  await q.query(`DROP FUNCTION open_data_touch()`);
  await q.query(`DROP TABLE open_data_change`);
}

/** The latest change of these tables (all tracked tables when none are named); null before any. */
export async function latestChange(dataSource: DataSource, tables?: readonly string[]): Promise<Date | null> {
  const rows: { changed_at: Date | null }[] = tables
    ? await dataSource.query(`SELECT max(changed_at) AS changed_at FROM open_data_change WHERE table_name = ANY($1::text[])`, [tables])
    : await dataSource.query(`SELECT max(changed_at) AS changed_at FROM open_data_change`);
  const value = rows[0]?.changed_at;
  return value ? new Date(value) : null;
}
