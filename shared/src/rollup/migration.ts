import { MigrationInterface, QueryRunner } from "typeorm";

/** Deltas and snapshots alike: one number per figure, day and cell, read from the key alone. */
function figureDayCellTable(table: string, day: string, value: string): string {
  return `
      CREATE TABLE ${table} (
        figure text NOT NULL,
        ${day} date NOT NULL,
        cell text[] NOT NULL,
        ${value} bigint NOT NULL,
        PRIMARY KEY (figure, ${day}, cell) INCLUDE (${value})
      )`;
}

/**
 * rollup_extend_horizon as first written: every cell × every new month end, zeros dropped at the
 * end (RollupMonthEndsByChange computes the same rows from the months that change).
 */
export const EXTEND_HORIZON_EVERY_CELL_SQL = `
      CREATE FUNCTION rollup_extend_horizon(p_figure text) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE
        last_through date;
        first_through date;
        target date := (date_trunc('month', current_date) - interval '1 day')::date;
      BEGIN
        SELECT max(through) INTO last_through FROM rollup_horizon WHERE figure = p_figure;
        IF last_through IS NULL THEN
          SELECT (date_trunc('month', min(day)) + interval '1 month - 1 day')::date INTO first_through
            FROM rollup_delta WHERE figure = p_figure;
        ELSE
          first_through := (date_trunc('month', last_through + 1) + interval '1 month - 1 day')::date;
        END IF;
        IF first_through IS NULL OR first_through > target THEN
          RETURN;
        END IF;
        INSERT INTO rollup_horizon (figure, through)
        SELECT p_figure, (m + interval '1 month - 1 day')::date
          FROM generate_series(date_trunc('month', first_through), date_trunc('month', target), interval '1 month') m;
        -- Each new month end = the previous snapshot (if any) + the deltas since, per cell.
        INSERT INTO rollup_snapshot (figure, through, cell, total)
        SELECT p_figure, x.through, x.cell, x.total FROM (
          SELECT h.through, c.cell,
                 coalesce(base.total, 0) + sum(coalesce(m.delta, 0)) OVER (PARTITION BY c.cell ORDER BY h.through) AS total
            FROM rollup_horizon h
           CROSS JOIN (
             SELECT DISTINCT cell FROM rollup_delta WHERE figure = p_figure AND (last_through IS NULL OR day > last_through)
             UNION SELECT cell FROM rollup_snapshot WHERE figure = p_figure AND through = last_through
           ) c
            LEFT JOIN rollup_snapshot base ON base.figure = p_figure AND base.through = last_through AND base.cell = c.cell
            LEFT JOIN (
              SELECT cell, (date_trunc('month', day) + interval '1 month - 1 day')::date AS through, sum(delta) AS delta
                FROM rollup_delta
               WHERE figure = p_figure AND (last_through IS NULL OR day > last_through) AND day <= target
               GROUP BY 1, 2
            ) m ON m.cell = c.cell AND m.through = h.through
           WHERE h.figure = p_figure AND h.through >= first_through
        ) x
        WHERE x.total <> 0;
      END $fn$`;

/**
 * Dated rollups: figures "as of a date" (cooperatives active, members in force, outstanding
 * principal...) kept as per-day deltas plus month-end totals, so reading a figure costs about
 * one row per cell whatever the number of owners and the length of the history (so report
 * time does not grow with the data).
 *
 * A figure is a SQL function `rollup_<figure>(owners uuid[])` written by the subgraph that owns
 * it, returning each owner's contribution as (owner_id, cell, day, delta): +n on the day the owner
 * starts counting in a cell, -n when it stops. Tables:
 * - rollup_contribution: the current contribution of every owner (to subtract it when it changes);
 * - rollup_delta: the contributions summed per (figure, day, cell);
 * - rollup_snapshot: the figure's value per cell at each month end listed in rollup_horizon.
 * A figure on date D = the latest snapshot on or before D + the deltas after it up to D.
 * Statement-level triggers on the source tables (rollupTriggerSql) recompute the contribution of
 * the owners a statement touched, in the same transaction, so the figures are never stale.
 *
 * Re-exported by each subgraph that uses it, like the audit log's migration.
 */
