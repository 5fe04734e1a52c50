import { OpenDataSource } from "@camau/shared";

/** Tables whose changes the open data (and the report's figures) follow: every table of the registry's records. */
export const REGISTRY_TRACKED_TABLES = [
  "cooperative", "cooperative_group", "cooperative_union", "member", "classification", "cooperative_event", "union_membership",
  "sector", "administrative_unit", "administrative_unit_succession", "vsic_sector_mapping",
] as const;

const DATE = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;

/** The registry's open datasets (columns as in OPEN_DATASETS), in key order. */
export const registryOpenData: readonly OpenDataSource[] = [
  {
    name: "cooperatives",
    tables: ["cooperative"],
    sql: `
      SELECT id, code, name, foreign_name AS "foreignName", abbreviation, status, ${DATE("status_since", "statusSince")}, ${DATE("founded_on", "foundedOn")},
             governing_law AS "governingLaw", street, commune_code AS "communeCode", district_code AS "districtCode", address_code_system AS "codeSystem",
             sector_code AS "sectorCode", charter_capital::float8 AS "charterCapital", business_lines AS "businessLines", is_new_model AS "isNewModel",
             alliance_joined_on IS NOT NULL AS "isAllianceMember", ${DATE("alliance_joined_on", "allianceJoinedOn")}
        FROM cooperative ORDER BY id`,
  },
  {
    name: "cooperative-groups",
    tables: ["cooperative_group"],
    sql: `
      SELECT id, name, commune_code AS "communeCode", sector_code AS "sectorCode", ${DATE("founded_on", "foundedOn")}, ${DATE("certified_on", "certifiedOn")},
             status, ${DATE("dissolved_on", "dissolvedOn")}
        FROM cooperative_group ORDER BY id`,
  },
  {
    name: "cooperative-unions",
    tables: ["cooperative_union"],
    sql: `
      SELECT id, code, name, foreign_name AS "foreignName", abbreviation, status, ${DATE("status_since", "statusSince")}, ${DATE("founded_on", "foundedOn")},
             governing_law AS "governingLaw", street, commune_code AS "communeCode", district_code AS "districtCode", address_code_system AS "codeSystem",
             charter_capital::float8 AS "charterCapital"
        FROM cooperative_union ORDER BY id`,
  },
  {
    // Internal (not in the public catalogue): the places trade's report counts cooperatives by,
    // without the rest of the cooperatives dataset (a tenth of its size for a national registry).
    name: "cooperative-places",
    tables: ["cooperative"],
    columns: [
      { name: "id", field: "id" },
      { name: "districtCode", field: "address.districtCode" },
      { name: "communeCode", field: "address.communeCode" },
    ],
    sql: `SELECT id, district_code AS "districtCode", commune_code AS "communeCode" FROM cooperative ORDER BY id`,
  },
];
