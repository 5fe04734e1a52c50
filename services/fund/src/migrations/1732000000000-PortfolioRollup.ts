import { dropRollupTriggerSql, rollupTriggerSql } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The fund portfolio as of a date (fundPortfolio) as a dated rollup, so reading it costs about one
 * row per cell whatever the number of loans: figure `portfolio`, cells
 * (measure, sector code, sector name, district code, district name, debt group).
 *
 * A loan's position only changes on its recorded dates (signing, tranches, repayments, schedules
 * in force, instalments falling due, closing, write-off) and, between two of them, on the dates its
 * days past due cross a threshold: the oldest unpaid instalment's date + 1 (overdue), + 31 (PAR30)
 * and + each debt group's minimum days past due. The contribution evaluates the position on those
 * dates by the rules of loanPositionsSql and emits each measure's changes (+ in the new cell, − in
 * the old one); a test compares both on many dates. The thresholds are data: changing them
 * rebuilds the figure.
 *
 * Measures: loans (signed, the group's existence), n (outstanding > 0), overdue, outstanding,
 * outstanding_negative (overpaid loans' balance, almost always 0 so almost never a row), par30,
 * par30_loans, disbursed, disbursed_loans; and, with no debt group, repaid (principal repaid) and
 * written_off (principal written off).
 */
export class PortfolioRollup1732000000000 implements MigrationInterface {
  name = "PortfolioRollup1732000000000";

  async up(q: QueryRunner): Promise<void> {
    // The first instalment of a schedule whose total due to date exceeds what has been paid.
    await q.query(`CREATE INDEX schedule_installment_principal_to_date ON schedule_installment (schedule_id, principal_to_date, number) INCLUDE (due_date)`);
    await q.query(`CREATE INDEX schedule_installment_interest_to_date ON schedule_installment (schedule_id, interest_to_date, number) INCLUDE (due_date)`);
    await q.query(`
      CREATE FUNCTION rollup_portfolio(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        WITH l AS (
          SELECT id, signed_on, coalesce(least(closed_on, written_off_on), 'infinity'::date) AS ended_on,
                 written_off_on, coalesce(written_off_principal, 0) AS written_off_principal,
                 borrower_sector_code AS sc, borrower_sector_name AS sn, borrower_district_code AS dc, borrower_district_name AS dn
            FROM loan WHERE id = ANY (owners)
        ), recorded AS (
          -- What changes on each date something is recorded about the loan (nothing counts before signing).
          SELECT l.id, greatest(e.day, l.signed_on) AS day, sum(e.disbursed) AS disbursed, sum(e.principal) AS principal,
                 sum(e.interest) AS interest, max(e.version) AS version
            FROM l CROSS JOIN LATERAL (
              SELECT l.signed_on, 0::bigint, 0::bigint, 0::bigint, NULL::int
              UNION ALL SELECT l.ended_on, 0, 0, 0, NULL WHERE l.ended_on <> 'infinity'
              UNION ALL SELECT disbursed_on, amount, 0, 0, NULL FROM disbursement WHERE loan_id = l.id
              UNION ALL SELECT paid_on, 0, principal_part, interest_part, NULL FROM repayment WHERE loan_id = l.id
              UNION ALL SELECT effective_from, 0, 0, 0, version FROM loan_schedule WHERE loan_id = l.id
              UNION ALL SELECT due_date, 0, 0, 0, NULL FROM schedule_installment WHERE loan_id = l.id
            ) e (day, disbursed, principal, interest, version)
           GROUP BY l.id, 2
        ), running AS (
          -- The totals to date and the schedule in force (the latest version in effect) from each such date until the next one.
          SELECT id, day, lead(day) OVER w AS next_day, (sum(disbursed) OVER w)::bigint AS disbursed, (sum(principal) OVER w)::bigint AS principal,
                 (sum(interest) OVER w)::bigint AS interest, max(version) OVER w AS version
            FROM recorded WINDOW w AS (PARTITION BY id ORDER BY day)
        ), base AS (
          -- Running totals due only grow along a schedule, so its first instalment not covered by the
          -- payments is found by an index on either total (the oldest unpaid, if already due).
          SELECT r.id, r.day, r.next_day, r.day >= l.ended_on AS ended, r.disbursed, r.disbursed - r.principal AS balance,
                 CASE WHEN least(up.due_date, ui.due_date) <= r.day THEN least(up.due_date, ui.due_date) END AS oldest_unpaid
            FROM running r JOIN l ON l.id = r.id
            LEFT JOIN loan_schedule s ON s.loan_id = r.id AND s.version = r.version
            LEFT JOIN LATERAL (
              SELECT i.due_date FROM schedule_installment i WHERE i.schedule_id = s.id AND i.principal_to_date > r.principal
               ORDER BY i.principal_to_date, i.number LIMIT 1
            ) up ON TRUE
            LEFT JOIN LATERAL (
              SELECT i.due_date FROM schedule_installment i WHERE i.schedule_id = s.id AND i.interest_to_date > r.interest
               ORDER BY i.interest_to_date, i.number LIMIT 1
            ) ui ON TRUE
        ), crossing AS (
          SELECT 1 AS after_days UNION SELECT 31 UNION SELECT min_days_past_due FROM debt_group_threshold
        ), points AS (
          -- Each recorded position, and again on each date its days past due cross a threshold before the next.
          SELECT b.id, b.day AS at, b.ended, b.disbursed, b.balance, b.oldest_unpaid FROM base b
          UNION ALL
          SELECT b.id, b.oldest_unpaid + c.after_days, b.ended, b.disbursed, b.balance, b.oldest_unpaid
            FROM base b JOIN crossing c
              ON NOT b.ended AND b.oldest_unpaid + c.after_days > b.day AND (b.next_day IS NULL OR b.oldest_unpaid + c.after_days < b.next_day)
        ), positions AS (
          SELECT y.*, lag(y.vals) OVER w AS prev_vals, lag(y.debt_group) OVER w AS prev_group,
                 lag(y.at) OVER w IS NOT NULL AND lag(y.debt_group) OVER w IS NOT DISTINCT FROM y.debt_group AS same_cell
            FROM (
              SELECT x.id, x.at, g.debt_group,
                     -- In the order of the measure names below.
                     ARRAY[1, (x.outstanding > 0)::int, (x.overdue AND x.outstanding > 0)::int, x.outstanding, least(x.outstanding, 0),
                           CASE WHEN x.dpd > 30 THEN x.outstanding ELSE 0 END, (x.dpd > 30 AND x.outstanding > 0)::int,
                           x.disbursed, (x.disbursed > 0)::int]::bigint[] AS vals
                FROM (
                  SELECT p.id, p.at, p.disbursed, CASE WHEN p.ended THEN 0 ELSE p.balance END AS outstanding,
                         CASE WHEN p.ended OR p.oldest_unpaid IS NULL THEN 0 ELSE p.at - p.oldest_unpaid END AS dpd,
                         p.ended, coalesce(NOT p.ended AND p.oldest_unpaid < p.at, false) AS overdue
                    FROM points p
                ) x
               CROSS JOIN LATERAL (
                 SELECT CASE WHEN x.ended THEN NULL ELSE (SELECT max(t.debt_group) FROM debt_group_threshold t WHERE t.min_days_past_due <= x.dpd) END AS debt_group
               ) g
            ) y
          WINDOW w AS (PARTITION BY y.id ORDER BY y.at)
        ), measured AS (
          -- Each position's change of each measure: in its cell when the debt group is the previous
          -- position's, else + the new value in the new cell and − the previous value in the old one.
          SELECT p.id, ARRAY[m.measure, l.sc, l.sn, l.dc, l.dn, e.debt_group::text] AS cell, p.at AS day, e.delta
            FROM positions p JOIN l ON l.id = p.id
           CROSS JOIN LATERAL unnest(
             ARRAY['loans', 'n', 'overdue', 'outstanding', 'outstanding_negative', 'par30', 'par30_loans', 'disbursed', 'disbursed_loans'],
             p.vals, p.prev_vals
           ) m (measure, value, prev)
           CROSS JOIN LATERAL (VALUES
             (p.debt_group, m.value - CASE WHEN p.same_cell THEN coalesce(m.prev, 0) ELSE 0 END),
             (p.prev_group, CASE WHEN p.same_cell THEN 0 ELSE -coalesce(m.prev, 0) END)
           ) e (debt_group, delta)
           WHERE e.delta <> 0
          UNION ALL
          SELECT r.loan_id, ARRAY['repaid', l.sc, l.sn, l.dc, l.dn, NULL], r.paid_on, sum(r.principal_part)
            FROM repayment r JOIN l ON l.id = r.loan_id
           GROUP BY r.loan_id, l.sc, l.sn, l.dc, l.dn, r.paid_on
          UNION ALL
          SELECT l.id, ARRAY['written_off', l.sc, l.sn, l.dc, l.dn, NULL], l.written_off_on, l.written_off_principal
            FROM l WHERE l.written_off_on IS NOT NULL
        )
        -- One row per loan, cell and day already (positions have distinct dates).
        SELECT id, cell, day, delta::bigint FROM measured WHERE delta <> 0
      $$`);

    // Loans and everything their position is made of; the rollup triggers already on loan,
    // disbursement and repayment are replaced by ones that refresh both figures.
    for (const table of ["loan", "disbursement", "repayment"]) {
      for (const sql of dropRollupTriggerSql(table)) await q.query(sql);
    }
    for (const sql of [
      ...rollupTriggerSql("loan", { outstanding_principal: "id", portfolio: "id" }),
      ...rollupTriggerSql("disbursement", { outstanding_principal: "loan_id", portfolio: "loan_id" }),
      ...rollupTriggerSql("repayment", { outstanding_principal: "loan_id", portfolio: "loan_id" }),
      ...rollupTriggerSql("loan_schedule", { portfolio: "loan_id" }),
      ...rollupTriggerSql("schedule_installment", { portfolio: "loan_id" }),
    ]) {
      await q.query(sql);
    }

    // New thresholds move loans between debt groups on other dates: every loan's contribution
    // changes. Rebuilt once per transaction, at commit (a deferred trigger), however many
    // thresholds it changed and in how many statements.
    await q.query(`
      CREATE FUNCTION portfolio_thresholds_changed() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF current_setting('rollup.deferred', true) IS DISTINCT FROM 'on'
           AND current_setting('rollup.portfolio_rebuilt', true) IS DISTINCT FROM 'on' THEN
          PERFORM set_config('rollup.portfolio_rebuilt', 'on', true);
          PERFORM rollup_rebuild('portfolio', ARRAY(SELECT id FROM loan));
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER debt_group_threshold_portfolio AFTER INSERT OR UPDATE OR DELETE ON debt_group_threshold
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portfolio_thresholds_changed()`);

    await q.query(`SELECT rollup_rebuild('portfolio', ARRAY(SELECT id FROM loan))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS debt_group_threshold_portfolio ON debt_group_threshold`);
    await q.query(`DROP FUNCTION IF EXISTS portfolio_thresholds_changed()`);
    for (const table of ["loan", "disbursement", "repayment", "loan_schedule", "schedule_installment"]) {
      for (const sql of dropRollupTriggerSql(table)) await q.query(sql);
    }
    for (const sql of [
      ...rollupTriggerSql("loan", { outstanding_principal: "id" }),
      ...rollupTriggerSql("disbursement", { outstanding_principal: "loan_id" }),
      ...rollupTriggerSql("repayment", { outstanding_principal: "loan_id" }),
    ]) {
      await q.query(sql);
    }
    for (const table of ["rollup_contribution", "rollup_delta", "rollup_snapshot", "rollup_horizon"]) {
      await q.query(`DELETE FROM ${table} WHERE figure = 'portfolio'`);
    }
    await q.query(`DROP FUNCTION IF EXISTS rollup_portfolio(uuid[])`);
    await q.query(`DROP INDEX IF EXISTS schedule_installment_interest_to_date`);
    await q.query(`DROP INDEX IF EXISTS schedule_installment_principal_to_date`);
  }
}
