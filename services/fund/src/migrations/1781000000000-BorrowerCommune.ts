import { generateRegistry } from "@camau/demo-data";
import { communeNameOf } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The borrower's commune beside its district on applications and loans, so they can be filtered by
 * the communes of either tree (a new commune also finds its predecessors' records). Like the
 * district, it is the registry's value when the application was submitted: a commune of the
 * pre-2025 tree when the snapshot has a district, one of the new units when it has none.
 *
 * Existing rows: the fund never stored the commune and cannot ask the registry from a migration,
 * so rows whose cooperative is one of the province's demo cooperatives (same id, same district)
 * take its commune from the demo data; any other row keeps a null commune (unknown: a commune
 * filter does not find it, its district filter still does).
 */
export class BorrowerCommune1781000000000 implements MigrationInterface {
  name = "BorrowerCommune1781000000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["loan_application", "loan"]) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN borrower_commune_code varchar(10), ADD COLUMN borrower_commune_name varchar(255)`);
      await q.query(`CREATE INDEX ${table}_borrower_commune ON ${table} (borrower_commune_code)`);
    }
    const [{ present }] = await q.query(`SELECT EXISTS (SELECT 1 FROM loan_application) AS present`);
    if (!present) return;
    const cooperatives = generateRegistry({ scale: 1 }).cooperatives;
    const columns = [cooperatives.map((c) => c.id), cooperatives.map((c) => c.districtCode), cooperatives.map((c) => c.communeCode), cooperatives.map((c) => communeNameOf(c.districtCode, c.communeCode))];
    // The commune enters no rollup cell: the figures stay as they are, so skip their refresh.
    await q.query(`SELECT set_config('rollup.deferred', 'on', true)`);
    for (const table of ["loan_application", "loan"]) {
      await q.query(
        `UPDATE ${table} t SET borrower_commune_code = m.commune, borrower_commune_name = m.name
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS m (id, district, commune, name)
          WHERE t.cooperative_id = m.id AND t.borrower_district_code IS NOT DISTINCT FROM m.district`,
        columns,
      );
    }
    await q.query(`SELECT set_config('rollup.deferred', 'off', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["loan_application", "loan"]) await q.query(`ALTER TABLE ${table} DROP COLUMN borrower_commune_name, DROP COLUMN borrower_commune_code`);
  }
}
