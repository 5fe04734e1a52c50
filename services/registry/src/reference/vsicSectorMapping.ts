import { SectorCode } from "@camau/shared";

/**
 * VSIC 2018 (Decision 27/2018/QĐ-TTg) code prefixes → statistical sector. A business line belongs
 * to the sector of its longest matching prefix; codes no prefix matches belong to OTHER.
 * Written to the database by the ReferenceData migration; later changes need a new migration.
 */

export interface VsicSectorMappingData {
  vsicPrefix: string;
  sectorCode: SectorCode;
}

export const DEFAULT_SECTOR_CODE: SectorCode = "OTHER";

function range(from: number, to: number, sectorCode: SectorCode): VsicSectorMappingData[] {
  const rows: VsicSectorMappingData[] = [];
  for (let division = from; division <= to; division++) rows.push({ vsicPrefix: String(division).padStart(2, "0"), sectorCode });
  return rows;
}

export const VSIC_SECTOR_MAPPING: readonly VsicSectorMappingData[] = [
  // Section A: agriculture, forestry and fishing.
  { vsicPrefix: "01", sectorCode: "AGRICULTURE" }, // crop and animal production, agricultural services
  { vsicPrefix: "02", sectorCode: "FORESTRY" }, // forestry and logging
  { vsicPrefix: "03", sectorCode: "FISHERIES" }, // fishing and aquaculture
  // Section B: salt extraction (0893) is its own sector; other mining falls to OTHER.
  { vsicPrefix: "0893", sectorCode: "SALT" },
  // Section C: manufacturing, including rural trades and handicrafts (divisions 10–33).
  ...range(10, 33, "INDUSTRY_HANDICRAFTS"),
  // Section E: water supply, sewerage, waste management and remediation (36–39).
  ...range(36, 39, "ENVIRONMENT"),
  // Section F: construction.
  ...range(41, 43, "CONSTRUCTION"),
  // Section G: wholesale and retail trade; Section I: accommodation and food services.
  ...range(45, 47, "TRADE_SERVICES"),
  ...range(55, 56, "TRADE_SERVICES"),
  // Section H: transport and storage.
  ...range(49, 53, "TRANSPORT"),
  // People's credit funds are "other monetary intermediation".
  { vsicPrefix: "6419", sectorCode: "PEOPLES_CREDIT_FUND" },
];

/** Sector of a VSIC code by the longest matching prefix of a mapping (OTHER when none matches). */
export function sectorForVsic(vsicCode: string, mapping: readonly { vsicPrefix: string; sectorCode: string }[] = VSIC_SECTOR_MAPPING): string {
  let best: { vsicPrefix: string; sectorCode: string } | undefined;
  for (const row of mapping) {
    if (vsicCode.startsWith(row.vsicPrefix) && (!best || row.vsicPrefix.length > best.vsicPrefix.length)) best = row;
  }
  return best ? best.sectorCode : DEFAULT_SECTOR_CODE;
}
