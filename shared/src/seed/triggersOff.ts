import { QueryRunner } from "typeorm";

/**
 * Runs a bulk load with the tables' triggers that call `functions` disabled, in the caller's
 * transaction only, and enables them again after (a failed load rolls the transaction back, and
 * the triggers with it). For triggers whose work the loader does itself, once, at the end: a
 * deferred rollup's trigger does nothing then, but PostgreSQL still keeps each statement's rows in
 * transition tables and the trigger aggregates their owners, millions of rows at national scale.
 */
export async function withTriggersOff<T>(q: QueryRunner, tables: readonly string[], functions: readonly string[], load: () => Promise<T>): Promise<T> {
  const triggers: { trigger: string; table: string }[] = await q.query(
    `SELECT quote_ident(t.tgname) AS trigger, t.tgrelid::regclass::text AS table
       FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid = ANY ($1::regclass[]) AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname = ANY ($2)
      ORDER BY 2, 1`,
    [tables, functions],
  );
  for (const t of triggers) await q.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${t.trigger}`);
  const result = await load();
  for (const t of triggers) await q.query(`ALTER TABLE ${t.table} ENABLE TRIGGER ${t.trigger}`);
  return result;
}
