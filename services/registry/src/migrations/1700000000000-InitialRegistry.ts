import { MigrationInterface, QueryRunner } from "typeorm";

/** The registry's first schema: organisations, members, history, classifications, reference data. */
export class InitialRegistry1700000000000 implements MigrationInterface {
  name = "InitialRegistry1700000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE; this wrapper pins the dictionary so it can back an index.
    // It folds case, accents and đ→d, after NFC normalisation so NFD input compares equal.
    await q.query(`
      CREATE FUNCTION search_key(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC))) $$`);

    await q.query(`
      CREATE TABLE administrative_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(10) NOT NULL,
        name varchar(255) NOT NULL,
        level varchar(20) NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
        parent_code varchar(10),
        code_system varchar(20) NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        UNIQUE (code_system, code)
      )`);
    await q.query(`CREATE INDEX administrative_unit_parent ON administrative_unit (parent_code)`);

    await q.query(`
      CREATE TABLE sector (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(255) NOT NULL,
        name_en varchar(255) NOT NULL,
        sort_order int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE vsic_sector_mapping (
        vsic_prefix varchar(5) PRIMARY KEY,
        sector_code varchar(40) NOT NULL REFERENCES sector (code)
      )`);

    await q.query(`
      CREATE TABLE cooperative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code char(10) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{10}$'),
        name varchar(255) NOT NULL,
        foreign_name varchar(255),
        abbreviation varchar(100),
        status varchar(20) NOT NULL,
        status_since date NOT NULL,
        founded_on date NOT NULL,
        governing_law varchar(10) NOT NULL,
        sector_code varchar(40) NOT NULL REFERENCES sector (code),
        business_lines varchar(10)[] NOT NULL DEFAULT '{}',
        street varchar(255),
        commune_code varchar(10) NOT NULL,
        district_code varchar(10),
        address_code_system varchar(20) NOT NULL DEFAULT 'PRE_2025',
        charter_capital bigint NOT NULL CHECK (charter_capital >= 0),
        legal_representative varchar(255) NOT NULL,
        is_new_model boolean NOT NULL DEFAULT false,
        alliance_joined_on date,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_document text GENERATED ALWAYS AS (
          search_key(name || ' ' || coalesce(foreign_name, '') || ' ' || coalesce(abbreviation, '') || ' ' || code)
        ) STORED
      )`);
    await q.query(`CREATE INDEX cooperative_search ON cooperative USING gin (search_document gin_trgm_ops)`);
    await q.query(`CREATE INDEX cooperative_district ON cooperative (district_code)`);
    await q.query(`CREATE INDEX cooperative_sector ON cooperative (sector_code)`);
    await q.query(`CREATE INDEX cooperative_founded ON cooperative (founded_on)`);
    await q.query(`CREATE INDEX cooperative_name ON cooperative (name, id)`);
    await q.query(`CREATE INDEX cooperative_alliance ON cooperative (alliance_joined_on) WHERE alliance_joined_on IS NOT NULL`);

    await q.query(`
      CREATE TABLE cooperative_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        kind varchar(30) NOT NULL,
        effective_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_subject varchar(255) NOT NULL,
        actor_role varchar(30) NOT NULL,
        status_after varchar(20),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX cooperative_event_history ON cooperative_event (cooperative_id, effective_on)`);
    // Status as of a date: the latest status event on or before it.
    await q.query(`CREATE INDEX cooperative_event_status ON cooperative_event (cooperative_id, effective_on DESC, recorded_at DESC) WHERE status_after IS NOT NULL`);

    await q.query(`
      CREATE TABLE classification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        year int NOT NULL,
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        rating varchar(10) NOT NULL,
        scheme varchar(20) NOT NULL,
        classified_on date NOT NULL,
        UNIQUE (cooperative_id, year)
      )`);

    await q.query(`
      CREATE TABLE cooperative_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(255) NOT NULL,
        commune_code varchar(10) NOT NULL,
        district_code varchar(10),
        sector_code varchar(40) NOT NULL REFERENCES sector (code),
        founded_on date NOT NULL,
        certified_on date,
        status varchar(20) NOT NULL,
        dissolved_on date,
        version int NOT NULL,
        search_document text GENERATED ALWAYS AS (search_key(name)) STORED
      )`);
    await q.query(`CREATE INDEX cooperative_group_search ON cooperative_group USING gin (search_document gin_trgm_ops)`);
    await q.query(`CREATE INDEX cooperative_group_period ON cooperative_group (founded_on, dissolved_on)`);

    await q.query(`
      CREATE TABLE cooperative_union (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code char(10) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{10}$'),
        name varchar(255) NOT NULL,
        foreign_name varchar(255),
        abbreviation varchar(100),
        status varchar(20) NOT NULL,
        status_since date NOT NULL,
        founded_on date NOT NULL,
        governing_law varchar(10) NOT NULL,
        street varchar(255),
        commune_code varchar(10) NOT NULL,
        district_code varchar(10),
        address_code_system varchar(20) NOT NULL DEFAULT 'PRE_2025',
        charter_capital bigint NOT NULL CHECK (charter_capital >= 0),
        legal_representative varchar(255) NOT NULL,
        version int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE union_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        union_id uuid NOT NULL REFERENCES cooperative_union (id),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        joined_on date NOT NULL,
        left_on date,
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await q.query(`CREATE INDEX union_membership_cooperative ON union_membership (cooperative_id)`);
    await q.query(`CREATE INDEX union_membership_union ON union_membership (union_id)`);
    // A cooperative is in at most one union at a time.
    await q.query(`CREATE UNIQUE INDEX union_membership_current ON union_membership (cooperative_id) WHERE left_on IS NULL`);

    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid REFERENCES cooperative (id),
        group_id uuid REFERENCES cooperative_group (id),
        kind varchar(20) NOT NULL,
        full_name varchar(255) NOT NULL,
        membership_type varchar(30) NOT NULL,
        joined_on date NOT NULL,
        left_on date,
        capital_contributed bigint NOT NULL DEFAULT 0 CHECK (capital_contributed >= 0),
        national_id varchar(12),
        date_of_birth date,
        phone varchar(15),
        CHECK ((cooperative_id IS NULL) <> (group_id IS NULL)),
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await q.query(`CREATE INDEX member_cooperative ON member (cooperative_id, joined_on) WHERE cooperative_id IS NOT NULL`);
    await q.query(`CREATE INDEX member_group ON member (group_id) WHERE group_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["member", "union_membership", "cooperative_union", "cooperative_group", "classification", "cooperative_event", "cooperative", "vsic_sector_mapping", "sector", "administrative_unit"]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS search_key(text)`);
  }
}
