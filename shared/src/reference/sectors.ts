/**
 * The statistical sectors (lĩnh vực) the provincial reports use for the collective economy.
 * Written to the database by the ReferenceData migration; later changes need a new migration.
 */

export interface SectorData {
  code: string;
  /** Vietnamese name, as in the provincial reports. */
  name: string;
  nameEn: string;
  /** Position in reports. */
  sortOrder: number;
}

export const SECTOR_CODES = [
  "AGRICULTURE",
  "FISHERIES",
  "FORESTRY",
  "SALT",
  "INDUSTRY_HANDICRAFTS",
  "CONSTRUCTION",
  "TRADE_SERVICES",
  "TRANSPORT",
  "PEOPLES_CREDIT_FUND",
  "ENVIRONMENT",
  "OTHER",
] as const;

export type SectorCode = (typeof SECTOR_CODES)[number];

export const SECTORS: readonly SectorData[] = [
  { code: "AGRICULTURE", name: "Nông nghiệp", nameEn: "Agriculture", sortOrder: 1 },
  { code: "FISHERIES", name: "Thủy sản", nameEn: "Fisheries and aquaculture", sortOrder: 2 },
  { code: "FORESTRY", name: "Lâm nghiệp", nameEn: "Forestry", sortOrder: 3 },
  { code: "SALT", name: "Diêm nghiệp", nameEn: "Salt production", sortOrder: 4 },
  { code: "INDUSTRY_HANDICRAFTS", name: "Công nghiệp – tiểu thủ công nghiệp, ngành nghề nông thôn", nameEn: "Industry, handicrafts and rural trades", sortOrder: 5 },
  { code: "CONSTRUCTION", name: "Xây dựng", nameEn: "Construction", sortOrder: 6 },
  { code: "TRADE_SERVICES", name: "Thương mại – dịch vụ", nameEn: "Trade and services", sortOrder: 7 },
  { code: "TRANSPORT", name: "Vận tải", nameEn: "Transport", sortOrder: 8 },
  { code: "PEOPLES_CREDIT_FUND", name: "Quỹ tín dụng nhân dân", nameEn: "People's credit funds", sortOrder: 9 },
  { code: "ENVIRONMENT", name: "Môi trường", nameEn: "Environment", sortOrder: 10 },
  { code: "OTHER", name: "Lĩnh vực khác", nameEn: "Other", sortOrder: 11 },
];
