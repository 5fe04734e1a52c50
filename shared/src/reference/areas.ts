import { registerLabelledEnum } from "../graphql/enumLabels";
import { ADMINISTRATIVE_UNITS, AdministrativeUnitData, BAC_LIEU_PROVINCE_CODE, POST_2025_VALID_FROM, PROVINCE_CODE } from "./administrativeUnits";
import { ADMINISTRATIVE_UNIT_SUCCESSION } from "./administrativeUnitSuccession";

/**
 * Places across the reform of 1 July 2025, the one rule every subgraph's area filters and
 * breakdowns follow (the reference data is public law and changes only by a new resolution, so
 * each subgraph reads it compiled in rather than asking the registry on every request).
 *
 * - A record keeps the units valid when its place was recorded: a district and a commune of the
 *   pre-2025 tree (code system PRE_2025), or, from the reform on, one of the 64 new units and no
 *   district (POST_2025). A place with a district is therefore PRE_2025, one without is POST_2025.
 * - "Where is it now" follows the succession: an old commune's successors are the new units it
 *   became part of (two for a commune split between new units).
 * - A filter by a new commune finds records under that unit and under each of its predecessors.
 *   A commune split between new units is found under EACH of its successors: the registry does not
 *   know on which side of the new boundary an old address lies, so no record is lost and a split
 *   commune's records may appear under two new communes (never twice under one).
 * - A filter by an old commune or district finds the records registered under it (history).
 * - The territories: OLD_CA_MAU and OLD_BAC_LIEU are the two provinces before the reform; a new
 *   unit belongs to the old province of its predecessors (no new unit straddles the old border);
 *   CA_MAU is the province since the reform, both of them.
 */
export enum Territory {
  CA_MAU = "CA_MAU",
  OLD_CA_MAU = "OLD_CA_MAU",
  OLD_BAC_LIEU = "OLD_BAC_LIEU",
}

registerLabelledEnum(Territory, {
  name: "Territory",
  description: "The territory a report covers (địa bàn).",
  labels: {
    CA_MAU: { en: "Cà Mau province", vi: "Tỉnh Cà Mau", detail: "the province since 1 July 2025: old Cà Mau and old Bạc Liêu" },
    OLD_CA_MAU: { en: "Former Cà Mau province", vi: "Tỉnh Cà Mau (cũ)", detail: "Cà Mau province before 1 July 2025 (code 96)" },
    OLD_BAC_LIEU: { en: "Former Bạc Liêu province", vi: "Tỉnh Bạc Liêu (cũ)", detail: "Bạc Liêu province before 1 July 2025 (code 95)" },
  },
});

export type CodeSystemOfPlace = "PRE_2025" | "POST_2025";

/** The first day of the two-level tree (no districts). */
export const REFORM_DATE = POST_2025_VALID_FROM;

/** The province a report covers by default: the one that existed at the end of the period. */
export function defaultTerritory(to: string): Territory {
  return to < REFORM_DATE ? Territory.OLD_CA_MAU : Territory.CA_MAU;
}

/** Representations skip enum parsing: true only for a real territory. */
export function isTerritory(value: unknown): value is Territory {
  return typeof value === "string" && (Object.values(Territory) as string[]).includes(value);
}

/** The code system of a place: a district only exists in the pre-2025 tree. */
export function codeSystemOfPlace(districtCode: string | null | undefined): CodeSystemOfPlace {
  return districtCode ? "PRE_2025" : "POST_2025";
}

const key = (codeSystem: string, code: string) => `${codeSystem}:${code}`;
const units = new Map<string, AdministrativeUnitData>(ADMINISTRATIVE_UNITS.map((u) => [key(u.codeSystem, u.code), u]));

export function unitOf(codeSystem: string, code: string): AdministrativeUnitData | undefined {
  return units.get(key(codeSystem, code));
}

/** The name of a place's commune, in the code system its district says; null when unknown. */
export function communeNameOf(districtCode: string | null | undefined, communeCode: string | null | undefined): string | null {
  return communeCode ? (unitOf(codeSystemOfPlace(districtCode), communeCode)?.name ?? null) : null;
}

/** New unit code → PRE_2025 codes of the old communes that became (part of) it. */
const predecessorsByNew = new Map<string, string[]>();
/** PRE_2025 commune code → new unit codes it became (part of). */
const successorsByOld = new Map<string, string[]>();
const addOnce = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) map.set(key, [...list, value]);
};
for (const { oldCode, newCode } of ADMINISTRATIVE_UNIT_SUCCESSION) {
  addOnce(predecessorsByNew, newCode, oldCode);
  addOnce(successorsByOld, oldCode, newCode);
}

