import { Client } from "pg";

/**
 * The definitions of the report's rolled-up figures, computed straight from the history (as the
 * report did before the rollups). Slow at national scale; the tests use them as the
 * reference the rollups must equal on any date.
 */

/** Ids of cooperatives whose latest status event on or before $1 is ACTIVE. */
const activeCooperativesAt = `
  SELECT s.cooperative_id AS id FROM (
    SELECT DISTINCT ON (e.cooperative_id) e.cooperative_id, e.status_after
      FROM cooperative_event e
     WHERE e.status_after IS NOT NULL AND e.effective_on <= $1::date
     ORDER BY e.cooperative_id, e.effective_on DESC, e.recorded_at DESC
  ) s WHERE s.status_after = 'ACTIVE'`;

/** Ids of cooperative groups operating on $1. */
const operatingGroupsAt = `
  SELECT g.id FROM cooperative_group g
   WHERE g.founded_on <= $1::date AND (g.dissolved_on IS NULL OR g.dissolved_on > $1::date)`;

/** Latest classification approved on or before $1, per cooperative. */
const latestRatingAt = `
  SELECT DISTINCT ON (cl.cooperative_id) cl.cooperative_id, cl.rating
    FROM classification cl
   WHERE cl.classified_on <= $1::date
   ORDER BY cl.cooperative_id, cl.year DESC`;

export interface LiveFigures {
  /** Active cooperatives by "sector|district|rating|newModel", sorted by key. */
  activeCells: [string, number][];
  groupCount: number;
  memberCount: number;
}

export async function liveFigures(db: Client, date: string): Promise<LiveFigures> {
  const { rows: cells } = await db.query<{ sector_code: string; district_code: string | null; rating: string | null; is_new_model: boolean; n: string }>(
    `SELECT c.sector_code, c.district_code, r.rating, c.is_new_model, count(*) AS n
       FROM cooperative c
       JOIN (${activeCooperativesAt}) a ON a.id = c.id
       LEFT JOIN (${latestRatingAt}) r ON r.cooperative_id = c.id
      GROUP BY 1, 2, 3, 4`,
    [date],
  );
  const {
    rows: [{ n: groups }],
  } = await db.query(`SELECT count(*) AS n FROM (${operatingGroupsAt}) g`, [date]);
  const {
    rows: [{ n: members }],
  } = await db.query(
    `SELECT count(*) AS n FROM member m
      WHERE m.joined_on <= $1::date AND (m.left_on IS NULL OR m.left_on > $1::date)
        AND (m.cooperative_id IN (${activeCooperativesAt}) OR m.group_id IN (${operatingGroupsAt}))`,
    [date],
  );
  return {
    activeCells: cells
      .map((c): [string, number] => [[c.sector_code, c.district_code, c.rating, String(c.is_new_model)].join("|"), Number(c.n)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    groupCount: Number(groups),
    memberCount: Number(members),
  };
}
