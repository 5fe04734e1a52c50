import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outstanding principal placed by the borrower's new commune when it has no district (a
 * cooperative registered since the reform): the rollup's cell becomes [borrower's district, signed
 * before the reform (true/false), borrower's commune when there is no district], so such a loan
 * counts in the old province of its commune's predecessors like every other record; a loan with
 * neither still belongs to the province of its signing date. Same rule otherwise as
 * 1770000000000-OutstandingByPlace; the figure is rebuilt.
 */
export class OutstandingByCommune1781000000001 implements MigrationInterface {
  name = "OutstandingByCommune1781000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_outstanding_principal(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH l AS (
          -- least() ignores nulls: the first of closing and write-off, if any.
          SELECT id, signed_on, least(closed_on, written_off_on) AS ended_on,
                 ARRAY[borrower_district_code::text, (signed_on < DATE '2025-07-01')::text,
                       CASE WHEN borrower_district_code IS NULL THEN borrower_commune_code::text END] AS cell
            FROM loan WHERE id = ANY (owners)
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
        SELECT b.id, l.cell, b.day, b.d::bigint FROM before_end b JOIN l ON l.id = b.id WHERE b.d <> 0
        UNION ALL
        SELECT l.id, l.cell, l.ended_on, -coalesce(sum(b.d), 0)::bigint
          FROM l LEFT JOIN before_end b ON b.id = l.id
         WHERE l.ended_on IS NOT NULL
         GROUP BY l.id, l.cell, l.ended_on
      $$`);
    await q.query(`SELECT rollup_rebuild('outstanding_principal', ARRAY(SELECT id FROM loan))`);
  }

  async down(): Promise<void> {
    throw new Error("OutstandingByCommune cannot be reverted: restore the function of 1770000000000-OutstandingByPlace by hand");
  }
}
