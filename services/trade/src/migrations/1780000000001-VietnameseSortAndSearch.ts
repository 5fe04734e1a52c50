import { inVietnameseOrder } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Products and programs by name in Vietnamese order, each with an index on (name in that
 * collation, id), the keyset order of their lists; a product's search document normalised by
 * search_text (legal-form abbreviations spelled out, punctuation separating words).
 */
export class VietnameseSortAndSearch1780000000001 implements MigrationInterface {
  name = "VietnameseSortAndSearch1780000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX product_name`);
    await q.query(`CREATE INDEX product_vietnamese_name ON product (${inVietnameseOrder("name")}, id)`);
    await q.query(`CREATE INDEX trade_promotion_program_vietnamese_name ON trade_promotion_program (${inVietnameseOrder("name")}, id)`);
    await q.query(`ALTER TABLE product DROP COLUMN search_document`);
    await q.query(`ALTER TABLE product ADD COLUMN search_document text NOT NULL GENERATED ALWAYS AS (search_text(name || ' ' || coalesce(brand_name, ''))) STORED`);
    await q.query(`CREATE INDEX product_search ON product USING gin (search_document gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE product DROP COLUMN search_document`);
    await q.query(`ALTER TABLE product ADD COLUMN search_document text GENERATED ALWAYS AS (search_key(name || ' ' || coalesce(brand_name, ''))) STORED`);
    await q.query(`CREATE INDEX product_search ON product USING gin (search_document gin_trgm_ops)`);
    await q.query(`DROP INDEX trade_promotion_program_vietnamese_name`);
    await q.query(`DROP INDEX product_vietnamese_name`);
    await q.query(`CREATE INDEX product_name ON product (name, id)`);
  }
}
