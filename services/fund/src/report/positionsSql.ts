/**
 * Every loan's position as of a date, in SQL: the same rules as domain/ledger.ts (schedule in
 * force on the date, payments covering instalments cumulatively, days past due from the oldest
 * unpaid instalment), so portfolio figures are aggregates computed by PostgreSQL and never
 * load loans into Node. A test checks that both give the same figures on the demo data.
 *
 * `date` is an SQL expression of type date for the as-of date (e.g. `$1::date` or
 * `CAST(:asOf AS date)`); `scope` is an extra condition on
 * the loan row `l` (e.g. `l.cooperative_id = ANY($2::uuid[])`), never user input.
 *
 * Columns: loan_id, cooperative_id, sector_code, sector_name, district_code, district_name,
 * disbursed, outstanding, dpd, overdue_principal, overdue_interest, status, debt_group.
 */
export function loanPositionsSql(date: string, scope = "TRUE"): string {
  const d = `(${date})`;
  return `
  WITH lo AS (
    SELECT l.id, l.cooperative_id, l.borrower_sector_code, l.borrower_sector_name, l.borrower_district_code, l.borrower_district_name,
           (l.written_off_on IS NOT NULL AND l.written_off_on <= ${d}) AS written_off,
           (l.closed_on IS NOT NULL AND l.closed_on <= ${d}) AS closed
      FROM loan l
     WHERE l.signed_on <= ${d} AND (${scope})
  ),
  disb AS (
    SELECT x.loan_id, sum(x.amount) AS amount FROM disbursement x JOIN lo ON lo.id = x.loan_id
     WHERE x.disbursed_on <= ${d} GROUP BY x.loan_id
  ),
  paid AS (
    SELECT r.loan_id, sum(r.principal_part) AS principal, sum(r.interest_part) AS interest FROM repayment r JOIN lo ON lo.id = r.loan_id
     WHERE r.paid_on <= ${d} GROUP BY r.loan_id
  ),
  sv AS (
    SELECT DISTINCT ON (s.loan_id) s.loan_id, s.id FROM loan_schedule s JOIN lo ON lo.id = s.loan_id
     WHERE s.effective_from <= ${d} ORDER BY s.loan_id, s.version DESC
  ),
  cum AS (
    -- Totals due up to each instalment, stored with it (migration 1731000000000).
    SELECT sv.loan_id, i.due_date, i.principal_to_date AS cp, i.interest_to_date AS ci
      FROM sv JOIN schedule_installment i ON i.schedule_id = sv.id
     WHERE i.due_date <= ${d}
  ),
  dues AS (
    SELECT cum.loan_id,
           min(cum.due_date) FILTER (WHERE cum.cp > coalesce(paid.principal, 0) OR cum.ci > coalesce(paid.interest, 0)) AS oldest_unpaid,
           coalesce(max(cum.cp) FILTER (WHERE cum.due_date < ${d}), 0) AS past_principal,
           coalesce(max(cum.ci) FILTER (WHERE cum.due_date < ${d}), 0) AS past_interest
      FROM cum LEFT JOIN paid ON paid.loan_id = cum.loan_id
     GROUP BY cum.loan_id
  ),
  pos AS (
    SELECT lo.id AS loan_id, lo.cooperative_id,
           lo.borrower_sector_code AS sector_code, lo.borrower_sector_name AS sector_name,
           lo.borrower_district_code AS district_code, lo.borrower_district_name AS district_name,
           lo.written_off, lo.closed,
           coalesce(disb.amount, 0) AS disbursed,
           coalesce(disb.amount, 0) - coalesce(paid.principal, 0) AS balance,
           coalesce(paid.principal, 0) AS paid_principal,
           coalesce(paid.interest, 0) AS paid_interest,
           dues.oldest_unpaid, coalesce(dues.past_principal, 0) AS past_principal, coalesce(dues.past_interest, 0) AS past_interest,
           EXISTS (SELECT 1 FROM loan_restructuring rs WHERE rs.loan_id = lo.id AND rs.effective_on <= ${d}) AS restructured
      FROM lo
      LEFT JOIN disb ON disb.loan_id = lo.id
      LEFT JOIN paid ON paid.loan_id = lo.id
      LEFT JOIN dues ON dues.loan_id = lo.id
  ),
  figures AS (
    SELECT pos.loan_id, pos.cooperative_id, pos.sector_code, pos.sector_name, pos.district_code, pos.district_name, pos.disbursed,
           CASE WHEN pos.written_off OR pos.closed THEN 0 ELSE pos.balance END AS outstanding,
           CASE WHEN pos.written_off OR pos.closed OR pos.oldest_unpaid IS NULL THEN 0 ELSE ${d} - pos.oldest_unpaid END AS dpd,
           CASE WHEN pos.written_off OR pos.closed THEN 0 ELSE least(pos.balance, greatest(0, pos.past_principal - pos.paid_principal)) END AS overdue_principal,
           CASE WHEN pos.written_off OR pos.closed THEN 0 ELSE greatest(0, pos.past_interest - pos.paid_interest) END AS overdue_interest,
           CASE WHEN pos.written_off THEN 'WRITTEN_OFF'
                WHEN pos.closed THEN 'CLOSED'
                WHEN pos.oldest_unpaid IS NOT NULL AND pos.oldest_unpaid < ${d} THEN 'OVERDUE'
                WHEN pos.restructured THEN 'RESTRUCTURED'
                ELSE 'ACTIVE' END AS status
      FROM pos
  )
  SELECT f.*,
         CASE WHEN f.status IN ('CLOSED', 'WRITTEN_OFF') THEN NULL
              ELSE (SELECT max(t.debt_group) FROM debt_group_threshold t WHERE t.min_days_past_due <= f.dpd) END AS debt_group
    FROM figures f`;
}
