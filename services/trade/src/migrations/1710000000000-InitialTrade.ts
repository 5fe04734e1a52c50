import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The trade promotion subgraph's first schema: products, OCOP certifications, programs,
 * participations with the products shown and the agreements signed. Cooperatives are ids of
 * the registry's database: no foreign key can reach them (database per subgraph).
 */
export class InitialTrade1710000000000 implements MigrationInterface {
  name = "InitialTrade1710000000000";

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
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL,
        name varchar(255) NOT NULL CHECK (length(btrim(name)) > 0),
        product_group varchar(40) NOT NULL CHECK (product_group IN
          ('FOOD','BEVERAGE','HERBAL','HANDICRAFT','ORNAMENTAL_PLANTS_AND_ANIMALS','COMMUNITY_AND_ECO_TOURISM')),
        description text,
        brand_name varchar(255),
        mark_kind varchar(30) CHECK (mark_kind IN ('TRADEMARK','COLLECTIVE_MARK','CERTIFICATION_MARK','GEOGRAPHICAL_INDICATION','UNREGISTERED_BRAND')),
        mark_registration_number varchar(100),
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_document text GENERATED ALWAYS AS (search_key(name || ' ' || coalesce(brand_name, ''))) STORED,
        CHECK ((brand_name IS NULL) = (mark_kind IS NULL)),
        CHECK (brand_name IS NOT NULL OR mark_registration_number IS NULL),
        UNIQUE (id, cooperative_id)
      )`);
    // A cooperative registers a product once: names compare case- and diacritic-insensitively.
    await q.query(`CREATE UNIQUE INDEX product_cooperative_name ON product (cooperative_id, search_key(name))`);
    await q.query(`CREATE INDEX product_search ON product USING gin (search_document gin_trgm_ops)`);
    await q.query(`CREATE INDEX product_name ON product (name, id)`);

    await q.query(`
      CREATE TABLE ocop_certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product (id),
        stars smallint NOT NULL CHECK (stars BETWEEN 3 AND 5),
        score smallint NOT NULL CHECK (
          (stars = 3 AND score BETWEEN 50 AND 69) OR (stars = 4 AND score BETWEEN 70 AND 89) OR (stars = 5 AND score BETWEEN 90 AND 100)),
        level varchar(20) NOT NULL CHECK (level = CASE WHEN stars = 5 THEN 'NATIONAL' ELSE 'PROVINCIAL' END),
        decision_number varchar(100) NOT NULL,
        certified_on date NOT NULL,
        expires_on date NOT NULL CHECK (expires_on > certified_on),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by varchar(255) NOT NULL,
        UNIQUE (product_id, decision_number)
      )`);
    await q.query(`CREATE INDEX ocop_certification_product ON ocop_certification (product_id, certified_on DESC)`);
    await q.query(`CREATE INDEX ocop_certification_period ON ocop_certification (certified_on, expires_on)`);

    await q.query(`
      CREATE TABLE trade_promotion_program (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        kind varchar(40) NOT NULL CHECK (kind IN ('FAIR','TRADE_CONNECTION_CONFERENCE','PRODUCT_WEEK','RETAIL_LISTING','ECOMMERCE','OTHER')),
        organiser varchar(300) NOT NULL,
        venue varchar(300) NOT NULL,
        province varchar(100) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        budget bigint CHECK (budget >= 0),
        budget_source varchar(30) CHECK (budget_source IN ('CENTRAL_BUDGET','PROVINCIAL_BUDGET','DISTRICT_BUDGET','SOCIALISED','MIXED','OTHER')),
        description text,
        policy_legal_basis varchar(500),
        policy_percentage numeric(5,2) CHECK (policy_percentage > 0 AND policy_percentage <= 100),
        policy_cap_per_cooperative bigint CHECK (policy_cap_per_cooperative >= 0),
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        province_key text GENERATED ALWAYS AS (search_key(province)) STORED,
        search_document text GENERATED ALWAYS AS (search_key(name || ' ' || organiser || ' ' || venue || ' ' || province)) STORED,
        CHECK (ends_on >= starts_on),
        CHECK (policy_legal_basis IS NOT NULL OR (policy_percentage IS NULL AND policy_cap_per_cooperative IS NULL))
      )`);
    await q.query(`CREATE INDEX trade_promotion_program_starts ON trade_promotion_program (starts_on, id)`);
    await q.query(`CREATE INDEX trade_promotion_program_province ON trade_promotion_program (province_key, starts_on)`);
    await q.query(`CREATE INDEX trade_promotion_program_search ON trade_promotion_program USING gin (search_document gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES trade_promotion_program (id),
        cooperative_id uuid NOT NULL,
        booth_count int NOT NULL CHECK (booth_count BETWEEN 0 AND 1000),
        support_amount bigint NOT NULL DEFAULT 0 CHECK (support_amount >= 0),
        eligible_cost bigint CHECK (eligible_cost >= 0),
        sales_revenue bigint CHECK (sales_revenue >= 0),
        results_recorded_at timestamptz,
        note text,
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, cooperative_id),
        UNIQUE (id, cooperative_id)
      )`);
    await q.query(`CREATE INDEX participation_cooperative ON participation (cooperative_id, created_at)`);

    // The composite foreign keys make "a cooperative shows only its own products" a database rule too.
    await q.query(`
      CREATE TABLE participation_product (
        participation_id uuid NOT NULL,
        product_id uuid NOT NULL,
        cooperative_id uuid NOT NULL,
        position smallint NOT NULL,
        PRIMARY KEY (participation_id, product_id),
        FOREIGN KEY (participation_id, cooperative_id) REFERENCES participation (id, cooperative_id) ON DELETE CASCADE,
        FOREIGN KEY (product_id, cooperative_id) REFERENCES product (id, cooperative_id)
      )`);
    await q.query(`CREATE INDEX participation_product_product ON participation_product (product_id)`);

    await q.query(`
      CREATE TABLE trade_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        counterparty varchar(300) NOT NULL,
        kind varchar(40) NOT NULL CHECK (kind IN ('SALES_CONTRACT','DISTRIBUTION_CONTRACT','MEMORANDUM_OF_UNDERSTANDING','OTHER')),
        value bigint CHECK (value >= 0),
        signed_on date,
        description text,
        position smallint NOT NULL
      )`);
    await q.query(`CREATE INDEX trade_agreement_participation ON trade_agreement (participation_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trade_agreement`);
    await q.query(`DROP TABLE participation_product`);
    await q.query(`DROP TABLE participation`);
    await q.query(`DROP TABLE trade_promotion_program`);
    await q.query(`DROP TABLE ocop_certification`);
    await q.query(`DROP TABLE product`);
    await q.query(`DROP FUNCTION search_key(text)`);
  }
}
