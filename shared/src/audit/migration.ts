import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit log's table, the same in every subgraph's database. Each subgraph lists it among its
 * own migrations with a one-line file in src/migrations that re-exports this class
 * (`export { AuditLog1725000000000 } from "@camau/shared";`), so its migration history stays its own.
 */
export class AuditLog1725000000000 implements MigrationInterface {
  name = "AuditLog1725000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        service varchar(40) NOT NULL,
        actor_subject varchar(255) NOT NULL,
        actor_role varchar(30) NOT NULL,
        operation varchar(100) NOT NULL,
        entity_type varchar(60) NOT NULL,
        entity_id varchar(100) NOT NULL,
        before_state jsonb,
        after_state jsonb
      )`);
    await q.query(`CREATE INDEX audit_entry_time ON audit_entry (occurred_at DESC, id)`);
    await q.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_entry_subject ON audit_entry (actor_subject, occurred_at DESC)`);
    // Append-only: an entry, once committed, is never changed or removed through SQL either.
    await q.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_entry`);
    await q.query(`DROP FUNCTION IF EXISTS audit_entry_append_only()`);
  }
}
