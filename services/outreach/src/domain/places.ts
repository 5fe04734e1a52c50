import { REFORM_DATE, unitOf } from "@camau/shared";

/**
 * Where a class is held, checked against the administrative units of @camau/shared (the same
 * reference data the registry loads): before the reform of 1 July 2025 a district-level unit of
 * old Cà Mau or old Bạc Liêu and one of its communes; from the reform on one of the new
 * province's 64 commune-level units and no district.
 */

import type { InvalidInput } from "@camau/shared";

export { REFORM_DATE };

/** A district-level unit of the pre-2025 tree, or undefined. */
export function districtByCode(code: string | null | undefined): { code: string; name: string } | undefined {
  const unit = code ? unitOf("PRE_2025", code) : undefined;
  return unit?.level === "DISTRICT" ? unit : undefined;
}

/** Code system of a class's place: the tree in force on its first day. */
export function codeSystemOn(date: string): "PRE_2025" | "POST_2025" {
  return date < REFORM_DATE ? "PRE_2025" : "POST_2025";
}

export interface Place {
  districtCode: string | null;
  communeCode: string | null;
  /** Problems with the input fields; empty when the place is valid. */
  problems: InvalidInput[];
}

/**
 * Checks the place of a class starting on `startDate`. Before the reform a commune must lie in
 * the district given, and the district is derived from the commune when only the commune is
 * given; from the reform on a class has no district and its commune is one of the new units.
 */
export function resolvePlace(startDate: string, districtCode: string | null | undefined, communeCode: string | null | undefined): Place {
  const commune = communeCode ?? null;
  if (codeSystemOn(startDate) === "POST_2025") {
    const problems: InvalidInput[] = districtCode ? [{ path: "districtCode", message: `districts were abolished on ${REFORM_DATE}; a class starting then or later has only a commune` }] : [];
    if (commune !== null && unitOf("POST_2025", commune)?.level !== "COMMUNE") problems.push({ path: "communeCode", message: `is not a commune-level unit of Cà Mau since ${REFORM_DATE}` });
    return { districtCode: null, communeCode: commune, problems };
  }
  const communeUnit = commune !== null ? unitOf("PRE_2025", commune) : undefined;
  if (commune !== null && communeUnit?.level !== "COMMUNE") return { districtCode: districtCode ?? null, communeCode: commune, problems: [{ path: "communeCode", message: "is not a commune of Cà Mau or Bạc Liêu before the 2025 reform" }] };
  if (!districtCode) return { districtCode: communeUnit?.parentCode ?? null, communeCode: commune, problems: [] };
  const district = districtByCode(districtCode);
  if (!district) return { districtCode, communeCode: commune, problems: [{ path: "districtCode", message: `is not a district of Cà Mau or Bạc Liêu before ${REFORM_DATE}` }] };
  if (communeUnit && communeUnit.parentCode !== district.code) return { districtCode, communeCode: commune, problems: [{ path: "communeCode", message: `is not a commune of ${district.name}` }] };
  return { districtCode, communeCode: commune, problems: [] };
}
