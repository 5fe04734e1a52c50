import { placeInTerritory, REFORM_DATE, ROLLUP_TOTALS_SQL, Territory } from "@camau/shared";
import { RegistryContext } from "../context";
import { Rating } from "../domain/enums";

/**
 * The active cooperatives at a date, counted by sector, district, latest rating and new-model
 * flag, read from the `active_cooperatives` rollup (about one row per cell, whatever the number
 * of cooperatives). Five figures of the report (cooperativeCount,
 * newModelCooperativeCount, bySector, byDistrict, byRating) derive from it. Memoised per request
 * context and date.
 */
export interface ActiveGroup {
  sectorCode: string;
  districtCode: string | null;
  communeCode: string | null;
  rating: Rating | null;
  isNewModel: boolean;
  count: number;
}

export interface ActiveSnapshot {
  groups: ActiveGroup[];
  /** Every sector in display order (the report lists sectors without cooperatives too). */
  sectors: { code: string; name: string }[];
  /** Names of the pre-2025 districts by code. */
  districtNames: Map<string, string>;
}

const memo = new WeakMap<RegistryContext, Map<string, Promise<ActiveSnapshot>>>();

/** Once per request context and key: the report's figures share one load and one territory filter. */
function memoised(ctx: RegistryContext, key: string, compute: () => Promise<ActiveSnapshot>): Promise<ActiveSnapshot> {
  let byKey = memo.get(ctx);
  if (!byKey) memo.set(ctx, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) {
    found = compute();
    byKey.set(key, found);
  }
  return found;
}

/**
 * The snapshot at a date, restricted to the cooperatives whose place lies in a territory (a
 * national registry has thousands of cells: filtered once per request, not once per figure).
 */
export function activeSnapshotIn(ctx: RegistryContext, date: string, territory: Territory): Promise<ActiveSnapshot> {
  return memoised(ctx, `${date} ${territory}`, async () => {
    const snapshot = await activeSnapshot(ctx, date);
    return { ...snapshot, groups: snapshot.groups.filter((g) => placeInTerritory(territory, g.districtCode, g.communeCode)) };
  });
}

export function activeSnapshot(ctx: RegistryContext, date: string): Promise<ActiveSnapshot> {
  return memoised(ctx, date, () => load(ctx, date));
}

/**
 * The rollup's cells on a date as plain columns, in the rollup's cell order (sector, district,
 * rating, new model, commune: as the migration's rollup_active_cooperatives builds them). A
 * national registry has thousands of cells, mostly for the commune: before the reform the report
 * needs the commune only of a place without a district (its territory; a district alone says
 * the territory and the area), so those cells are summed here; from the reform on the area is the
 * commune's. Plain columns, not the cell's array: parsing thousands of arrays was most of the
 * registry's time per report.
 */
const ACTIVE_COOPERATIVES_SQL = `
  SELECT t.cell[1] AS sector, t.cell[2] AS district, t.cell[3] AS rating, t.cell[4] AS new_model,
         CASE WHEN t.cell[2] IS NULL OR $2::date >= DATE '${REFORM_DATE}' THEN t.cell[5] END AS commune, sum(t.total) AS total
    FROM (${ROLLUP_TOTALS_SQL}) t
   GROUP BY 1, 2, 3, 4, 5`;

interface ActiveRow {
  sector: string;
  district: string | null;
  rating: string | null;
  new_model: string;
  commune: string | null;
  total: string;
}

async function load(ctx: RegistryContext, date: string): Promise<ActiveSnapshot> {
  const [groups, reference] = await Promise.all([
    ctx.dataSource.query(ACTIVE_COOPERATIVES_SQL, [["active_cooperatives"], date]) as Promise<ActiveRow[]>,
    ctx.dataSource.query(
      `SELECT 'SECTOR' AS kind, code, name, sort_order FROM sector
       UNION ALL
       SELECT 'DISTRICT', code, name, 0 FROM administrative_unit WHERE level = 'DISTRICT' AND code_system = 'PRE_2025'`,
    ) as Promise<{ kind: "SECTOR" | "DISTRICT"; code: string; name: string; sort_order: number }[]>,
  ]);
  const districtNames = new Map<string, string>();
  for (const row of reference) {
    if (row.kind !== "DISTRICT") continue;
    const known = districtNames.get(row.code);
    // min(name), as the per-figure statement chose when a code had two names.
    if (known === undefined || row.name < known) districtNames.set(row.code, row.name);
  }
  return {
    groups: groups.map((row) => ({
      sectorCode: row.sector,
      districtCode: row.district,
      communeCode: row.commune,
      rating: row.rating as Rating | null,
      isNewModel: row.new_model === "true",
      count: Number(row.total),
    })),
    sectors: reference
      .filter((row) => row.kind === "SECTOR")
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((row) => ({ code: row.code, name: row.name })),
    districtNames,
  };
}
