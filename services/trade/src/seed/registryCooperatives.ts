import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";
import { BAC_LIEU_PRE_2025_DISTRICTS, PRE_2025_DISTRICTS } from "@camau/shared";
import { CandidateCooperative } from "./generateTrade";

/** The part of a registry dataset the candidates are drawn from (any seed and scale: `npm run seed`). */
export interface RegistryCooperativesAndEvents {
  cooperatives: ReadonlyArray<{ id: string; name: string; sectorCode: string; districtCode: string | null; foundedOn: string }>;
  events: ReadonlyArray<{ cooperativeId: string; effectiveOn: string; statusAfter: string | null }>;
}

/** Sectors whose cooperatives make or sell the demo products. */
const PRODUCING_SECTORS = new Set(["AGRICULTURE", "FISHERIES", "FORESTRY", "SALT", "INDUSTRY_HANDICRAFTS", "TRADE_SERVICES", "OTHER"]);

/** The demo certifications and programs span 2019–2024: cooperatives taking part are ACTIVE throughout. */
const ACTIVE_FROM = "2019-01-01";
const ACTIVE_TO = "2024-12-31";

/**
 * Cooperatives of the registry's demo dataset (generated in memory by the registry's own
 * deterministic generator, with its default seed at scale 1, as the registry's seedIfEmpty loads
 * it) that were founded by 2019 and stayed ACTIVE until the end of 2024, in producing sectors, in
 * old Cà Mau: the demo catalogue and programs of the first years were drawn from them.
 * The trade database stores only their ids: there is no foreign key into the registry.
 */
export function registryDemoCooperatives(registry: RegistryCooperativesAndEvents = generateRegistry({ seed: DEFAULT_SEED, scale: 1 })): CandidateCooperative[] {
  return activeThroughFirstYears(registry, PRE_2025_DISTRICTS);
}

/** The same for old Bạc Liêu: the makers of its own products before the merger. */
export function registryBacLieuCooperatives(registry: RegistryCooperativesAndEvents): CandidateCooperative[] {
  return activeThroughFirstYears(registry, BAC_LIEU_PRE_2025_DISTRICTS);
}

function activeThroughFirstYears(registry: RegistryCooperativesAndEvents, districts: readonly { code: string }[]): CandidateCooperative[] {
  const statusEvents = new Map<string, { on: string; status: string }[]>();
  for (const e of registry.events) {
    if (e.statusAfter === null) continue;
    const list = statusEvents.get(e.cooperativeId);
    if (list) list.push({ on: e.effectiveOn, status: e.statusAfter });
    else statusEvents.set(e.cooperativeId, [{ on: e.effectiveOn, status: e.statusAfter }]);
  }
  const inProvince = new Set(districts.map((d) => d.code));
  return registry.cooperatives
    .filter((c) => c.districtCode !== null && inProvince.has(c.districtCode))
    .filter((c) => PRODUCING_SECTORS.has(c.sectorCode) && c.foundedOn <= ACTIVE_FROM)
    .filter((c) => (statusEvents.get(c.id) ?? []).every((e) => e.status === "ACTIVE" || e.on > ACTIVE_TO))
    .map((c) => ({ id: c.id, name: c.name, sectorCode: c.sectorCode, districtCode: c.districtCode ?? null }));
}

/** Last day of the demo history (continueTrade.ts). */
const HISTORY_TO = "2026-11-30";

/**
 * Cooperatives of the new province (both old provinces', those registered after the reform too)
 * that are ACTIVE at the end of the demo history, in producing sectors: the makers and
 * participants of 2025 and 2026.
 */
export function registryCooperativesNow(registry: RegistryCooperativesAndEvents): CandidateCooperative[] {
  const lastStatus = new Map<string, { on: string; status: string }>();
  for (const e of registry.events) {
    if (e.statusAfter === null || e.effectiveOn > HISTORY_TO) continue;
    const seen = lastStatus.get(e.cooperativeId);
    if (!seen || seen.on <= e.effectiveOn) lastStatus.set(e.cooperativeId, { on: e.effectiveOn, status: e.statusAfter });
  }
  return registry.cooperatives
    .filter((c) => PRODUCING_SECTORS.has(c.sectorCode) && lastStatus.get(c.id)?.status === "ACTIVE")
    .map((c) => ({ id: c.id, name: c.name, sectorCode: c.sectorCode, districtCode: c.districtCode ?? null }));
}
