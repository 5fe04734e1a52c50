import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outreach subgraph's first schema: classes, the cooperatives that sent participants to
 * them (by id: cooperatives live in the registry's database), and published figures.
 * The lists in the CHECK constraints are written out on purpose: a migration must not change
 * meaning when the code's enums change later.
 */
export class InitialOutreach1700000000000 implements MigrationInterface {
  name = "InitialOutreach1700000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE training_class (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL CHECK (kind IN ('STATE_MANAGEMENT', 'OUTREACH', 'VOCATIONAL')),
        title varchar(500) NOT NULL CHECK (length(title) > 0),
        organiser varchar(255) NOT NULL CHECK (length(organiser) > 0),
        co_organisers varchar(255)[] NOT NULL DEFAULT '{}',
        district_code varchar(10),
        commune_code varchar(10),
        start_date date NOT NULL,
        end_date date NOT NULL,
        audience varchar(30) NOT NULL CHECK (audience IN ('COMMUNE_OFFICIALS', 'COOPERATIVE_MANAGERS', 'COOPERATIVE_MEMBERS', 'PUBLIC')),
        participant_count int CHECK (participant_count >= 0),
        status varchar(20) NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        cancelled_on date,
        cancellation_reason varchar(500),
        version int NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL)),
        CHECK (status <> 'HELD' OR participant_count IS NOT NULL)
      )`);
    // The report counts classes by the day they start; the list pages by (start_date, id).
    await q.query(`CREATE INDEX training_class_start ON training_class (start_date, id)`);
    await q.query(`CREATE INDEX training_class_counted ON training_class (start_date, kind) WHERE status <> 'CANCELLED'`);
    await q.query(`CREATE INDEX training_class_district ON training_class (district_code, start_date)`);

    await q.query(`
      CREATE TABLE training_class_attendance (
        class_id uuid NOT NULL REFERENCES training_class (id) ON DELETE CASCADE,
        cooperative_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (class_id, cooperative_id)
      )`);
    await q.query(`CREATE INDEX training_class_attendance_cooperative ON training_class_attendance (cooperative_id, class_id)`);

    await q.query(`
      CREATE TABLE published_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_title varchar(500) NOT NULL CHECK (length(report_title) > 0),
        report_reference varchar(255),
        publisher varchar(255) NOT NULL CHECK (length(publisher) > 0),
        published_on date,
        period_from date NOT NULL,
        period_to date NOT NULL,
        figure varchar(60) NOT NULL CHECK (figure IN (
          'COOPERATIVE_COUNT', 'COOPERATIVE_GROUP_COUNT', 'MEMBER_COUNT', 'UNION_COUNT', 'UNION_MEMBER_COOPERATIVE_COUNT',
          'NEW_COOPERATIVE_COUNT', 'NEW_ALLIANCE_MEMBER_COUNT', 'STATE_MANAGEMENT_CLASS_COUNT', 'OUTREACH_CLASS_COUNT',
          'TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT', 'FUNDED_PROJECT_COUNT')),
        province varchar(100),
        value int NOT NULL CHECK (value >= 0),
        note varchar(1000),
        version int NOT NULL,
        recorded_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_to >= period_from),
        CHECK (province IS NULL OR figure = 'TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT')
      )`);
    // One value per figure, period and province in one report of one publisher; different
    // reports may publish different values for the same figure (that is what the comparison is for).
    await q.query(`
      CREATE UNIQUE INDEX published_figure_unique
        ON published_figure (period_from, period_to, figure, publisher, report_title, coalesce(province, ''))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE published_figure`);
    await q.query(`DROP TABLE training_class_attendance`);
    await q.query(`DROP TABLE training_class`);
  }
}
