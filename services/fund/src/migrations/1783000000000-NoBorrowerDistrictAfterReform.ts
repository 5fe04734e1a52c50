import { MigrationInterface, QueryRunner } from "typeorm";

/** Codes of the provinces (old Bạc Liêu, and Cà Mau before and after the reform). */
const PROVINCE_CODES = ["95", "96"];

/**
 * A borrower in a commune of the reformed province has no district, but the registry used to
 * report the province as its district, and applications and loans snapshotted that: such a borrower
 * counted as a pre-reform place in a "district" named after the province. The snapshots are
 * repaired; the rollup triggers refresh the portfolio and outstanding figures they feed. Not
 * reversible: the province was never a district.
 */
export class NoBorrowerDistrictAfterReform1783000000000 implements MigrationInterface {
  name = "NoBorrowerDistrictAfterReform1783000000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["loan_application", "loan"]) {
      await q.query(`UPDATE ${table} SET borrower_district_code = NULL, borrower_district_name = NULL WHERE borrower_district_code = ANY ($1)`, [PROVINCE_CODES]);
    }
  }

  async down(): Promise<void> {
    // nothing to restore
  }
}
