import type { AdministrativeUnitData } from "./administrativeUnits";

/**
 * Cà Mau's codes and the dates its administrative trees were in force, and how a tree becomes unit
 * rows: shared by the first list of units (frozen, as its migration inserted it) and the current one.
 */

export const PROVINCE_CODE = "96";
export const PROVINCE_NAME = "Tỉnh Cà Mau";

/** Cà Mau was re-established (split from Minh Hải) on 1 January 1997. */
export const PROVINCE_VALID_FROM = "1997-01-01";
/** The nine-district tree took its final shape when Năm Căn and Phú Tân were created (2003–2004). */
export const TREE_VALID_FROM = "2004-01-01";
/** Last day of the three-level system. */
export const PRE_2025_VALID_TO = "2025-06-30";
/** First day of the new province and of its two-level system (Resolution 1655/NQ-UBTVQH15). */
export const POST_2025_VALID_FROM = "2025-07-01";

export interface DistrictData {
  code: string;
  name: string;
  /** Communes, wards and townships: [code, name]. */
  communes: ReadonlyArray<readonly [string, string]>;
}

/** A province's three-level tree before the reform: the province, its districts, their communes. */
export function preReformTree(provinceCode: string, provinceName: string, provinceFrom: string, treeFrom: string, districts: readonly DistrictData[]): AdministrativeUnitData[] {
  const units: AdministrativeUnitData[] = [
    { code: provinceCode, name: provinceName, level: "PROVINCE", parentCode: null, codeSystem: "PRE_2025", validFrom: provinceFrom, validTo: PRE_2025_VALID_TO },
  ];
  for (const district of districts) {
    units.push({ code: district.code, name: district.name, level: "DISTRICT", parentCode: provinceCode, codeSystem: "PRE_2025", validFrom: treeFrom, validTo: PRE_2025_VALID_TO });
    for (const [code, name] of district.communes) {
      units.push({ code, name, level: "COMMUNE", parentCode: district.code, codeSystem: "PRE_2025", validFrom: treeFrom, validTo: PRE_2025_VALID_TO });
    }
  }
  return units;
}

/** The new province's two-level tree: the province and its communes and wards ([code, name, ...]). */
export function postReformTree(communes: ReadonlyArray<readonly [string, string, ...string[]]>): AdministrativeUnitData[] {
  return [
    { code: PROVINCE_CODE, name: PROVINCE_NAME, level: "PROVINCE", parentCode: null, codeSystem: "POST_2025", validFrom: POST_2025_VALID_FROM, validTo: null },
    ...communes.map(([code, name]): AdministrativeUnitData => ({ code, name, level: "COMMUNE", parentCode: PROVINCE_CODE, codeSystem: "POST_2025", validFrom: POST_2025_VALID_FROM, validTo: null })),
  ];
}
