/** Trade's dated rollups (migration OcopRollup) and the SQL selecting their owners, for rebuilds. */
export const TRADE_ROLLUPS: Record<string, string> = {
  ocop_products: "SELECT id FROM product",
};
