import { MigrationInterface, QueryRunner } from "typeorm";
import { FIRST_TEMPLATE } from "../template/firstTemplate";

/** Report templates (versioned, append-only) and officers' narrative sections; version 1 of the template. */
export class InitialReporting1770000000000 implements MigrationInterface {
  name = "InitialReporting1770000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_template_version (
        version serial PRIMARY KEY,
        body text NOT NULL CHECK (length(body) <= 100000),
        note varchar(500),
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE report_narrative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        territory varchar(20) NOT NULL,
        section varchar(20) NOT NULL,
        body text NOT NULL CHECK (length(body) <= 20000),
        updated_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_narrative_period_section UNIQUE (period_from, period_to, territory, section)
      )`);
    await q.query(`INSERT INTO report_template_version (body, note, created_by) VALUES ($1, $2, 'system')`, [FIRST_TEMPLATE, "Mẫu ban đầu"]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_narrative`);
    await q.query(`DROP TABLE report_template_version`);
  }
}
