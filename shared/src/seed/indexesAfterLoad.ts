import { QueryRunner } from "typeorm";

/**
 * Runs a bulk load of a table with its secondary indexes and its foreign keys dropped, then
 * creates them again exactly as they were (same names, same definitions, in the same
 * transaction): building an index once over the loaded rows is several times cheaper than
 * updating it row by row, and adding a foreign key checks every row in one join instead of one
 * lookup (and a row lock) per row. Primary keys and unique constraints stay in place, so
 * duplicate rows still fail the load. The table must be one nothing else writes to meanwhile
 * (a seed's table, in the seed's transaction).
 */
export async function withIndexesAfterLoad<T>(q: QueryRunner, table: string, load: () => Promise<T>): Promise<T> {
  const foreignKeys = (await q.query(
      `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
      [table],
  )) as { name: string; definition: string }[];
  const indexes = (await q.query(
      `SELECT quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
        ORDER BY c.relname`,
      [table],
  )) as { name: string; definition: string }[];
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes) await q.query(`DROP INDEX ${index.name}`);
  const result = await load();
  for (const index of indexes) await q.query(index.definition);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  return result;
}
