import { RegistryContext } from "../context";
import { Rating } from "../domain/enums";
import { activeCooperativesAt, latestRatingAt } from "./statusAsOf";

/**
 * The active cooperatives at a date, counted by sector, district, latest rating and new-model
 * flag in ONE aggregate statement (issue 8). Five figures of the report (cooperativeCount,
 * newModelCooperativeCount, bySector, byDistrict, byRating) derive from it, so the status
 * history is scanned once per request instead of once per figure: at national scale each scan
 * costs hundreds of milliseconds. Memoised per request context and date, like the fund's totals.
 */
export interface ActiveGroup {
  sectorCode: string;
  districtCode: string | null;
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
    ctx.dataSource.query(
      `SELECT c.sector_code, c.district_code, r.rating, c.is_new_model, count(*) AS n
         FROM cooperative c
         JOIN (${activeCooperativesAt("$1")}) a ON a.id = c.id
         LEFT JOIN (${latestRatingAt("$1")}) r ON r.cooperative_id = c.id
        GROUP BY c.sector_code, c.district_code, r.rating, c.is_new_model`,
      [date],
    ) as Promise<{ sector_code: string; district_code: string | null; rating: Rating | null; is_new_model: boolean; n: string }[]>,
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
    groups: groups.map((g) => ({ sectorCode: g.sector_code, districtCode: g.district_code, rating: g.rating, isNewModel: g.is_new_model, count: Number(g.n) })),
    sectors: reference
      .filter((row) => row.kind === "SECTOR")
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((row) => ({ code: row.code, name: row.name })),
    districtNames,
  };
}
