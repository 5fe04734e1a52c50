import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The report's stock figures as dated rollups: cooperatives active on a date by sector,
 * district, rating and new-model flag; members in force in active cooperatives and in operating
 * groups; operating groups. Each function gives an owner's contribution as +/- deltas on the days
 * its state changes, with the same rules as the figures' definitions in src/report/liveFigures.ts
 * (tests compare both on the demo data and after mutations).
 */
export class ReportRollups1730000000000 implements MigrationInterface {
  name = "ReportRollups1730000000000";

  async up(q: QueryRunner): Promise<void> {
    // Status on a day = the last status event of the latest day on or before it (recorded_at
    // breaks ties): the status each cooperative took on each day it changed.
    await q.query(`
      CREATE FUNCTION cooperative_status_days(owners uuid[])
      RETURNS TABLE (id uuid, day date, status text)
      LANGUAGE sql STABLE AS $$
        SELECT DISTINCT ON (e.cooperative_id, e.effective_on) e.cooperative_id, e.effective_on, e.status_after
          FROM cooperative_event e
         WHERE e.status_after IS NOT NULL AND e.cooperative_id = ANY (owners)
         ORDER BY e.cooperative_id, e.effective_on, e.recorded_at DESC
      $$`);

    // Rating on a day = that of the latest classification year approved on or before it.
    await q.query(`
      CREATE FUNCTION rollup_active_cooperatives(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH coop AS (
          SELECT id, sector_code, district_code, is_new_model FROM cooperative WHERE id = ANY (owners)
        ), status_days AS (
          SELECT id, day, status FROM cooperative_status_days(owners)
        ), rating_days AS (
          SELECT cooperative_id AS id, classified_on AS day, max(year) AS year
            FROM classification WHERE cooperative_id = ANY (owners) GROUP BY 1, 2
        ), days AS (
          SELECT id, day, max(status) AS status, max(year) AS year FROM (
            SELECT id, day, status, NULL::int AS year FROM status_days
            UNION ALL SELECT id, day, NULL, year FROM rating_days
          ) x GROUP BY id, day
        ), carried AS (
          SELECT id, day, status, count(status) OVER w AS status_run, max(year) OVER w AS year
            FROM days WINDOW w AS (PARTITION BY id ORDER BY day)
        ), state AS (
          SELECT id, day, max(status) OVER (PARTITION BY id, status_run) AS status, year FROM carried
        ), cells AS (
          SELECT s.id, s.day,
                 CASE WHEN s.status = 'ACTIVE' THEN ARRAY[c.sector_code::text, c.district_code::text, k.rating::text, c.is_new_model::text] END AS cell
            FROM state s
            JOIN coop c ON c.id = s.id
            LEFT JOIN classification k ON k.cooperative_id = s.id AND k.year = s.year
        ), changes AS (
          SELECT id, day, cell, lag(cell) OVER (PARTITION BY id ORDER BY day) AS prev FROM cells
        )
        SELECT id, cell, day, 1::bigint FROM changes WHERE cell IS NOT NULL AND cell IS DISTINCT FROM prev
        UNION ALL
        SELECT id, prev, day, -1::bigint FROM changes WHERE prev IS NOT NULL AND cell IS DISTINCT FROM prev
      $$`);

    // Members in force in a cooperative while it is active: the running count of joins and
    // departures, times 1 while the carried-forward status is ACTIVE, as deltas between days.
    await q.query(`
      CREATE FUNCTION rollup_cooperative_members(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH member_days AS (
          SELECT cooperative_id AS id, joined_on AS day, 1 AS d FROM member WHERE cooperative_id = ANY (owners)
          UNION ALL
          SELECT cooperative_id, left_on, -1 FROM member WHERE cooperative_id = ANY (owners) AND left_on IS NOT NULL
        ), status_days AS (
          SELECT id, day, status FROM cooperative_status_days(owners)
        ), days AS (
          SELECT id, day, sum(d) AS d, max(status) AS status FROM (
            SELECT id, day, d, NULL::text AS status FROM member_days
            UNION ALL SELECT id, day, 0, status FROM status_days
          ) x GROUP BY id, day
        ), carried AS (
          SELECT id, day, status, count(status) OVER w AS status_run, sum(d) OVER w AS in_force
            FROM days WINDOW w AS (PARTITION BY id ORDER BY day)
        ), counted AS (
          SELECT id, day, CASE WHEN max(status) OVER (PARTITION BY id, status_run) = 'ACTIVE' THEN in_force ELSE 0 END AS n FROM carried
        ), deltas AS (
          SELECT id, day, n - coalesce(lag(n) OVER (PARTITION BY id ORDER BY day), 0) AS delta FROM counted
        )
        SELECT id, '{}'::text[], day, delta::bigint FROM deltas WHERE delta <> 0
      $$`);

    // Members in force in a group while it operates: each membership counts over the
    // intersection of [joined_on, left_on) and [founded_on, dissolved_on).
    await q.query(`
      CREATE FUNCTION rollup_group_members(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        SELECT s.id, '{}'::text[], s.day, sum(s.d)::bigint FROM (
          SELECT g.id, x.day, x.d
            FROM cooperative_group g
            JOIN member m ON m.group_id = g.id
            CROSS JOIN LATERAL (VALUES
              (greatest(m.joined_on, g.founded_on), 1),
              (least(coalesce(m.left_on, 'infinity'::date), coalesce(g.dissolved_on, 'infinity'::date)), -1)
            ) x (day, d)
           WHERE g.id = ANY (owners)
             AND greatest(m.joined_on, g.founded_on) < least(coalesce(m.left_on, 'infinity'::date), coalesce(g.dissolved_on, 'infinity'::date))
             AND x.day <> 'infinity'::date
        ) s GROUP BY s.id, s.day HAVING sum(s.d) <> 0
      $$`);

    await q.query(`
      CREATE FUNCTION rollup_operating_groups(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        SELECT g.id, '{}'::text[], x.day, x.d::bigint
          FROM cooperative_group g
          CROSS JOIN LATERAL (VALUES (g.founded_on, 1), (g.dissolved_on, -1)) x (day, d)
         WHERE g.id = ANY (owners) AND x.day IS NOT NULL
           AND (g.dissolved_on IS NULL OR g.dissolved_on > g.founded_on)
      $$`);

    for (const sql of [
      ...rollupTriggerSql("cooperative", { active_cooperatives: "id" }),
      ...rollupTriggerSql("cooperative_event", { active_cooperatives: "cooperative_id", cooperative_members: "cooperative_id" }),
      ...rollupTriggerSql("classification", { active_cooperatives: "cooperative_id" }),
      ...rollupTriggerSql("member", { cooperative_members: "cooperative_id", group_members: "group_id" }),
      ...rollupTriggerSql("cooperative_group", { operating_groups: "id", group_members: "id" }),
    ]) {
      await q.query(sql);
    }

    // The period's dissolutions: an index instead of a scan of every event.
    await q.query(`CREATE INDEX cooperative_event_dissolved ON cooperative_event (effective_on, cooperative_id) WHERE status_after = 'DISSOLVED'`);

    // Existing data (a database loaded before this migration).
    await q.query(`SELECT rollup_rebuild('active_cooperatives', ARRAY(SELECT id FROM cooperative))`);
    await q.query(`SELECT rollup_rebuild('cooperative_members', ARRAY(SELECT id FROM cooperative))`);
    await q.query(`SELECT rollup_rebuild('group_members', ARRAY(SELECT id FROM cooperative_group))`);
    await q.query(`SELECT rollup_rebuild('operating_groups', ARRAY(SELECT id FROM cooperative_group))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS cooperative_event_dissolved`);
    for (const table of ["cooperative", "cooperative_event", "classification", "member", "cooperative_group"]) {
      for (const sql of dropRollupTriggerSql(table)) await q.query(sql);
    }
    for (const figure of ["active_cooperatives", "cooperative_members", "group_members", "operating_groups"]) {
      await q.query(`DELETE FROM rollup_contribution WHERE figure = $1`, [figure]);
      await q.query(`DELETE FROM rollup_delta WHERE figure = $1`, [figure]);
      await q.query(`DROP FUNCTION IF EXISTS rollup_${figure}(uuid[])`);
    }
    await q.query(`DROP FUNCTION IF EXISTS cooperative_status_days(uuid[])`);
  }
}