export function predecessorCodes(newCode: string): readonly string[] {
  return predecessorsByNew.get(newCode) ?? [];
}

export function successorCodes(oldCode: string): readonly string[] {
  return successorsByOld.get(oldCode) ?? [];
}

/** The old province (PRE_2025 province code) of a PRE_2025 district or commune. */
function oldProvinceOf(code: string): string | null {
  let unit = unitOf("PRE_2025", code);
  while (unit && unit.level !== "PROVINCE") unit = unit.parentCode ? unitOf("PRE_2025", unit.parentCode) : undefined;
  return unit?.code ?? null;
}

const OLD_TERRITORY: Record<string, Territory> = { [PROVINCE_CODE]: Territory.OLD_CA_MAU, [BAC_LIEU_PROVINCE_CODE]: Territory.OLD_BAC_LIEU };

const oldTerritoryOfProvince = (province: string | null): Territory | null => (province ? (OLD_TERRITORY[province] ?? null) : null);

/**
 * Old territories computed once from the reference data: reports ask for the territory of every
 * cell of their rollups (thousands at national scale) on every request. Only known codes are
 * keys, so hostile input cannot grow them.
 */
const OLD_TERRITORY_BY_PRE_2025_CODE = new Map(ADMINISTRATIVE_UNITS.filter((u) => u.codeSystem === "PRE_2025").map((u) => [u.code, oldTerritoryOfProvince(oldProvinceOf(u.code))]));
const OLD_TERRITORY_BY_NEW_COMMUNE = new Map(
  [...predecessorsByNew].map(([newCode, oldCodes]) => [newCode, oldTerritoryOfProvince(oldCodes.map(oldProvinceOf).find((p) => p !== null) ?? null)]),
);

/**
 * The old province a place lies in (OLD_CA_MAU or OLD_BAC_LIEU), from its district when it has
 * one, else from its new commune's predecessors; null for a code the reference data does not know.
 */
export function oldTerritoryOfPlace(districtCode: string | null | undefined, communeCode: string | null | undefined): Territory | null {
  if (districtCode) return OLD_TERRITORY_BY_PRE_2025_CODE.get(districtCode) ?? null;
  return communeCode ? (OLD_TERRITORY_BY_NEW_COMMUNE.get(communeCode) ?? null) : null;
}

/** True when a place lies in the territory (CA_MAU holds both old provinces). */
export function placeInTerritory(territory: Territory, districtCode: string | null | undefined, communeCode: string | null | undefined): boolean {
  const old = oldTerritoryOfPlace(districtCode, communeCode);
  if (old === null) return false;
  return territory === Territory.CA_MAU || territory === old;
}

/**
 * Whether a record without a known place (a provincial class, a loan whose borrower had no
 * district) dated `on` lies in a territory: before the reform it is old Cà Mau's, the only
 * province this platform served (so also the new province's); from the reform on, the new
 * province's and neither old one's. Such records are why OLD_CA_MAU + OLD_BAC_LIEU may fall short
 * of CA_MAU after the reform.
 */
export function unplacedInTerritory(territory: Territory, on: string): boolean {
  return territory === Territory.CA_MAU || (on < REFORM_DATE && territory === Territory.OLD_CA_MAU);
}

/** SQL twin of unplacedInTerritory: `on` is an SQL date expression, $n the territory's name. */
export function unplacedInTerritorySql(on: string, territoryParam: number): string {
  return `($${territoryParam}::text = 'CA_MAU' OR (${on} < DATE '${REFORM_DATE}' AND $${territoryParam}::text = 'OLD_CA_MAU'))`;
}

/** Codes of the district-level units of an old territory (both for CA_MAU). */
export function districtCodesOf(territory: Territory): string[] {
  const provinces = territory === Territory.CA_MAU ? [PROVINCE_CODE, BAC_LIEU_PROVINCE_CODE] : territory === Territory.OLD_CA_MAU ? [PROVINCE_CODE] : [BAC_LIEU_PROVINCE_CODE];
  return ADMINISTRATIVE_UNITS.filter((u) => u.codeSystem === "PRE_2025" && u.level === "DISTRICT" && provinces.includes(u.parentCode!)).map((u) => u.code);
}

