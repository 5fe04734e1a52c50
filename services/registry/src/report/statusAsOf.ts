/**
 * SQL fragments computing figures "as of" a date from the history rather than from the
 * current columns, so a report for any past period gives what was true then.
 * `$n` placeholders are filled by the caller. (Cooperatives active, members in force and groups
 * operating on a date are read from rollups: see rollups.ts; test/liveFigures.ts keeps their
 * definitions over the history, which the tests compare with the rollups.)
 */

/** Ids of unions that exist and are active on $date. */
export const activeUnionsAt = (date: string) => `
  SELECT u.id FROM cooperative_union u
   WHERE u.founded_on <= ${date}::date AND (u.status = 'ACTIVE' OR u.status_since > ${date}::date)`;
