import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The index of an owner's contributions leads with the owner: `(owner_id, figure)` instead of
 * `(figure, owner_id)`. Every lookup names both (a write recomputes the contributions of the owners
 * it touched, `figure = $1 AND owner_id = ANY($2)`), and a whole figure's rows are read or deleted
 * by a scan either way (a figure is a large share of the table). Built after a bulk load, the uuid
 * first sorts by its abbreviated keys instead of comparing the figure's text under the database's
 * collation on every pair: 11.5 s instead of 18.1 s for the fund's 11.8 million contributions at 100
 * times the province (docs/performance.md, round six).
 *
 * Re-exported by each subgraph that keeps dated rollups, like Rollup1726000000000.
 */
export class RollupContributionsByOwner1794000000000 implements MigrationInterface {
  name = "RollupContributionsByOwner1794000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rollup_contribution_owner`);
    await q.query(`CREATE INDEX rollup_contribution_owner ON rollup_contribution (owner_id, figure)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rollup_contribution_owner`);
    await q.query(`CREATE INDEX rollup_contribution_owner ON rollup_contribution (figure, owner_id)`);
  }
}
