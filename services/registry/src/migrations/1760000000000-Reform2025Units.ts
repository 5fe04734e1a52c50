import { MigrationInterface, QueryRunner } from "typeorm";
import {
  ADMINISTRATIVE_UNITS,
  AdministrativeUnitData,
  BAC_LIEU_PRE_2025_UNITS,
  CA_MAU_PRE_2025_UNITS,
  CodeSystem,
  POST_2025_UNITS,
} from "@camau/shared";
import { ADMINISTRATIVE_UNIT_SUCCESSION } from "@camau/shared";
import { INITIAL_ADMINISTRATIVE_UNITS, INITIAL_POST_2025_COMMUNES, INITIAL_PRE_2025_DISTRICTS } from "@camau/shared";
import { valuesList } from "./support/valuesList";

type Recode = readonly [from: string, to: string];

/** Old Cà Mau's communes: the codes the first migration used → the GSO codes, matched by district and name. */
function preReformRecodes(): Recode[] {
  const current = new Map(CA_MAU_PRE_2025_UNITS.filter((u) => u.level === "COMMUNE").map((u) => [`${u.parentCode}|${u.name}`, u.code]));
  return INITIAL_PRE_2025_DISTRICTS.flatMap((d) =>
    d.communes.map(([code, name]): Recode => {
      const to = current.get(`${d.code}|${name}`);
      if (!to) throw new Error(`Reform2025Units: no current code for ${name} (${d.code})`);
      return [code, to];
    }),
  ).filter(([from, to]) => from !== to);
}

/** The illustrative post-2025 units → their official codes, matched by name. */
function postReformRecodes(): Recode[] {
  const official = new Map(POST_2025_UNITS.filter((u) => u.level === "COMMUNE").map((u) => [u.name, u.code]));
  return INITIAL_POST_2025_COMMUNES.map(([code, name]): Recode => {
    const to = official.get(name);
    if (!to) throw new Error(`Reform2025Units: no official code for ${name}`);
    return [code, to];
  }).filter(([from, to]) => from !== to);
}

const reversed = (recodes: Recode[]): Recode[] => recodes.map(([from, to]): Recode => [to, from]);

/** Address tables and how each tells the code system of its address. */
const ADDRESS_TABLES: ReadonlyArray<readonly [table: string, codeSystem: string]> = [
  ["cooperative", "t.address_code_system"],
  ["cooperative_union", "t.address_code_system"],
  // Groups have no code-system column: their address is PRE_2025 exactly when it has a district.
  ["cooperative_group", "CASE WHEN t.district_code IS NULL THEN 'POST_2025' ELSE 'PRE_2025' END"],
];

/**
 * Changes unit codes in one code system and every address that points at them. Codes swap (one
 * unit takes another's old code), so units pass through a temporary code to keep the
 * (code_system, code) key unique at every row, and keep their ids; each address table changes in
 * one statement, which reads every row's old code once.
 */
async function recode(q: QueryRunner, codeSystem: CodeSystem, recodes: Recode[]): Promise<void> {
  if (recodes.length === 0) return;
  const pairs = recodes.flatMap(([from, to]) => [from, to]);
  const mapping = `(VALUES ${valuesList(recodes.length, 2)}) AS m(from_code, to_code)`;
  await q.query(`UPDATE administrative_unit SET code = '~' || code WHERE code_system = $1 AND code = ANY($2::varchar[])`, [codeSystem, recodes.map(([from]) => from)]);
  await q.query(
    `UPDATE administrative_unit u SET code = m.to_code FROM ${mapping}
     WHERE u.code_system = $${pairs.length + 1} AND u.code = '~' || m.from_code`,
    [...pairs, codeSystem],
  );
  for (const [table, codeSystemOf] of ADDRESS_TABLES) {
    await q.query(
      `UPDATE ${table} t SET commune_code = m.to_code FROM ${mapping}
       WHERE t.commune_code = m.from_code AND ${codeSystemOf} = $${pairs.length + 1}`,
      [...pairs, codeSystem],
    );
  }
}

