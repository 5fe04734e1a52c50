import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The report's flows of a period as a dated rollup, so their cost does not grow with the loans: the
 * amount disbursed (cell measure 'amount', +amount on each tranche's date) and the funded projects
 * (measure 'loans', +1 on a loan's first disbursement). A period's flow is the cumulative value at
 * its end minus the one the day before it starts. The other cell parts are the outstanding
 * principal's: [borrower's district, signed before the reform, borrower's commune when no district].
 * The figure joins the lists of the rollup triggers on `loan` and `disbursement`.
 */
export class DisbursementRollup1790000000000 implements MigrationInterface {
  name = "DisbursementRollup1790000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rollup_disbursements(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH l AS (
          SELECT id, first_disbursed_on,
                 ARRAY[borrower_district_code::text, (signed_on < DATE '2025-07-01')::text,
                       CASE WHEN borrower_district_code IS NULL THEN borrower_commune_code::text END] AS place
            FROM loan WHERE id = ANY (owners)
        )
        SELECT l.id, ARRAY['amount'] || l.place, x.disbursed_on, sum(x.amount)::bigint
          FROM disbursement x JOIN l ON l.id = x.loan_id
         GROUP BY l.id, l.place, x.disbursed_on
        UNION ALL
        SELECT l.id, ARRAY['loans'] || l.place, l.first_disbursed_on, 1
          FROM l WHERE l.first_disbursed_on IS NOT NULL
      $$`);
    // Each source table has one set of rollup triggers naming every figure it feeds.
    for (const sql of [
      ...dropRollupTriggerSql("loan"),
      ...dropRollupTriggerSql("disbursement"),
      ...rollupTriggerSql("loan", { outstanding_principal: "id", portfolio: "id", disbursements: "id" }),
      ...rollupTriggerSql("disbursement", { outstanding_principal: "loan_id", portfolio: "loan_id", disbursements: "loan_id" }),
    ]) {
      await q.query(sql);
    }
    await q.query(`SELECT rollup_rebuild('disbursements', ARRAY(SELECT id FROM loan))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropRollupTriggerSql("loan"),
      ...dropRollupTriggerSql("disbursement"),
      ...rollupTriggerSql("loan", { outstanding_principal: "id", portfolio: "id" }),
      ...rollupTriggerSql("disbursement", { outstanding_principal: "loan_id", portfolio: "loan_id" }),
    ]) {
      await q.query(sql);
    }
    for (const table of ["rollup_contribution", "rollup_delta", "rollup_snapshot", "rollup_horizon"]) {
      await q.query(`DELETE FROM ${table} WHERE figure = 'disbursements'`);
    }
    await q.query(`DROP FUNCTION IF EXISTS rollup_disbursements(uuid[])`);
  }
}
