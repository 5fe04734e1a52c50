import { OpenDataSource } from "@camau/shared";

/** Tables whose changes the open data (and the report's figures) follow: every table of trade's records. */
export const TRADE_TRACKED_TABLES = ["product", "ocop_certification", "trade_promotion_program", "participation", "participation_product", "trade_agreement"] as const;

const DATE = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;
const INSTANT = (column: string, as: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${as}"`;

/** Trade's open datasets (columns as in OPEN_DATASETS), in key order. Participations: public fields only (no sales, no agreements, no note). */
export const tradeOpenData: readonly OpenDataSource[] = [
  {
    name: "products",
    tables: ["product", "ocop_certification"],
    // The stars in force today, as the API's ocopStars: the latest certification by then not yet expired.
    sql: `
      SELECT p.id, p.name, p.cooperative_id AS "cooperativeId", p.product_group AS "productGroup",
             (SELECT c.stars::int FROM ocop_certification c
               WHERE c.product_id = p.id AND c.certified_on <= $1::date AND c.expires_on >= $1::date
               ORDER BY c.certified_on DESC, c.stars DESC LIMIT 1) AS "ocopStars",
             ${INSTANT("p.created_at", "createdAt")}
        FROM product p ORDER BY p.id`,
  },
  {
    name: "trade-promotion-programs",
    tables: ["trade_promotion_program"],
    sql: `
      SELECT id, name, kind, organiser, venue, province, ${DATE("starts_on", "startsOn")}, ${DATE("ends_on", "endsOn")}, budget::float8 AS budget,
             budget_source AS "budgetSource"
        FROM trade_promotion_program ORDER BY id`,
  },
  {
    name: "trade-promotion-participations",
    tables: ["participation"],
    sql: `
      SELECT id, program_id AS "programId", cooperative_id AS "cooperativeId", booth_count AS "boothCount", eligible_cost::float8 AS "eligibleCost",
             support_amount::float8 AS "supportAmount", ${INSTANT("created_at", "createdAt")}
        FROM participation ORDER BY id`,
  },
];
