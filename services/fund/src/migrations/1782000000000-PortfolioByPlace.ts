import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The portfolio placed like the outstanding principal (1781000000001-OutstandingByCommune), so
 * fundPortfolio can cover one territory: each cell of the `portfolio` figure gains two parts,
 * (…, debt group, signed before the reform when the borrower has neither district nor commune,
 * borrower's commune when there is no district). A loan then counts in the old province of its
 * district, or of its new commune's predecessors, and an unplaced one in the province of its
 * signing date. The positions themselves keep the rules of 1732000000000-PortfolioRollup: its
 * function is kept under another name and the new one only extends its cells; the figure is rebuilt.
 */
export class PortfolioByPlace1782000000000 implements MigrationInterface {
  name = "PortfolioByPlace1782000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION rollup_portfolio(uuid[]) RENAME TO rollup_portfolio_by_district`);
    await q.query(`
      CREATE FUNCTION rollup_portfolio(owners uuid[])
      RETURNS TABLE (owner_id uuid, cell text[], day date, delta bigint)
      LANGUAGE sql STABLE AS $$
        SELECT c.owner_id,
               c.cell || ARRAY[
                 CASE WHEN l.borrower_district_code IS NULL AND l.borrower_commune_code IS NULL THEN (l.signed_on < DATE '2025-07-01')::text END,
                 CASE WHEN l.borrower_district_code IS NULL THEN l.borrower_commune_code::text END],
               c.day, c.delta
          FROM rollup_portfolio_by_district(owners) c JOIN loan l ON l.id = c.owner_id
      $$`);
    await q.query(`SELECT rollup_rebuild('portfolio', ARRAY(SELECT id FROM loan))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rollup_portfolio(uuid[])`);
    await q.query(`ALTER FUNCTION rollup_portfolio_by_district(uuid[]) RENAME TO rollup_portfolio`);
    await q.query(`SELECT rollup_rebuild('portfolio', ARRAY(SELECT id FROM loan))`);
  }
}
