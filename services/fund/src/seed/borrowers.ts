import { BAC_LIEU_PRE_2025_DISTRICTS, PRE_2025_DISTRICTS, REFORM_DATE, SECTORS } from "@camau/shared";
import type { RegistryDataset } from "@camau/demo-data";
import { BorrowerCandidate } from "./generateFund";

/**
 * The fund's borrowers from the registry's demo data: every cooperative with its sector and
 * district names and the periods in which it was ACTIVE (from its status history), so the fund
 * lends only to cooperatives that were ACTIVE when they applied and uses their real ids.
 */
export function borrowersFromRegistry(registry: Pick<RegistryDataset, "cooperatives" | "events">): BorrowerCandidate[] {
  // Old Cà Mau's cooperatives registered before the reform borrow over the whole history (its
  // figures were calibrated on that list, which comes first in the registry's order); old Bạc
  // Liêu's apply from the merger on, when the new province's fund took them in. Those registered
  // since have addresses without a district, which the fund's borrower snapshot cannot place.
  const caMau = new Set(PRE_2025_DISTRICTS.map((d) => d.code));
  const bacLieu = new Set(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => d.code));
  const sectorName = new Map(SECTORS.map((s) => [s.code, s.name]));
  const districtName = new Map([...PRE_2025_DISTRICTS, ...BAC_LIEU_PRE_2025_DISTRICTS].map((d) => [d.code, d.name]));
  const history = new Map<string, { on: string; at: string; status: string }[]>();
  for (const e of registry.events) {
    if (!e.statusAfter) continue;
    const list = history.get(e.cooperativeId) ?? [];
    list.push({ on: e.effectiveOn, at: e.recordedAt, status: e.statusAfter });
    history.set(e.cooperativeId, list);
  }
  const lenders = registry.cooperatives.filter((c) => c.districtCode !== null && (caMau.has(c.districtCode) || bacLieu.has(c.districtCode)));
  return lenders.map((c): BorrowerCandidate => {
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
    return {
      id: c.id,
      sectorCode: c.sectorCode,
      sectorName: sectorName.get(c.sectorCode) ?? c.sectorCode,
      districtCode: c.districtCode,
      districtName: districtName.get(c.districtCode!) ?? null,
      activeSpans,
      ...(bacLieu.has(c.districtCode!) ? { lendsFrom: REFORM_DATE } : {}),
    };
  });
}
