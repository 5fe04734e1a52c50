import { QueryRunner } from "typeorm";

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** One cell of a dated rollup and its value on the date. */
export interface RollupCell {
  /** The figure's dimensions, in the order its SQL function returns them (may hold nulls). */
  cell: (string | null)[];
  total: number;
}

/**
 * The SQL of a figure's value per cell on a date ($1 figures text[], $2 date): the latest month-end
 * snapshot on or before the date plus the deltas after it, so it reads about one row per cell and
 * day of that month, whatever the number of owners.
 */
export const ROLLUP_TOTALS_SQL = `
  WITH h AS (
    SELECT f.figure, (SELECT max(through) FROM rollup_horizon r WHERE r.figure = f.figure AND r.through <= $2::date) AS through
      FROM unnest($1::text[]) f (figure)
  )
  SELECT cell, sum(v) AS total FROM (
    SELECT s.cell, s.total AS v FROM h JOIN rollup_snapshot s ON s.figure = h.figure AND s.through = h.through
    UNION ALL
    SELECT d.cell, d.delta FROM h CROSS JOIN LATERAL (
      SELECT cell, delta FROM rollup_delta d
       WHERE d.figure = h.figure AND d.day > coalesce(h.through, '-infinity'::date) AND d.day <= $2::date
    ) d
  ) x GROUP BY cell HAVING sum(v) <> 0`;

/**
 * Figures' value on a date, per cell (summed over the figures when several are given, e.g. the
 * members of cooperatives and of groups).
 */
export async function rollupTotals(db: Queryable, figures: string | string[], date: string): Promise<RollupCell[]> {
  const rows = (await db.query(ROLLUP_TOTALS_SQL, [Array.isArray(figures) ? figures : [figures], date])) as { cell: (string | null)[]; total: string }[];
  return rows.map((row) => ({ cell: row.cell, total: Number(row.total) }));
}

/**
 * For bulk loads inside one transaction: triggers skip their refreshes until the transaction
 * ends, and rebuildRollups recomputes each figure once at the end (instead of once per chunk).
 */
export async function deferRollups(q: QueryRunner): Promise<void> {
  await q.query(`SELECT set_config('rollup.deferred', 'on', true)`);
}

/**
 * Recomputes figures for all their owners; `owners` is the SQL selecting a figure's owner ids.
 * `rebuilt` is told after each figure (a loader's progress line).
 */
export async function rebuildRollups(q: QueryRunner, figures: Record<string, string>, rebuilt?: (figure: string) => void): Promise<void> {
  for (const [figure, owners] of Object.entries(figures)) {
    await q.query(`SELECT rollup_rebuild($1, ARRAY(${owners}))`, [figure]);
    rebuilt?.(figure);
  }
  await q.query(`SELECT set_config('rollup.deferred', 'off', true)`);
}

/**
 * Clears figures whose rows a loader computes itself and copies (see FigureTotals), as
 * rollup_rebuild clears a figure before rewriting it: under the figure's lock, in the caller's
 * transaction.
 */
export async function clearFigures(q: QueryRunner, figures: readonly string[]): Promise<void> {
  for (const figure of figures) {
    await q.query(`SELECT pg_advisory_xact_lock(hashtextextended('rollup:' || $1, 0))`, [figure]);
    for (const table of ["rollup_contribution", "rollup_delta", "rollup_snapshot", "rollup_horizon"]) await q.query(`DELETE FROM ${table} WHERE figure = $1`, [figure]);
  }
}