export class Rollup1726000000000 implements MigrationInterface {
  name = "Rollup1726000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_contribution (
        figure text NOT NULL,
        owner_id uuid NOT NULL,
        cell text[] NOT NULL,
        day date NOT NULL,
        delta bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rollup_contribution_owner ON rollup_contribution (figure, owner_id)`);
    await q.query(figureDayCellTable("rollup_delta", "day", "delta"));
    await q.query(`
      CREATE TABLE rollup_horizon (
        figure text NOT NULL,
        through date NOT NULL,
        PRIMARY KEY (figure, through)
      )`);
    await q.query(figureDayCellTable("rollup_snapshot", "through", "total"));

    // Month-end snapshots from the month of the first delta to the last complete month, from the
    // deltas (used by rebuild, and by refresh when a month has ended since the last snapshot).
    await q.query(EXTEND_HORIZON_EVERY_CELL_SQL);

    // Replaces the contribution of some owners with the one computed now and applies the
    // difference to the deltas and the snapshots, each in one upsert ordered by key (a consistent
    // lock order between concurrent writers). The advisory locks make a second writer of the same
    // owner wait, then recompute from a snapshot that includes the first one's committed change;
    // extending the horizon takes the figure's lock exclusively so no refresh misses a new month.
    await q.query(`
      CREATE FUNCTION rollup_refresh(p_figure text, p_owners uuid[]) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE
        net jsonb;
        last_month_end date := (date_trunc('month', current_date) - interval '1 day')::date;
      BEGIN
        IF p_owners IS NULL OR cardinality(p_owners) = 0 OR current_setting('rollup.deferred', true) = 'on' THEN
          RETURN;
        END IF;
        -- A month has ended since the last snapshot (or the first one can be taken).
        IF NOT EXISTS (SELECT 1 FROM rollup_horizon WHERE figure = p_figure AND through >= last_month_end)
           AND EXISTS (SELECT 1 FROM rollup_delta WHERE figure = p_figure AND day <= last_month_end) THEN
          PERFORM pg_advisory_xact_lock(hashtextextended('rollup:' || p_figure, 0));
          PERFORM rollup_extend_horizon(p_figure);
        END IF;
        PERFORM pg_advisory_xact_lock_shared(hashtextextended('rollup:' || p_figure, 0));
        PERFORM pg_advisory_xact_lock(k)
           FROM (SELECT DISTINCT hashtextextended(p_figure || ':' || o::text, 0) AS k FROM unnest(p_owners) o ORDER BY 1) keys;
        EXECUTE format($sql$
          WITH gone AS (
            DELETE FROM rollup_contribution WHERE figure = $1 AND owner_id = ANY ($2)
            RETURNING cell, day, -delta AS delta
          ), fresh AS (
            INSERT INTO rollup_contribution (figure, owner_id, cell, day, delta)
            SELECT $1, c.owner_id, c.cell, c.day, c.delta FROM %I($2) c WHERE c.delta <> 0
            RETURNING cell, day, delta
          )
          SELECT coalesce(jsonb_agg(jsonb_build_object('day', day, 'cell', to_jsonb(cell), 'delta', delta)), '[]')
            FROM (SELECT day, cell, sum(delta) AS delta FROM (SELECT * FROM gone UNION ALL SELECT * FROM fresh) x
                   GROUP BY day, cell HAVING sum(delta) <> 0) n
        $sql$, 'rollup_' || p_figure) INTO net USING p_figure, p_owners;
        IF net = '[]'::jsonb THEN
          RETURN;
        END IF;
        INSERT INTO rollup_delta AS t (figure, day, cell, delta)
        SELECT p_figure, n.day, n.cell, n.delta FROM rollup_net_rows(net) n
         ORDER BY n.day, n.cell
        ON CONFLICT (figure, day, cell) DO UPDATE SET delta = t.delta + EXCLUDED.delta;
        INSERT INTO rollup_snapshot AS t (figure, through, cell, total)
        SELECT p_figure, h.through, n.cell, sum(n.delta)
          FROM rollup_net_rows(net) n JOIN rollup_horizon h ON h.figure = p_figure AND h.through >= n.day
         GROUP BY h.through, n.cell
         ORDER BY h.through, n.cell
        ON CONFLICT (figure, through, cell) DO UPDATE SET total = t.total + EXCLUDED.total;
      END $fn$`);

    // The net changes travel between refresh's statements as JSON (no session state).
    await q.query(`
      CREATE FUNCTION rollup_net_rows(net jsonb) RETURNS TABLE (day date, cell text[], delta bigint)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT (e->>'day')::date,
               ARRAY(SELECT v FROM jsonb_array_elements_text(e->'cell') WITH ORDINALITY a (v, i) ORDER BY i),
               (e->>'delta')::bigint
          FROM jsonb_array_elements(net) e
      $$`);

    // Recomputes a figure for all its owners (a migration that adds a figure, the demo-data loader).
    await q.query(`
      CREATE FUNCTION rollup_rebuild(p_figure text, p_owners uuid[]) RETURNS void
      LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('rollup:' || p_figure, 0));
        DELETE FROM rollup_contribution WHERE figure = p_figure;
        DELETE FROM rollup_delta WHERE figure = p_figure;
        DELETE FROM rollup_snapshot WHERE figure = p_figure;
        DELETE FROM rollup_horizon WHERE figure = p_figure;
        EXECUTE format($sql$
          INSERT INTO rollup_contribution (figure, owner_id, cell, day, delta)
          SELECT $1, c.owner_id, c.cell, c.day, c.delta FROM %I($2) c WHERE c.delta <> 0
        $sql$, 'rollup_' || p_figure) USING p_figure, p_owners;
        INSERT INTO rollup_delta (figure, day, cell, delta)
        SELECT figure, day, cell, sum(delta) FROM rollup_contribution WHERE figure = p_figure
         GROUP BY figure, day, cell HAVING sum(delta) <> 0;
        PERFORM rollup_extend_horizon(p_figure);
      END $fn$`);

    // The trigger body shared by every source table. Its arguments are pairs (figure, column):
    // the owners to refresh for a figure are the distinct non-null values of that column in the
    // statement's old and new rows (transition tables old_rows / new_rows).
    await q.query(`
      CREATE FUNCTION rollup_on_change() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      DECLARE
        i int := 0;
        owners uuid[];
      BEGIN
        WHILE i < TG_NARGS LOOP
          IF TG_OP = 'INSERT' THEN
            EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM new_rows WHERE %1$I IS NOT NULL', TG_ARGV[i + 1]) INTO owners;
          ELSIF TG_OP = 'DELETE' THEN
            EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM old_rows WHERE %1$I IS NOT NULL', TG_ARGV[i + 1]) INTO owners;
          ELSE
            EXECUTE format('SELECT array_agg(DISTINCT o) FROM (SELECT %1$I AS o FROM new_rows UNION SELECT %1$I FROM old_rows) x WHERE o IS NOT NULL', TG_ARGV[i + 1]) INTO owners;
          END IF;
          PERFORM rollup_refresh(TG_ARGV[i], owners);
          i := i + 2;
        END LOOP;
        RETURN NULL;
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS rollup_on_change()`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_rebuild(text, uuid[])`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_net_rows(jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_refresh(text, uuid[])`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_extend_horizon(text)`);
    for (const table of ["rollup_snapshot", "rollup_horizon", "rollup_delta", "rollup_contribution"]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
