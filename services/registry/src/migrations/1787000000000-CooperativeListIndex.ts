import { inVietnameseOrder } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The portal's list filters by district, sector and status and shows its page in Vietnamese name
 * order with the number of matches. With one index per column PostgreSQL either walks the name
 * index and filters (for a rare combination, most of the table) or reads every matching row from
 * the heap and sorts it; both grow with the province's data. This index holds the page in order
 * for one district, sector and status (the page reads its 21 rows), and counts the matches from
 * the index alone.
 */
export class CooperativeListIndex1787000000000 implements MigrationInterface {
  name = "CooperativeListIndex1787000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cooperative_list ON cooperative (district_code, sector_code, status, ${inVietnameseOrder("name")}, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cooperative_list`);
  }
}