/** Makes the rows of `units` exist exactly as given (insert, or update name, level, parent and validity). */
async function upsertUnits(q: QueryRunner, units: readonly AdministrativeUnitData[]): Promise<void> {
  await q.query(
    `INSERT INTO administrative_unit (code, name, level, parent_code, code_system, valid_from, valid_to)
     VALUES ${valuesList(units.length, 7)}
     ON CONFLICT (code_system, code) DO UPDATE SET name = excluded.name, level = excluded.level,
       parent_code = excluded.parent_code, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
    units.flatMap((u) => [u.code, u.name, u.level, u.parentCode, u.codeSystem, u.validFrom, u.validTo]),
  );
}

/**
 * The July 2025 reform, complete and sourced (see src/reference): corrects old Cà Mau's commune
 * codes to the GSO list (and every address that uses them), adds old Bạc Liêu's tree (province
 * 95, valid until 2025-06-30), replaces the illustrative post-2025 units with the 64 official
 * ones, and records which old unit became part of which new one.
 */
export class Reform2025Units1760000000000 implements MigrationInterface {
  name = "Reform2025Units1760000000000";

  async up(q: QueryRunner): Promise<void> {
    await recode(q, "PRE_2025", preReformRecodes());
    await recode(q, "POST_2025", postReformRecodes());
    await upsertUnits(q, ADMINISTRATIVE_UNITS);

    await q.query(`
      CREATE TABLE administrative_unit_succession (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        old_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        old_code varchar(10) NOT NULL,
        new_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        new_code varchar(10) NOT NULL,
        whole boolean NOT NULL,
        effective_on date NOT NULL,
        source varchar(255) NOT NULL,
        UNIQUE (old_unit_id, new_unit_id)
      )`);
    await q.query(`CREATE INDEX administrative_unit_succession_new ON administrative_unit_succession (new_unit_id)`);
    const rows = ADMINISTRATIVE_UNIT_SUCCESSION;
    const inserted: { id: string }[] = await q.query(
      `INSERT INTO administrative_unit_succession (old_unit_id, old_code, new_unit_id, new_code, whole, effective_on, source)
       SELECT o.id, m.old_code, n.id, m.new_code, m.whole::boolean, m.effective_on::date, m.source
       FROM (VALUES ${valuesList(rows.length, 5)}) AS m(old_code, new_code, whole, effective_on, source)
       JOIN administrative_unit o ON o.code_system = 'PRE_2025' AND o.level = 'COMMUNE' AND o.code = m.old_code
       JOIN administrative_unit n ON n.code_system = 'POST_2025' AND n.level = 'COMMUNE' AND n.code = m.new_code
       RETURNING id`,
      rows.flatMap((r) => [r.oldCode, r.newCode, r.whole, r.effectiveOn, r.source]),
    );
    if (inserted.length !== rows.length) throw new Error(`Reform2025Units: ${rows.length - inserted.length} succession rows name no unit`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE administrative_unit_succession`);
    const illustrativeNames = INITIAL_POST_2025_COMMUNES.map(([, name]) => name);
    await q.query(`DELETE FROM administrative_unit WHERE code_system = 'POST_2025' AND level = 'COMMUNE' AND NOT (name = ANY($1::varchar[]))`, [illustrativeNames]);
    await q.query(`DELETE FROM administrative_unit WHERE code_system = 'PRE_2025' AND code = ANY($1::varchar[])`, [BAC_LIEU_PRE_2025_UNITS.map((u) => u.code)]);
    await recode(q, "POST_2025", reversed(postReformRecodes()));
    await recode(q, "PRE_2025", reversed(preReformRecodes()));
    await upsertUnits(q, INITIAL_ADMINISTRATIVE_UNITS);
  }
}
