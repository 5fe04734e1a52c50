import { placeInTerritory, rollupTotals, Territory } from "@camau/shared";
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

/** The snapshot at a date, restricted to the cooperatives whose place lies in a territory. */
export async function activeSnapshotIn(ctx: RegistryContext, date: string, territory: Territory): Promise<ActiveSnapshot> {
  const snapshot = await activeSnapshot(ctx, date);
  return { ...snapshot, groups: snapshot.groups.filter((g) => placeInTerritory(territory, g.districtCode, g.communeCode)) };
}

export function activeSnapshot(ctx: RegistryContext, date: string): Promise<ActiveSnapshot> {
  let byDate = memo.get(ctx);
  if (!byDate) memo.set(ctx, (byDate = new Map()));
  let found = byDate.get(date);
  if (!found) {
    found = load(ctx, date);
    byDate.set(date, found);
  }
  return found;
}

async function load(ctx: RegistryContext, date: string): Promise<ActiveSnapshot> {
  const [groups, reference] = await Promise.all([
    rollupTotals(ctx.dataSource, "active_cooperatives", date),
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
    // Cells as the migration's rollup_active_cooperatives builds them: sector, district, rating, new model, commune.
    groups: groups.map(({ cell: [sector, district, rating, newModel, commune], total }) => ({
      sectorCode: sector!,
      districtCode: district,
      communeCode: commune ?? null,
      rating: rating as Rating | null,
      isNewModel: newModel === "true",
      count: total,
    })),
    sectors: reference
      .filter((row) => row.kind === "SECTOR")
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((row) => ({ code: row.code, name: row.name })),
    districtNames,
  };
}
