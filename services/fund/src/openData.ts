/**
 * The fund publishes no row-level dataset (its records are individual loans); the report's
 * figures by period follow these tables' changes.
 */
export const FUND_TRACKED_TABLES = [
  "loan_product", "debt_group_threshold", "loan_application", "loan", "disbursement", "repayment", "loan_schedule", "schedule_installment", "loan_restructuring",
] as const;
