import { inVietnameseOrder } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Training classes by title in Vietnamese order (index on (title in that collation, id), the
 * keyset order of the list), and searchable by title: a search document normalised by
 * search_text with a trigram index.
 */
export class VietnameseSortAndSearch1780000000001 implements MigrationInterface {
  name = "VietnameseSortAndSearch1780000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX training_class_vietnamese_title ON training_class (${inVietnameseOrder("title")}, id)`);
    await q.query(`ALTER TABLE training_class ADD COLUMN search_document text NOT NULL GENERATED ALWAYS AS (search_text(title)) STORED`);
    await q.query(`CREATE INDEX training_class_search ON training_class USING gin (search_document gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_class DROP COLUMN search_document`);
    await q.query(`DROP INDEX training_class_vietnamese_title`);
  }
}
