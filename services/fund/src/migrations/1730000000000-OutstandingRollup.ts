import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The fund's outstanding principal on a date as a dated rollup, for the report's
 * fundOutstandingPrincipal: each loan contributes its disbursements (+) and repaid principal (-)
 * from signing until it is closed or written off, when its remaining balance leaves the figure.
 * The same rule as loanPositionsSql's `outstanding`; a test compares both on many dates.
 */
export class OutstandingRollup1730000000000 implements MigrationInterface {
  name = "OutstandingRollup1730000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rollup_outstanding_principal(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH l AS (
          -- least() ignores nulls: the first of closing and write-off, if any.
          SELECT id, signed_on, least(closed_on, written_off_on) AS ended_on FROM loan WHERE id = ANY (owners)
        ), moves AS (
          SELECT x.loan_id AS id, greatest(x.disbursed_on, l.signed_on) AS day, x.amount AS d
            FROM disbursement x JOIN l ON l.id = x.loan_id
          UNION ALL
          SELECT r.loan_id, greatest(r.paid_on, l.signed_on), -r.principal_part
            FROM repayment r JOIN l ON l.id = r.loan_id
        ), before_end AS (
          SELECT m.id, m.day, sum(m.d) AS d
            FROM moves m JOIN l ON l.id = m.id
           WHERE l.ended_on IS NULL OR m.day < l.ended_on
           GROUP BY m.id, m.day
        )
        SELECT id, '{}'::text[], day, d::bigint FROM before_end WHERE d <> 0
        UNION ALL
        SELECT l.id, '{}'::text[], l.ended_on, -coalesce(sum(b.d), 0)::bigint
          FROM l LEFT JOIN before_end b ON b.id = l.id
         WHERE l.ended_on IS NOT NULL
         GROUP BY l.id, l.ended_on
      $$`);
    for (const sql of [
      ...rollupTriggerSql("loan", { outstanding_principal: "id" }),
      ...rollupTriggerSql("disbursement", { outstanding_principal: "loan_id" }),
      ...rollupTriggerSql("repayment", { outstanding_principal: "loan_id" }),
    ]) {
      await q.query(sql);
    }
    await q.query(`SELECT rollup_rebuild('outstanding_principal', ARRAY(SELECT id FROM loan))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["loan", "disbursement", "repayment"]) {
      for (const sql of dropRollupTriggerSql(table)) await q.query(sql);
    }
    await q.query(`DELETE FROM rollup_contribution WHERE figure = 'outstanding_principal'`);
    await q.query(`DELETE FROM rollup_delta WHERE figure = 'outstanding_principal'`);
    await q.query(`DELETE FROM rollup_snapshot WHERE figure = 'outstanding_principal'`);
    await q.query(`DELETE FROM rollup_horizon WHERE figure = 'outstanding_principal'`);
    await q.query(`DROP FUNCTION IF EXISTS rollup_outstanding_principal(uuid[])`);
  }
}
