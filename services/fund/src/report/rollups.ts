/** The fund's dated rollups (migrations OutstandingRollup, PortfolioRollup, DisbursementRollup) and the SQL selecting their owners, for rebuilds. */
export const FUND_ROLLUPS: Record<string, string> = {
  outstanding_principal: "SELECT id FROM loan",
  portfolio: "SELECT id FROM loan",
  disbursements: "SELECT id FROM loan",
};
