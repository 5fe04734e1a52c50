/**
 * The statements that keep dated rollups current when a source table changes: three
 * statement-level triggers (PostgreSQL allows transition tables only on single-event triggers).
 * `figures` pairs each figure with the column of `table` that names its owners, e.g.
 * `{ active_cooperatives: "cooperative_id" }`. For a subgraph's migrations.
 */
export function rollupTriggerSql(table: string, figures: Record<string, string>): string[] {
  const args = Object.entries(figures)
    .flatMap(([figure, column]) => [figure, column])
    .map((value) => `'${value.replace(/'/g, "''")}'`)
    .join(", ");
  return [
    `CREATE TRIGGER ${table}_rollup_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_change(${args})`,
    `CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_change(${args})`,
    `CREATE TRIGGER ${table}_rollup_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_change(${args})`,
  ];
}

/** Drops what rollupTriggerSql created. */
export function dropRollupTriggerSql(table: string): string[] {
  return ["insert", "update", "delete"].map((op) => `DROP TRIGGER IF EXISTS ${table}_rollup_${op} ON ${table}`);
}
