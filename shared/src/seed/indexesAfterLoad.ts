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
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await q.query(`DROP INDEX ${index.name}`);
  const result = await load();
  for (const key of keys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  for (const index of indexes) await q.query(index.definition);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  return result;
}
