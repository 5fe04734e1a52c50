import { MigrationInterface, QueryRunner } from "typeorm";
import { EXTEND_HORIZON_EVERY_CELL_SQL } from "./migration";

/**
 * Month-end snapshots computed from the months in which a cell changes, instead of every cell ×
 * every month with the zeros dropped at the end: most cells (a commune × sector × rating × model
 * combination) count for a few years of a history of decades, so about four fifths of the rows
 * the first version built and sorted were zeros (2.5 million of them for the registry's active
 * cooperatives at 10 times the province). A cell's total changes only in a month with deltas (or,
 * when extending, in the first new month, from the last snapshot); it holds until the month
 * before its next change, or the last complete month, and each of those month ends is written
 * when the total is not zero. Same rows as before; readers already treat a missing month end as 0.
 *
 * Re-exported by each subgraph that keeps dated rollups, like Rollup1726000000000.
 */
export class RollupMonthEndsByChange1791000000000 implements MigrationInterface {
  name = "RollupMonthEndsByChange1791000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_extend_horizon(p_figure text) RETURNS void
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
        -- The changes of each cell by month end (the last snapshot counts as a change in the
        -- first new month), their running total, and the month end of the next change.
        INSERT INTO rollup_snapshot (figure, through, cell, total)
        SELECT p_figure, (m + interval '1 month - 1 day')::date, s.cell, s.total
          FROM (
            SELECT cell, through, sum(sum(delta)) OVER w AS total, lead(through) OVER w AS next_through
              FROM (
                SELECT cell, first_through AS through, total AS delta
                  FROM rollup_snapshot WHERE figure = p_figure AND through = last_through
                UNION ALL
                SELECT cell, (date_trunc('month', day) + interval '1 month - 1 day')::date, delta
                  FROM rollup_delta WHERE figure = p_figure AND (last_through IS NULL OR day > last_through) AND day <= target
              ) changes
             GROUP BY cell, through
            WINDOW w AS (PARTITION BY cell ORDER BY through)
          ) s
         CROSS JOIN LATERAL generate_series(
           date_trunc('month', s.through),
           CASE WHEN s.next_through IS NULL THEN date_trunc('month', target) ELSE date_trunc('month', s.next_through) - interval '1 month' END,
           interval '1 month') m
         WHERE s.total <> 0;
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(EXTEND_HORIZON_EVERY_CELL_SQL.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
  }
}
