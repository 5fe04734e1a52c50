import { QueryRunner } from "typeorm";

interface Definition {
  name: string;
  definition: string;
}

/**
 * Runs a bulk load of a table with its indexes and foreign keys dropped, then creates them again
 * exactly as they were (same names, same definitions, in the same transaction): building an index
 * once over the loaded rows is several times cheaper than updating it row by row (a national
 * table's random uuid keys no longer fit in the server's buffers), and adding a foreign key checks
 * every row in one join instead of one lookup (and a row lock) per row. Primary keys and unique
 * constraints come back as constraints, so a duplicate row still fails the load, as does a broken
 * foreign key; those that another table's foreign key depends on stay in place throughout. The
 * table must be one nothing else reads or writes meanwhile (a seed's table, in the seed's transaction).
 * On a server with wal_level=minimal (the embedded one) an empty table is truncated first, so that
 * its load and index builds skip the WAL (see truncateWhenWalSkippable).
 */
export async function withIndexesAfterLoad<T>(q: QueryRunner, table: string, load: () => Promise<T>): Promise<T> {
  const foreignKeys = (await q.query(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [table],
  )) as Definition[];
  // Keys other tables refer to cannot be dropped (their foreign keys depend on the index).
  const keys = (await q.query(
    `SELECT quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
      WHERE k.conrelid = $1::regclass AND k.contype IN ('p', 'u')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid AND f.conrelid <> k.conrelid)
      ORDER BY k.contype, k.conname`,
    [table],
  )) as Definition[];
  const indexes = (await q.query(
    `SELECT quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
      ORDER BY c.relname`,
    [table],
  )) as Definition[];
  const truncated = await truncateWhenWalSkippable(q, table);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await q.query(`DROP INDEX ${index.name}`);
  if (truncated) freshTables(q).add(table);
  let result: T;
  try {
    result = await load();
  } finally {
    freshTables(q).delete(table);
  }
  for (const key of keys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  for (const index of indexes) await q.query(index.definition);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  return result;
}

/**
 * Under wal_level=minimal, PostgreSQL writes no WAL for a table whose file was created in the
 * current transaction: the rows are copied straight into the new file and synced at commit, and the
 * indexes built after the load are not logged page by page either (a national seed otherwise logs
 * every row and every index page once more, gigabytes). TRUNCATE gives an empty table such a new
 * file. Only an empty table (nothing to lose), with no other table's foreign key pointing at it
 * (TRUNCATE refuses those) and no TRUNCATE trigger to fire; on other servers nothing is done, as
 * they log the load whatever happens.
 */
async function truncateWhenWalSkippable(q: QueryRunner, table: string): Promise<boolean> {
  const [{ skippable }] = (await q.query(
    `SELECT current_setting('wal_level') = 'minimal'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = $1::regclass AND conrelid <> confrelid AND contype = 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = $1::regclass AND tgtype & 32 <> 0) AS skippable`,
    [table],
  )) as Array<{ skippable: boolean }>;
  if (!skippable) return false;
  const [{ empty }] = (await q.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`)) as Array<{ empty: boolean }>;
  if (empty) await q.query(`TRUNCATE ONLY ${table}`);
  return empty;
}

/** Per transaction's query runner: the tables truncated by withIndexesAfterLoad whose load is under way. */
const fresh = new WeakMap<QueryRunner, Set<string>>();
function freshTables(q: QueryRunner): Set<string> {
  let tables = fresh.get(q);
  if (!tables) fresh.set(q, (tables = new Set()));
  return tables;
}

/**
 * Whether COPY into a table may write its rows frozen (COPY … FREEZE): the table was truncated in
 * this transaction by withIndexesAfterLoad, whose load is running. Frozen rows are visible to
 * every later transaction without looking up whether the load committed, and their pages are
 * marked all-visible: the first reads after a national seed (its row counts and ANALYZE, then the
 * first queries) no longer rewrite every page to set hint bits, and index-only scans need no
 * VACUUM first.
 */
export function copiesFrozen(q: QueryRunner, table: string): boolean {
  return fresh.get(q)?.has(table) ?? false;
}
