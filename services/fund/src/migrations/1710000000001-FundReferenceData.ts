import { MigrationInterface, QueryRunner } from "typeorm";
import { STATE_BANK_DEBT_GROUPS } from "../domain/debtGroups";
import { DEFAULT_LOAN_PRODUCTS } from "../reference/products";

/**
 * Configuration the fund needs in every environment: its standard loan products and the State
 * Bank's debt-group thresholds. Both are data that FUND_APPROVER / ADMIN change through the API
 * afterwards; this migration only writes the starting point.
 */
export class FundReferenceData1710000000001 implements MigrationInterface {
  name = "FundReferenceData1710000000001";

  async up(q: QueryRunner): Promise<void> {
    for (const p of DEFAULT_LOAN_PRODUCTS) {
      await q.query(
        `INSERT INTO loan_product (code, name, kind, max_amount, max_term_months, annual_interest_rate, grace_months, collateral_required, repayment_method, overdue_interest_percent, active, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, 1)`,
        [p.code, p.name, p.kind, p.maxAmount, p.maxTermMonths, p.annualInterestRate, p.graceMonths, p.collateralRequired, p.repaymentMethod, p.overdueInterestPercent],
      );
    }
    for (const g of STATE_BANK_DEBT_GROUPS) {
      await q.query(`INSERT INTO debt_group_threshold (debt_group, min_days_past_due, name, version) VALUES ($1, $2, $3, 1)`, [g.debtGroup, g.minDaysPastDue, g.name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM debt_group_threshold`);
    await q.query(`DELETE FROM loan_product WHERE code = ANY($1)`, [DEFAULT_LOAN_PRODUCTS.map((p) => p.code)]);
  }
}
