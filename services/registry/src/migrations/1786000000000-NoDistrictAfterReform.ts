import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A place in a commune of the reformed province has no district: the registry's writes stored the
 * commune's parent there, which after July 2025 is the province, so such a place read as a
 * pre-reform place in a "district" named after the province (in reports by territory, filters and
 * the cooperative's `district`). The rows written so are repaired; the rollup and search-document
 * triggers refresh what they feed. Not reversible: the province code was never a district.
 */
export class NoDistrictAfterReform1786000000000 implements MigrationInterface {
  name = "NoDistrictAfterReform1786000000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["cooperative", "cooperative_group"]) {
      await q.query(`UPDATE ${table} SET district_code = NULL WHERE district_code IN (SELECT code FROM administrative_unit WHERE level = 'PROVINCE')`);
    }
  }

  async down(): Promise<void> {
    // nothing to restore
  }
}