/** Codes of the new units lying in a territory. */
export function newCommuneCodesOf(territory: Territory): string[] {
  return ADMINISTRATIVE_UNITS.filter((u) => u.codeSystem === "POST_2025" && u.level === "COMMUNE" && placeInTerritory(territory, null, u.code)).map((u) => u.code);
}

/** The two columns that hold a place, qualified (e.g. `l.borrower_district_code`). */
export interface PlaceColumns {
  district: string;
  commune: string;
}

/** A table alias with `district_code` and `commune_code` columns, or other place columns. */
function placeColumns(place: string | PlaceColumns): PlaceColumns {
  return typeof place === "string" ? { district: `${place}.district_code`, commune: `${place}.commune_code` } : place;
}

/**
 * SQL condition "the place lies in the territory" (see placeColumns), taking its two array
 * parameters at positions $n and $n+1.
 */
export function territorySql(place: string | PlaceColumns, territory: Territory, firstParam: number): { sql: string; params: [string[], string[]] } {
  const { district, commune } = placeColumns(place);
  return {
    sql: `(${district} = ANY($${firstParam}::text[]) OR (${district} IS NULL AND ${commune} = ANY($${firstParam + 1}::text[])))`,
    params: [districtCodesOf(territory), newCommuneCodesOf(territory)],
  };
}

/**
 * What a filter by commune codes matches, as (code system, commune code) pairs split by system:
 * each code as an old commune (itself), and as a new unit (itself and its predecessors). A new
 * unit always carries the code of one of its predecessors, so reading a code both ways never
 * mixes two unrelated places.
 */
export function communeCodesMatching(codes: readonly string[]): { pre2025: string[]; post2025: string[] } {
  const pre = new Set<string>();
  const post = new Set<string>();
  for (const code of codes) {
    if (unitOf("PRE_2025", code)?.level === "COMMUNE") pre.add(code);
    if (unitOf("POST_2025", code)?.level === "COMMUNE") {
      post.add(code);
      for (const old of predecessorCodes(code)) pre.add(old);
    }
  }
  return { pre2025: [...pre].sort(), post2025: [...post].sort() };
}

/**
 * SQL condition for a commune filter on a place (see placeColumns), with its parameters named
 * after `name`; see communeCodesMatching.
 */
export function communeFilterSql(place: string | PlaceColumns, codes: readonly string[], name = "communeCodes"): { sql: string; params: Record<string, string[]> } {
  const { district, commune } = placeColumns(place);
  const { pre2025, post2025 } = communeCodesMatching(codes);
  return {
    sql: `((${district} IS NOT NULL AND ${commune} = ANY(:${name}Pre)) OR (${district} IS NULL AND ${commune} = ANY(:${name}Post)))`,
    params: { [`${name}Pre`]: pre2025, [`${name}Post`]: post2025 },
  };
}

/**
 * SQL conditions of the area filters every list offers (districts: the records registered under
 * them; communes: see communeFilterSql), for a table with `district_code` and `commune_code`
 * columns; each condition to be ANDed with its named parameters.
 */
export function areaFilterSql(alias: string, filter: { districtCodes?: readonly string[] | null; communeCodes?: readonly string[] | null }): { sql: string; params: Record<string, readonly string[]> }[] {
  const conditions: { sql: string; params: Record<string, readonly string[]> }[] = [];
  if (filter.districtCodes?.length) conditions.push({ sql: `${alias}.district_code IN (:...districtCodes)`, params: { districtCodes: filter.districtCodes } });
  if (filter.communeCodes?.length) conditions.push(communeFilterSql(alias, filter.communeCodes));
  return conditions;
}

/**
 * The area a record counts under in a report whose period ends on `to`: its district for periods
 * before the reform; from the reform on, its new commune (an old address's successor: the first
 * successor of a split commune, in the order of the resolution's clauses). Null when unknown.
 */
export function reportAreaOf(to: string, districtCode: string | null | undefined, communeCode: string | null | undefined): { code: string; name: string; level: "DISTRICT" | "COMMUNE" } | null {
  if (to < REFORM_DATE) {
    const district = districtCode ? unitOf("PRE_2025", districtCode) : undefined;
    return district ? { code: district.code, name: district.name, level: "DISTRICT" } : null;
  }
  const newCode = districtCode ? successorCodes(communeCode ?? "")[0] : communeCode;
  const unit = newCode ? unitOf("POST_2025", newCode) : undefined;
  return unit ? { code: unit.code, name: unit.name, level: "COMMUNE" } : null;
}
