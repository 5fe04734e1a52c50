import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The fund's first schema: products and debt-group thresholds (configuration data), applications,
 * loans with their schedule versions, disbursements, repayments and restructurings. Cooperatives
 * are referred to by id only: they live in the registry's database.
 */
export class InitialFund1710000000000 implements MigrationInterface {
  name = "InitialFund1710000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE loan_product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(255) NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('INVESTMENT_PROJECT','PRODUCTION_PLAN')),
        max_amount bigint NOT NULL CHECK (max_amount > 0),
        max_term_months int NOT NULL CHECK (max_term_months BETWEEN 1 AND 600),
        annual_interest_rate numeric(7,4) NOT NULL CHECK (annual_interest_rate BETWEEN 0 AND 100),
        grace_months int NOT NULL CHECK (grace_months >= 0 AND grace_months < max_term_months),
        collateral_required boolean NOT NULL,
        repayment_method varchar(20) NOT NULL CHECK (repayment_method IN ('EQUAL_PRINCIPAL','ANNUITY','BULLET')),
        overdue_interest_percent int NOT NULL DEFAULT 150 CHECK (overdue_interest_percent BETWEEN 0 AND 300),
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE debt_group_threshold (
        debt_group int PRIMARY KEY CHECK (debt_group BETWEEN 1 AND 5),
        min_days_past_due int NOT NULL CHECK (min_days_past_due >= 0),
        name varchar(100) NOT NULL,
        version int NOT NULL
      )`);

    const borrower = `
        borrower_sector_code varchar(40) NOT NULL,
        borrower_sector_name varchar(255) NOT NULL,
        borrower_district_code varchar(10),
        borrower_district_name varchar(255),
        borrower_snapshot_at timestamptz NOT NULL`;

    await q.query(`
      CREATE TABLE loan_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES loan_product (id),
        project_name varchar(255) NOT NULL,
        purpose text NOT NULL,
        requested_amount bigint NOT NULL CHECK (requested_amount > 0),
        requested_term_months int NOT NULL CHECK (requested_term_months > 0),
        collateral text,
        status varchar(20) NOT NULL CHECK (status IN ('SUBMITTED','UNDER_APPRAISAL','APPROVED','REJECTED','WITHDRAWN')),
        submitted_on date NOT NULL,
        submitted_by varchar(255) NOT NULL,
        submitted_by_role varchar(30) NOT NULL,
        ${borrower},
        appraisal_started_by varchar(255),
        appraisal_started_at timestamptz,
        appraised_by varchar(255),
        appraised_at timestamptz,
        appraisal_recommendation varchar(10) CHECK (appraisal_recommendation IN ('APPROVE','REJECT')),
        recommended_amount bigint CHECK (recommended_amount > 0),
        appraisal_notes text,
        decided_by varchar(255),
        decided_at timestamptz,
        decided_on date,
        decision_reason text,
        approved_amount bigint CHECK (approved_amount > 0),
        approved_term_months int CHECK (approved_term_months > 0),
        approved_annual_rate numeric(7,4) CHECK (approved_annual_rate BETWEEN 0 AND 100),
        withdrawn_by varchar(255),
        withdrawn_at timestamptz,
        withdrawal_reason text,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'APPROVED' OR (approved_amount IS NOT NULL AND approved_term_months IS NOT NULL AND approved_annual_rate IS NOT NULL)),
        CHECK (appraised_by IS NULL OR decided_by IS NULL OR appraised_by <> decided_by)
      )`);
    await q.query(`CREATE INDEX loan_application_cooperative ON loan_application (cooperative_id, submitted_on)`);
    await q.query(`CREATE INDEX loan_application_status ON loan_application (status, submitted_on)`);
    await q.query(`CREATE INDEX loan_application_submitted ON loan_application (submitted_on, id)`);

    await q.query(`
      CREATE TABLE contract_counter (
        year int PRIMARY KEY,
        last_number int NOT NULL
      )`);

    await q.query(`
      CREATE TABLE loan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_number varchar(40) NOT NULL UNIQUE,
        application_id uuid NOT NULL UNIQUE REFERENCES loan_application (id),
        cooperative_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES loan_product (id),
        signed_on date NOT NULL,
        signed_by varchar(255) NOT NULL,
        principal bigint NOT NULL CHECK (principal > 0),
        annual_interest_rate numeric(7,4) NOT NULL CHECK (annual_interest_rate BETWEEN 0 AND 100),
        term_months int NOT NULL CHECK (term_months > 0),
        grace_months int NOT NULL CHECK (grace_months >= 0),
        repayment_method varchar(20) NOT NULL CHECK (repayment_method IN ('EQUAL_PRINCIPAL','ANNUITY','BULLET')),
        overdue_interest_percent int NOT NULL,
        first_disbursed_on date,
        last_event_on date NOT NULL,
        lifecycle varchar(20) NOT NULL CHECK (lifecycle IN ('ACTIVE','RESTRUCTURED','CLOSED','WRITTEN_OFF')),
        restructured_on date,
        closed_on date,
        written_off_on date,
        written_off_principal bigint CHECK (written_off_principal >= 0),
        written_off_by varchar(255),
        write_off_reason text,
        ${borrower},
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((lifecycle = 'CLOSED') = (closed_on IS NOT NULL)),
        CHECK ((lifecycle = 'WRITTEN_OFF') = (written_off_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX loan_cooperative ON loan (cooperative_id, signed_on)`);
    await q.query(`CREATE INDEX loan_first_disbursed ON loan (first_disbursed_on)`);
    await q.query(`CREATE INDEX loan_signed ON loan (signed_on, id)`);

    await q.query(`
      CREATE TABLE disbursement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan (id),
        tranche_number int NOT NULL CHECK (tranche_number >= 1),
        disbursed_on date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        idempotency_key varchar(100) NOT NULL UNIQUE,
        note text,
        recorded_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (loan_id, tranche_number)
      )`);
    await q.query(`CREATE INDEX disbursement_on ON disbursement (disbursed_on)`);

    await q.query(`
      CREATE TABLE repayment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan (id),
        paid_on date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        overdue_interest_part bigint NOT NULL CHECK (overdue_interest_part >= 0),
        interest_part bigint NOT NULL CHECK (interest_part >= 0),
        principal_part bigint NOT NULL CHECK (principal_part >= 0),
        idempotency_key varchar(100) NOT NULL UNIQUE,
        recorded_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (amount = overdue_interest_part + interest_part + principal_part)
      )`);
    await q.query(`CREATE INDEX repayment_loan ON repayment (loan_id, paid_on)`);
    await q.query(`CREATE INDEX repayment_on ON repayment (paid_on)`);

    await q.query(`
      CREATE TABLE loan_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan (id),
        version int NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        reason varchar(20) NOT NULL CHECK (reason IN ('FIRST_DISBURSEMENT','TRANCHE','RESTRUCTURE')),
        annual_interest_rate numeric(7,4) NOT NULL,
        UNIQUE (loan_id, version)
      )`);
    await q.query(`CREATE INDEX loan_schedule_effective ON loan_schedule (loan_id, effective_from)`);

    await q.query(`
      CREATE TABLE schedule_installment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_id uuid NOT NULL REFERENCES loan_schedule (id),
        loan_id uuid NOT NULL REFERENCES loan (id),
        number int NOT NULL CHECK (number >= 1),
        due_date date NOT NULL,
        principal bigint NOT NULL CHECK (principal >= 0),
        interest bigint NOT NULL CHECK (interest >= 0),
        UNIQUE (schedule_id, number)
      )`);
    await q.query(`CREATE INDEX schedule_installment_loan ON schedule_installment (loan_id)`);

    await q.query(`
      CREATE TABLE loan_restructuring (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan (id),
        effective_on date NOT NULL,
        remaining_months int NOT NULL CHECK (remaining_months > 0),
        grace_months int NOT NULL CHECK (grace_months >= 0),
        annual_interest_rate numeric(7,4) NOT NULL,
        reason text NOT NULL,
        decided_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX loan_restructuring_loan ON loan_restructuring (loan_id, effective_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["loan_restructuring", "schedule_installment", "loan_schedule", "repayment", "disbursement", "loan", "contract_counter", "loan_application", "debt_group_threshold", "loan_product"]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
