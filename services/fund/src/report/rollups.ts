/** The fund's dated rollups (migration 1730000000000-OutstandingRollup) and the SQL selecting their owners, for rebuilds. */
export const FUND_ROLLUPS: Record<string, string> = {
  outstanding_principal: "SELECT id FROM loan",
};
