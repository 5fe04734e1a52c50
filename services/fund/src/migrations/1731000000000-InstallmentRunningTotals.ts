import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each instalment carries the principal and interest due up to and including it in its schedule:
 * a position as of a date then reads them instead of summing every schedule with a
 * window function on each request (the fund portfolio's largest cost at national scale).
 * Schedules are written whole and never changed, so the totals are filled once, by a statement
 * trigger, whoever inserts the instalments (the loan mutations; the demo-data loader defers the
 * trigger and fills all schedules at the end).
 */
export class InstallmentRunningTotals1731000000000 implements MigrationInterface {
  name = "InstallmentRunningTotals1731000000000";

  async up(q: QueryRunner): Promise<void> {
    // Nullable: the row exists before the AFTER trigger fills it, within the same statement.
    await q.query(`ALTER TABLE schedule_installment ADD COLUMN principal_to_date bigint, ADD COLUMN interest_to_date bigint`);
    // Fills the totals of some schedules' instalments (all when NULL).
    await q.query(`
      CREATE FUNCTION schedule_installment_fill_totals(p_schedules uuid[]) RETURNS void
      LANGUAGE plpgsql AS $fn$
      BEGIN
        -- Dynamic, so each call is planned for its own argument (the index for a few schedules).
        EXECUTE format($sql$
          UPDATE schedule_installment i
             SET principal_to_date = x.principal_to_date, interest_to_date = x.interest_to_date
            FROM (
              SELECT id,
                     sum(principal) OVER w AS principal_to_date,
                     sum(interest) OVER w AS interest_to_date
                FROM schedule_installment
               WHERE %s
              WINDOW w AS (PARTITION BY schedule_id ORDER BY number)
            ) x
           WHERE i.id = x.id
             AND (i.principal_to_date IS DISTINCT FROM x.principal_to_date OR i.interest_to_date IS DISTINCT FROM x.interest_to_date)
        $sql$, CASE WHEN p_schedules IS NULL THEN 'TRUE' ELSE 'schedule_id = ANY ($1)' END) USING p_schedules;
      END $fn$`);
    // A bulk load that deferred derived data (rollup.deferred, see deferRollups) fills them once at the end.
    await q.query(`
      CREATE FUNCTION schedule_installment_running_totals() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF pg_trigger_depth() > 1 OR current_setting('rollup.deferred', true) = 'on' THEN
          RETURN NULL; -- the fill's own UPDATE fires this trigger again
        END IF;
        PERFORM schedule_installment_fill_totals(ARRAY(SELECT DISTINCT schedule_id FROM new_rows));
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER schedule_installment_totals_insert AFTER INSERT ON schedule_installment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION schedule_installment_running_totals()`);
    await q.query(`CREATE TRIGGER schedule_installment_totals_update AFTER UPDATE ON schedule_installment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION schedule_installment_running_totals()`);
    await q.query(`SELECT schedule_installment_fill_totals(NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS schedule_installment_totals_update ON schedule_installment`);
    await q.query(`DROP TRIGGER IF EXISTS schedule_installment_totals_insert ON schedule_installment`);
    await q.query(`DROP FUNCTION IF EXISTS schedule_installment_running_totals()`);
    await q.query(`DROP FUNCTION IF EXISTS schedule_installment_fill_totals(uuid[])`);
    await q.query(`ALTER TABLE schedule_installment DROP COLUMN principal_to_date, DROP COLUMN interest_to_date`);
  }
}
