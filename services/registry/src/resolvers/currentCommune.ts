import { REFORM_DATE, reportAreaOf } from "@camau/shared";
import { RegistryContext } from "../context";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { unitKey } from "../loaders";

/**
 * Where a place recorded under (district, commune) is now: its commune-level unit since the
 * reform, an old commune's first successor in the resolution's order (as the report's byArea
 * counts it); null for a code the reference data does not know.
 */
export function currentCommuneOf(ctx: RegistryContext, districtCode: string | null, communeCode: string): Promise<AdministrativeUnit | null> | null {
  const area = reportAreaOf(REFORM_DATE, districtCode, communeCode);
  return area ? ctx.loaders.unitByKey.load(unitKey("POST_2025", area.code)) : null;
}
