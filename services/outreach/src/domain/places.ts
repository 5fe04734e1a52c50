/**
 * Where a class is held. The registry owns Cà Mau's administrative units; this subgraph keeps
 * only what it needs to validate a class's place without calling it: the nine district-level
 * units of the pre-2025 tree and the range of commune codes each of them covers (GSO codes, as
 * in the registry's reference data). After the reform of 1 July 2025 there are no districts.
 */

import type { InvalidInput } from "@camau/shared";

/** First day of the two-level tree (no districts). */
export const REFORM_DATE = "2025-07-01";

export interface District {
  code: string;
  name: string;
  /** Lowest and highest commune code of the district (inclusive). */
  communes: readonly [string, string];
}

export const PRE_2025_DISTRICTS: readonly District[] = [
  { code: "964", name: "Thành phố Cà Mau", communes: ["32002", "32042"] },
  { code: "966", name: "Huyện U Minh", communes: ["32044", "32062"] },
  { code: "967", name: "Huyện Thới Bình", communes: ["32065", "32092"] },
  { code: "968", name: "Huyện Trần Văn Thời", communes: ["32095", "32125"] },
  { code: "969", name: "Huyện Cái Nước", communes: ["32128", "32149"] },
  { code: "970", name: "Huyện Đầm Dơi", communes: ["32152", "32194"] },
  { code: "971", name: "Huyện Năm Căn", communes: ["32197", "32218"] },
  { code: "972", name: "Huyện Phú Tân", communes: ["32221", "32239"] },
  { code: "973", name: "Huyện Ngọc Hiển", communes: ["32242", "32257"] },
];

export function districtByCode(code: string | null | undefined): District | undefined {
  return PRE_2025_DISTRICTS.find((d) => d.code === code);
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
 * given; from the reform on a class has no district.
 */
export function resolvePlace(startDate: string, districtCode: string | null | undefined, communeCode: string | null | undefined): Place {
  const commune = communeCode ?? null;
  if (codeSystemOn(startDate) === "POST_2025") {
    const problems: InvalidInput[] = districtCode ? [{ path: "districtCode", message: `districts were abolished on ${REFORM_DATE}; a class starting then or later has only a commune` }] : [];
    return { districtCode: null, communeCode: commune, problems };
  }
  const inRange = (d: District) => commune !== null && commune >= d.communes[0] && commune <= d.communes[1];
  if (!districtCode) {
    if (commune === null) return { districtCode: null, communeCode: null, problems: [] };
    const owner = PRE_2025_DISTRICTS.find(inRange);
    return owner ? { districtCode: owner.code, communeCode: commune, problems: [] } : { districtCode: null, communeCode: commune, problems: [{ path: "communeCode", message: "is not a commune of Cà Mau before the 2025 reform" }] };
  }
  const district = districtByCode(districtCode);
  if (!district) return { districtCode, communeCode: commune, problems: [{ path: "districtCode", message: `is not a district of Cà Mau before ${REFORM_DATE} (964, 966–973)` }] };
  if (commune !== null && !inRange(district)) return { districtCode, communeCode: commune, problems: [{ path: "communeCode", message: `is not a commune of ${district.name}` }] };
  return { districtCode, communeCode: commune, problems: [] };
}
