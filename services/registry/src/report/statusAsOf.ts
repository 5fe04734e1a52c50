/**
 * SQL fragments computing figures "as of" a date from the history rather than from the
 * current columns, so a report for any past period gives what was true then.
 * `$n` placeholders are filled by the caller.
 */

/** Ids of cooperatives whose latest status event on or before $date is ACTIVE. */
export const activeCooperativesAt = (date: string) => `
  SELECT s.cooperative_id AS id FROM (
    SELECT DISTINCT ON (e.cooperative_id) e.cooperative_id, e.status_after
      FROM cooperative_event e
     WHERE e.status_after IS NOT NULL AND e.effective_on <= ${date}::date
     ORDER BY e.cooperative_id, e.effective_on DESC, e.recorded_at DESC
  ) s WHERE s.status_after = 'ACTIVE'`;

/** Ids of cooperative groups operating on $date. */
export const operatingGroupsAt = (date: string) => `
  SELECT g.id FROM cooperative_group g
   WHERE g.founded_on <= ${date}::date AND (g.dissolved_on IS NULL OR g.dissolved_on > ${date}::date)`;

/** Ids of unions that exist and are active on $date. */
export const activeUnionsAt = (date: string) => `
  SELECT u.id FROM cooperative_union u
   WHERE u.founded_on <= ${date}::date AND (u.status = 'ACTIVE' OR u.status_since > ${date}::date)`;

/** Latest classification approved on or before $date, per cooperative. */
export const latestRatingAt = (date: string) => `
  SELECT DISTINCT ON (cl.cooperative_id) cl.cooperative_id, cl.rating
    FROM classification cl
   WHERE cl.classified_on <= ${date}::date
   ORDER BY cl.cooperative_id, cl.year DESC`;
