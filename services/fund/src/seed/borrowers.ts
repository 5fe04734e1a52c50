import { BAC_LIEU_PRE_2025_DISTRICTS, communeNameOf, PRE_2025_DISTRICTS, SECTORS } from "@camau/shared";
import type { RegistryDataset } from "@camau/demo-data";
import { BorrowerCandidate, BorrowerOrigin } from "./generateFund";

/**
 * The fund's borrowers from the registry's demo data: every cooperative with its sector, district
 * and commune names and the periods in which it was ACTIVE (from its status history), so the fund
 * lends only to cooperatives that were ACTIVE when they applied and uses their real ids. Each
 * says whose books its loans before the merger were in (see generateFund's lending streams).
 */
export function borrowersFromRegistry(registry: Pick<RegistryDataset, "cooperatives" | "events">): BorrowerCandidate[] {
  const caMau = new Set(PRE_2025_DISTRICTS.map((d) => d.code));
  const bacLieu = new Set(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => d.code));
  const sectorName = new Map(SECTORS.map((s) => [s.code, s.name]));
  const districtName = new Map([...PRE_2025_DISTRICTS, ...BAC_LIEU_PRE_2025_DISTRICTS].map((d) => [d.code, d.name]));
  const originOf = (districtCode: string | null): BorrowerOrigin | null =>
    districtCode === null ? "SINCE_REFORM" : caMau.has(districtCode) ? "CA_MAU" : bacLieu.has(districtCode) ? "BAC_LIEU" : null;
  const history = new Map<string, { on: string; at: string; status: string }[]>();
  for (const e of registry.events) {
    if (!e.statusAfter) continue;
    const list = history.get(e.cooperativeId) ?? [];
    list.push({ on: e.effectiveOn, at: e.recordedAt, status: e.statusAfter });
    history.set(e.cooperativeId, list);
  }
  return registry.cooperatives.flatMap((c): BorrowerCandidate[] => {
    const origin = originOf(c.districtCode);
    if (origin === null) return [];
    const changes = (history.get(c.id) ?? []).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.at < b.at ? -1 : 1));
    const activeSpans: { from: string; to: string | null }[] = [];
    let open: string | null = null;
    for (const change of changes) {
      if (change.status === "ACTIVE" && open === null) open = change.on;
      else if (change.status !== "ACTIVE" && open !== null) {
        activeSpans.push({ from: open, to: change.on });
        open = null;
      }
    }
    if (open !== null) activeSpans.push({ from: open, to: null });
    return [{
      id: c.id,
      sectorCode: c.sectorCode,
      sectorName: sectorName.get(c.sectorCode) ?? c.sectorCode,
      districtCode: c.districtCode,
      districtName: c.districtCode ? (districtName.get(c.districtCode) ?? null) : null,
      communeCode: c.communeCode,
      communeName: communeNameOf(c.districtCode, c.communeCode),
      activeSpans,
      origin,
    }];
  });
}
