import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The report's stock figures by place, so a report can cover one territory (old Cà Mau, old Bạc
 * Liêu or the province since the reform) and break cooperatives down by the new communes: the
 * rollups' cells gain the organisation's district and commune (appended, so earlier positions keep
 * their meaning). The cooperative trigger now also refreshes its members' figure, which carries
 * the cooperative's place. Every figure is rebuilt.
 */
export class AreasInReportRollups1770000000000 implements MigrationInterface {
  name = "AreasInReportRollups1770000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_active_cooperatives(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH coop AS (
          SELECT id, sector_code, district_code, commune_code, is_new_model FROM cooperative WHERE id = ANY (owners)
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
                 CASE WHEN s.status = 'ACTIVE' THEN ARRAY[c.sector_code::text, c.district_code::text, k.rating::text, c.is_new_model::text, c.commune_code::text] END AS cell
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

    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_cooperative_members(owners uuid[])
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
        SELECT d.id, ARRAY[c.district_code::text, c.commune_code::text], d.day, d.delta::bigint FROM deltas d JOIN cooperative c ON c.id = d.id WHERE d.delta <> 0
      $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_group_members(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        SELECT s.id, ARRAY[s.district_code::text, s.commune_code::text], s.day, sum(s.d)::bigint FROM (
          SELECT g.id, g.district_code, g.commune_code, x.day, x.d
            FROM cooperative_group g
            JOIN member m ON m.group_id = g.id
            CROSS JOIN LATERAL (VALUES
              (greatest(m.joined_on, g.founded_on), 1),
              (least(coalesce(m.left_on, 'infinity'::date), coalesce(g.dissolved_on, 'infinity'::date)), -1)
            ) x (day, d)
           WHERE g.id = ANY (owners)
             AND greatest(m.joined_on, g.founded_on) < least(coalesce(m.left_on, 'infinity'::date), coalesce(g.dissolved_on, 'infinity'::date))
             AND x.day <> 'infinity'::date
        ) s GROUP BY s.id, s.district_code, s.commune_code, s.day HAVING sum(s.d) <> 0
      $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_operating_groups(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        SELECT g.id, ARRAY[g.district_code::text, g.commune_code::text], x.day, x.d::bigint
          FROM cooperative_group g
          CROSS JOIN LATERAL (VALUES (g.founded_on, 1), (g.dissolved_on, -1)) x (day, d)
         WHERE g.id = ANY (owners) AND x.day IS NOT NULL
           AND (g.dissolved_on IS NULL OR g.dissolved_on > g.founded_on)
      $$`);

    for (const sql of dropRollupTriggerSql("cooperative")) await q.query(sql);
    for (const sql of rollupTriggerSql("cooperative", { active_cooperatives: "id", cooperative_members: "id" })) await q.query(sql);

    await q.query(`SELECT rollup_rebuild('active_cooperatives', ARRAY(SELECT id FROM cooperative))`);
    await q.query(`SELECT rollup_rebuild('cooperative_members', ARRAY(SELECT id FROM cooperative))`);
    await q.query(`SELECT rollup_rebuild('group_members', ARRAY(SELECT id FROM cooperative_group))`);
    await q.query(`SELECT rollup_rebuild('operating_groups', ARRAY(SELECT id FROM cooperative_group))`);
  }

  async down(): Promise<void> {
    throw new Error("AreasInReportRollups cannot be reverted: restore the previous functions from 1730000000000-ReportRollups by hand");
  }
}
