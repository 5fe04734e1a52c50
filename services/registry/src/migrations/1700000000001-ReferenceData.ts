import { MigrationInterface, QueryRunner } from "typeorm";
import { INITIAL_ADMINISTRATIVE_UNITS as ADMINISTRATIVE_UNITS } from "@camau/shared";
import { SECTORS } from "@camau/shared";
import { VSIC_SECTOR_MAPPING } from "../reference/vsicSectorMapping";
import { valuesList } from "./support/valuesList";

/**
 * Reference data the registry needs in every environment, production included: Cà Mau's
 * administrative units (the pre-2025 tree and an illustrative part of the post-2025 one), the
 * statistical sectors and the VSIC-to-sector mapping. The data lives in src/reference; once this
 * migration has run somewhere, later changes to that data go in a new migration.
 */
export class ReferenceData1700000000001 implements MigrationInterface {
  name = "ReferenceData1700000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO sector (code, name, name_en, sort_order) VALUES ${valuesList(SECTORS.length, 4)}`,
      SECTORS.flatMap((s) => [s.code, s.name, s.nameEn, s.sortOrder]),
    );
    await q.query(
      `INSERT INTO vsic_sector_mapping (vsic_prefix, sector_code) VALUES ${valuesList(VSIC_SECTOR_MAPPING.length, 2)}`,
      VSIC_SECTOR_MAPPING.flatMap((m) => [m.vsicPrefix, m.sectorCode]),
    );
    await q.query(
      `INSERT INTO administrative_unit (code, name, level, parent_code, code_system, valid_from, valid_to)
       VALUES ${valuesList(ADMINISTRATIVE_UNITS.length, 7)}`,
      ADMINISTRATIVE_UNITS.flatMap((u) => [u.code, u.name, u.level, u.parentCode, u.codeSystem, u.validFrom, u.validTo]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const codeSystem of [...new Set(ADMINISTRATIVE_UNITS.map((u) => u.codeSystem))]) {
      await q.query(`DELETE FROM administrative_unit WHERE code_system = $1 AND code = ANY($2::varchar[])`, [
        codeSystem,
        ADMINISTRATIVE_UNITS.filter((u) => u.codeSystem === codeSystem).map((u) => u.code),
      ]);
    }
    await q.query(`DELETE FROM vsic_sector_mapping WHERE vsic_prefix = ANY($1::varchar[])`, [VSIC_SECTOR_MAPPING.map((m) => m.vsicPrefix)]);
    await q.query(`DELETE FROM sector WHERE code = ANY($1::varchar[])`, [SECTORS.map((s) => s.code)]);
  }
}
