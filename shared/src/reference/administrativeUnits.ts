/**
 * Administrative units of Cà Mau province, before and after the reform of 1 July 2025, as
 * versioned reference data. The succession between the two trees is in
 * administrativeUnitSuccession.ts.
 *
 * Sources (public documents and datasets; cross-checked against each other):
 * - Pre-2025 tree, codes and names of old Cà Mau (province 96) and old Bạc Liêu (province 95):
 *   the General Statistics Office's list of administrative units (danh mục đơn vị hành chính,
 *   Decision 124/2004/QĐ-TTg and its updates), as published by GSO and mirrored in the dataset
 *   github.com/daohoangson/dvhcvn (data/dvhcvn.json, snapshots v20211101 and v20250301).
 * - Post-2025 units, codes and names: the statistics office's letter 1027/CTK-CSCL of 25 June 2025
 *   (Appendix I, list and codes of commune-level units, rows 3258–3321 for Cà Mau); text in
 *   github.com/dvhcvn/20250701 (input/docs/1027_CTK-CSCL.md), cross-checked with
 *   github.com/thanglequoc/vietnamese-provinces-database
 *   (dataset-generation-scripts/resources/manual_seeds/wards/96_CaMau.sql): all 64 agree. The
 *   legal list of codes is the Prime Minister's Decision 19/2025/QĐ-TTg, in force 1 July 2025
 *   (datafiles.chinhphu.vn/cpp/files/vbpq/2025/7/19ttg.signed.pdf); its text was not at hand, so
 *   the codes here rest on the letter and the dataset above.
 * - The new province itself: Resolution 202/2025/QH15 of 12 June 2025 (Cà Mau + Bạc Liêu → Cà Mau,
 *   code 96); its 64 commune-level units: Resolution 1655/NQ-UBTVQH15 of 16 June 2025, in force
 *   from 1 July 2025 (55 communes, 9 wards).
 *
 * Known limits:
 * - The pre-2025 tree is GSO's list of 2021, the one the 2021 demo data uses. Resolution
 *   1252/NQ-UBTVQH15 (in force 1 December 2024) then merged Cà Mau city's Phường 4 (32002, less a
 *   small part given to Phường Tân Xuyên) and part of Phường 9 into Phường 2; in GSO's list of
 *   1 January 2025 the merged Phường 2 has code 32002 and 32011 is gone. That version is not
 *   modelled: a second unit with code 32002 would break the (code system, code) key. It does not
 *   change the succession: Phường 2, 4 and 9 and Tân Xuyên all went wholly into Phường An Xuyên.
 *   The same resolution moved part of Nguyễn Việt Khái into Cái Đôi Vàm (no code changed; both
 *   went wholly into the new Cái Đôi Vàm).
 * - Old Bạc Liêu's tree starts at 2021-11-01, the date of the earliest GSO list checked; it may
 *   be older but that is not verified.
 *
 * Written to the database by migrations (ReferenceData, then Reform2025Units). Once a migration
 * has run in production, change this data through a new migration.
 */

export type AdministrativeLevelCode = "PROVINCE" | "DISTRICT" | "COMMUNE";
export type CodeSystem = "PRE_2025" | "POST_2025";
/** Commune-level kind after the reform: xã (commune) or phường (ward); no townships remain. */
export type CommuneKind = "COMMUNE" | "WARD";

export interface AdministrativeUnitData {
  code: string;
  name: string;
  level: AdministrativeLevelCode;
  parentCode: string | null;
  codeSystem: CodeSystem;
  validFrom: string;
  validTo: string | null;
}

export const PROVINCE_CODE = "96";
export const PROVINCE_NAME = "Tỉnh Cà Mau";
export const BAC_LIEU_PROVINCE_CODE = "95";
export const BAC_LIEU_PROVINCE_NAME = "Tỉnh Bạc Liêu";

/** Cà Mau was re-established (split from Minh Hải) on 1 January 1997. */
const PROVINCE_VALID_FROM = "1997-01-01";
/** The nine-district tree took its final shape when Năm Căn and Phú Tân were created (2003–2004). */
const TREE_VALID_FROM = "2004-01-01";
/** Date of the earliest GSO list checked for old Bạc Liêu (see "Known limits" above). */
const BAC_LIEU_VALID_FROM = "2021-11-01";
/** Last day of the three-level system. */
export const PRE_2025_VALID_TO = "2025-06-30";
/** First day of the new province and of its two-level system (Resolution 1655/NQ-UBTVQH15). */
export const POST_2025_VALID_FROM = "2025-07-01";

export interface DistrictData {
  code: string;
  name: string;
  /** Communes, wards and townships: [code, name]. */
  communes: ReadonlyArray<readonly [string, string]>;
}

/**
 * Old Cà Mau (96): nine district-level units, 101 communes, wards and townships (GSO 2021). Within
 * a district, communes keep the order of the first list (initialAdministrativeUnits.ts), which the
 * demo dataset draws from.
 */
export const PRE_2025_DISTRICTS: readonly DistrictData[] = [
  {
    code: "964",
    name: "Thành phố Cà Mau",
    communes: [
      ["31999", "Phường 9"],
      ["32002", "Phường 4"], // merged into Phường 2 on 2024-12-01; the merged ward kept 32002 and the name Phường 2
      ["32005", "Phường 1"],
      ["32008", "Phường 5"],
      ["32011", "Phường 2"],
      ["32014", "Phường 8"],
      ["32017", "Phường 6"],
      ["32020", "Phường 7"],
      ["32022", "Phường Tân Xuyên"],
      ["32023", "Xã An Xuyên"],
      ["32025", "Phường Tân Thành"],
      ["32026", "Xã Tân Thành"],
      ["32029", "Xã Tắc Vân"],
      ["32032", "Xã Lý Văn Lâm"],
      ["32035", "Xã Định Bình"],
      ["32038", "Xã Hòa Thành"],
      ["32041", "Xã Hòa Tân"],
    ],
  },
  {
    code: "966",
    name: "Huyện U Minh",
    communes: [
      ["32044", "Thị trấn U Minh"],
      ["32047", "Xã Khánh Hòa"],
      ["32048", "Xã Khánh Thuận"],
      ["32050", "Xã Khánh Tiến"],
      ["32053", "Xã Nguyễn Phích"],
      ["32056", "Xã Khánh Lâm"],
      ["32059", "Xã Khánh An"],
      ["32062", "Xã Khánh Hội"],
    ],
  },
  {
    code: "967",
    name: "Huyện Thới Bình",
    communes: [
      ["32065", "Thị trấn Thới Bình"],
      ["32068", "Xã Biển Bạch"],
      ["32069", "Xã Tân Bằng"],
      ["32071", "Xã Trí Phải"],
      ["32072", "Xã Trí Lực"],
      ["32074", "Xã Biển Bạch Đông"],
      ["32077", "Xã Thới Bình"],
      ["32080", "Xã Tân Phú"],
      ["32083", "Xã Tân Lộc Bắc"],
      ["32086", "Xã Tân Lộc"],
      ["32089", "Xã Tân Lộc Đông"],
      ["32092", "Xã Hồ Thị Kỷ"],
    ],
  },
  {
    code: "968",
    name: "Huyện Trần Văn Thời",
    communes: [
      ["32095", "Thị trấn Trần Văn Thời"],
      ["32098", "Thị trấn Sông Đốc"],
      ["32101", "Xã Khánh Bình Tây Bắc"],
      ["32104", "Xã Khánh Bình Tây"],
      ["32107", "Xã Trần Hợi"],
      ["32108", "Xã Khánh Lộc"],
      ["32110", "Xã Khánh Bình"],
      ["32113", "Xã Khánh Hưng"],
      ["32116", "Xã Khánh Bình Đông"],
      ["32119", "Xã Khánh Hải"],
      ["32122", "Xã Lợi An"],
      ["32124", "Xã Phong Điền"],
      ["32125", "Xã Phong Lạc"],
    ],
  },
  {
    code: "969",
    name: "Huyện Cái Nước",
    communes: [
      ["32128", "Thị trấn Cái Nước"],
      ["32130", "Xã Thạnh Phú"],
      ["32131", "Xã Lương Thế Trân"],
      ["32134", "Xã Phú Hưng"],
      ["32137", "Xã Tân Hưng"],
      ["32140", "Xã Hưng Mỹ"],
      ["32141", "Xã Hòa Mỹ"],
      ["32142", "Xã Đông Hưng"],
      ["32143", "Xã Đông Thới"],
      ["32146", "Xã Tân Hưng Đông"],
      ["32149", "Xã Trần Thới"],
    ],
  },
  {
    code: "970",
    name: "Huyện Đầm Dơi",
    communes: [
      ["32152", "Thị trấn Đầm Dơi"],
      ["32155", "Xã Tạ An Khương"],
      ["32158", "Xã Tạ An Khương Đông"],
      ["32161", "Xã Trần Phán"],
      ["32162", "Xã Tân Trung"],
      ["32170", "Xã Tạ An Khương Nam"],
      ["32173", "Xã Tân Duyệt"],
      ["32174", "Xã Tân Dân"],
      ["32176", "Xã Tân Tiến"],
      ["32179", "Xã Quách Phẩm Bắc"],
      ["32182", "Xã Quách Phẩm"],
      ["32185", "Xã Thanh Tùng"],
      ["32186", "Xã Ngọc Chánh"],
      ["32188", "Xã Nguyễn Huân"],
      ["32167", "Xã Tân Thuận"],
      ["32164", "Xã Tân Đức"],
    ],
  },
  {
    code: "971",
    name: "Huyện Năm Căn",
    communes: [
      ["32191", "Thị trấn Năm Căn"],
      ["32194", "Xã Hàm Rồng"],
      ["32197", "Xã Hiệp Tùng"],
      ["32200", "Xã Đất Mới"],
      ["32201", "Xã Lâm Hải"],
      ["32203", "Xã Hàng Vịnh"],
      ["32206", "Xã Tam Giang"],
      ["32209", "Xã Tam Giang Đông"],
    ],
  },
  {
    code: "972",
    name: "Huyện Phú Tân",
    communes: [
      ["32212", "Thị trấn Cái Đôi Vàm"],
      ["32214", "Xã Phú Thuận"],
      ["32215", "Xã Phú Mỹ"],
      ["32218", "Xã Phú Tân"],
      ["32221", "Xã Tân Hải"],
      ["32224", "Xã Việt Thắng"],
      ["32227", "Xã Tân Hưng Tây"],
      ["32228", "Xã Rạch Chèo"],
      ["32230", "Xã Nguyễn Việt Khái"],
    ],
  },
  {
    code: "973",
    name: "Huyện Ngọc Hiển",
    communes: [
      ["32233", "Xã Tam Giang Tây"],
      ["32236", "Xã Tân Ân Tây"],
      ["32239", "Xã Viên An Đông"],
      ["32242", "Xã Viên An"],
      ["32244", "Thị trấn Rạch Gốc"],
      ["32245", "Xã Tân Ân"],
      ["32248", "Xã Đất Mũi"],
    ],
  },
];

/** Old Bạc Liêu (95): seven district-level units, 64 communes, wards and townships (GSO 2021). */
export const BAC_LIEU_PRE_2025_DISTRICTS: readonly DistrictData[] = [
  {
    code: "954",
    name: "Thành phố Bạc Liêu",
    communes: [
      ["31813", "Phường 2"],
      ["31816", "Phường 3"],
      ["31819", "Phường 5"],
      ["31822", "Phường 7"],
      ["31825", "Phường 1"],
      ["31828", "Phường 8"],
      ["31831", "Phường Nhà Mát"],
      ["31834", "Xã Vĩnh Trạch"],
      ["31837", "Xã Vĩnh Trạch Đông"],
      ["31840", "Xã Hiệp Thành"],
    ],
  },
  {
    code: "956",
    name: "Huyện Hồng Dân",
    communes: [
      ["31843", "Thị trấn Ngan Dừa"],
      ["31846", "Xã Ninh Quới"],
      ["31849", "Xã Ninh Quới A"],
      ["31852", "Xã Ninh Hòa"],
      ["31855", "Xã Lộc Ninh"],
      ["31858", "Xã Vĩnh Lộc"],
      ["31861", "Xã Vĩnh Lộc A"],
      ["31863", "Xã Ninh Thạnh Lợi A"],
      ["31864", "Xã Ninh Thạnh Lợi"],
    ],
  },
  {
    code: "957",
    name: "Huyện Phước Long",
    communes: [
      ["31867", "Thị trấn Phước Long"],
      ["31870", "Xã Vĩnh Phú Đông"],
      ["31873", "Xã Vĩnh Phú Tây"],
      ["31876", "Xã Phước Long"],
      ["31879", "Xã Hưng Phú"],
      ["31882", "Xã Vĩnh Thanh"],
      ["31885", "Xã Phong Thạnh Tây A"],
      ["31888", "Xã Phong Thạnh Tây B"],
    ],
  },
  {
    code: "958",
    name: "Huyện Vĩnh Lợi",
    communes: [
      ["31894", "Xã Vĩnh Hưng"],
      ["31897", "Xã Vĩnh Hưng A"],
      ["31900", "Thị trấn Châu Hưng"],
      ["31903", "Xã Châu Hưng A"],
      ["31906", "Xã Hưng Thành"],
      ["31909", "Xã Hưng Hội"],
      ["31912", "Xã Châu Thới"],
      ["31921", "Xã Long Thạnh"],
    ],
  },
  {
    code: "959",
    name: "Thị xã Giá Rai",
    communes: [
      ["31942", "Phường 1"],
      ["31945", "Phường Hộ Phòng"],
      ["31948", "Xã Phong Thạnh Đông"],
      ["31951", "Phường Láng Tròn"],
      ["31954", "Xã Phong Tân"],
      ["31957", "Xã Tân Phong"],
      ["31960", "Xã Phong Thạnh"],
      ["31963", "Xã Phong Thạnh A"],
      ["31966", "Xã Phong Thạnh Tây"],
      ["31969", "Xã Tân Thạnh"],
    ],
  },
  {
    code: "960",
    name: "Huyện Đông Hải",
    communes: [
      ["31972", "Thị trấn Gành Hào"],
      ["31975", "Xã Long Điền Đông"],
      ["31978", "Xã Long Điền Đông A"],
      ["31981", "Xã Long Điền"],
      ["31984", "Xã Long Điền Tây"],
      ["31985", "Xã Điền Hải"],
      ["31987", "Xã An Trạch"],
      ["31988", "Xã An Trạch A"],
      ["31990", "Xã An Phúc"],
      ["31993", "Xã Định Thành"],
      ["31996", "Xã Định Thành A"],
    ],
  },
  {
    code: "961",
    name: "Huyện Hòa Bình",
    communes: [
      ["31891", "Thị trấn Hòa Bình"],
      ["31915", "Xã Minh Diệu"],
      ["31918", "Xã Vĩnh Bình"],
      ["31924", "Xã Vĩnh Mỹ B"],
      ["31927", "Xã Vĩnh Hậu"],
      ["31930", "Xã Vĩnh Hậu A"],
      ["31933", "Xã Vĩnh Mỹ A"],
      ["31936", "Xã Vĩnh Thịnh"],
    ],
  },
];

/** The new Cà Mau province's 64 commune-level units: [official code, name, kind]. */
export const POST_2025_COMMUNES: ReadonlyArray<readonly [string, string, CommuneKind]> = [
  ["31825", "Phường Bạc Liêu", "WARD"],
  ["31834", "Phường Vĩnh Trạch", "WARD"],
  ["31840", "Phường Hiệp Thành", "WARD"],
  ["31843", "Xã Hồng Dân", "COMMUNE"],
  ["31849", "Xã Ninh Quới", "COMMUNE"],
  ["31858", "Xã Vĩnh Lộc", "COMMUNE"],
  ["31864", "Xã Ninh Thạnh Lợi", "COMMUNE"],
  ["31867", "Xã Phước Long", "COMMUNE"],
  ["31876", "Xã Vĩnh Phước", "COMMUNE"],
  ["31882", "Xã Vĩnh Thanh", "COMMUNE"],
  ["31885", "Xã Phong Hiệp", "COMMUNE"],
  ["31891", "Xã Hòa Bình", "COMMUNE"],
  ["31894", "Xã Châu Thới", "COMMUNE"],
  ["31900", "Xã Vĩnh Lợi", "COMMUNE"],
  ["31906", "Xã Hưng Hội", "COMMUNE"],
  ["31918", "Xã Vĩnh Mỹ", "COMMUNE"],
  ["31927", "Xã Vĩnh Hậu", "COMMUNE"],
  ["31942", "Phường Giá Rai", "WARD"],
  ["31951", "Phường Láng Tròn", "WARD"],
  ["31957", "Xã Phong Thạnh", "COMMUNE"],
  ["31972", "Xã Gành Hào", "COMMUNE"],
  ["31975", "Xã Đông Hải", "COMMUNE"],
  ["31985", "Xã Long Điền", "COMMUNE"],
  ["31988", "Xã An Trạch", "COMMUNE"],
  ["31993", "Xã Định Thành", "COMMUNE"],
  ["32002", "Phường An Xuyên", "WARD"],
  ["32014", "Phường Lý Văn Lâm", "WARD"],
  ["32025", "Phường Tân Thành", "WARD"],
  ["32041", "Phường Hòa Thành", "WARD"],
  ["32044", "Xã Nguyễn Phích", "COMMUNE"],
  ["32047", "Xã U Minh", "COMMUNE"],
  ["32059", "Xã Khánh An", "COMMUNE"],
  ["32062", "Xã Khánh Lâm", "COMMUNE"],
  ["32065", "Xã Thới Bình", "COMMUNE"],
  ["32069", "Xã Biển Bạch", "COMMUNE"],
  ["32071", "Xã Trí Phải", "COMMUNE"],
  ["32083", "Xã Tân Lộc", "COMMUNE"],
  ["32092", "Xã Hồ Thị Kỷ", "COMMUNE"],
  ["32095", "Xã Trần Văn Thời", "COMMUNE"],
  ["32098", "Xã Sông Đốc", "COMMUNE"],
  ["32104", "Xã Đá Bạc", "COMMUNE"],
  ["32110", "Xã Khánh Bình", "COMMUNE"],
  ["32119", "Xã Khánh Hưng", "COMMUNE"],
  ["32128", "Xã Cái Nước", "COMMUNE"],
  ["32134", "Xã Lương Thế Trân", "COMMUNE"],
  ["32137", "Xã Tân Hưng", "COMMUNE"],
  ["32140", "Xã Hưng Mỹ", "COMMUNE"],
  ["32152", "Xã Đầm Dơi", "COMMUNE"],
  ["32155", "Xã Tạ An Khương", "COMMUNE"],
  ["32161", "Xã Trần Phán", "COMMUNE"],
  ["32167", "Xã Tân Thuận", "COMMUNE"],
  ["32182", "Xã Quách Phẩm", "COMMUNE"],
  ["32185", "Xã Thanh Tùng", "COMMUNE"],
  ["32188", "Xã Tân Tiến", "COMMUNE"],
  ["32191", "Xã Năm Căn", "COMMUNE"],
  ["32201", "Xã Đất Mới", "COMMUNE"],
  ["32206", "Xã Tam Giang", "COMMUNE"],
  ["32212", "Xã Cái Đôi Vàm", "COMMUNE"],
  ["32214", "Xã Phú Mỹ", "COMMUNE"],
  ["32218", "Xã Phú Tân", "COMMUNE"],
  ["32227", "Xã Nguyễn Việt Khái", "COMMUNE"],
  ["32236", "Xã Tân Ân", "COMMUNE"],
  ["32244", "Xã Phan Ngọc Hiển", "COMMUNE"],
  ["32248", "Xã Đất Mũi", "COMMUNE"],
];

function preReformTree(provinceCode: string, provinceName: string, provinceFrom: string, treeFrom: string, districts: readonly DistrictData[]): AdministrativeUnitData[] {
  const units: AdministrativeUnitData[] = [
    { code: provinceCode, name: provinceName, level: "PROVINCE", parentCode: null, codeSystem: "PRE_2025", validFrom: provinceFrom, validTo: PRE_2025_VALID_TO },
  ];
  for (const district of districts) {
    units.push({ code: district.code, name: district.name, level: "DISTRICT", parentCode: provinceCode, codeSystem: "PRE_2025", validFrom: treeFrom, validTo: PRE_2025_VALID_TO });
    for (const [code, name] of district.communes) {
      units.push({ code, name, level: "COMMUNE", parentCode: district.code, codeSystem: "PRE_2025", validFrom: treeFrom, validTo: PRE_2025_VALID_TO });
    }
  }
  return units;
}

/** Old Cà Mau's units (code system PRE_2025). */
export const CA_MAU_PRE_2025_UNITS: readonly AdministrativeUnitData[] = preReformTree(PROVINCE_CODE, PROVINCE_NAME, PROVINCE_VALID_FROM, TREE_VALID_FROM, PRE_2025_DISTRICTS);

/** Old Bạc Liêu's units (code system PRE_2025: GSO codes are unique nationwide, so one system serves both provinces). */
export const BAC_LIEU_PRE_2025_UNITS: readonly AdministrativeUnitData[] = preReformTree(BAC_LIEU_PROVINCE_CODE, BAC_LIEU_PROVINCE_NAME, BAC_LIEU_VALID_FROM, BAC_LIEU_VALID_FROM, BAC_LIEU_PRE_2025_DISTRICTS);

/** The new province and its 64 units (code system POST_2025, no district level). */
export const POST_2025_UNITS: readonly AdministrativeUnitData[] = [
  { code: PROVINCE_CODE, name: PROVINCE_NAME, level: "PROVINCE", parentCode: null, codeSystem: "POST_2025", validFrom: POST_2025_VALID_FROM, validTo: null },
  ...POST_2025_COMMUNES.map(([code, name]): AdministrativeUnitData => ({ code, name, level: "COMMUNE", parentCode: PROVINCE_CODE, codeSystem: "POST_2025", validFrom: POST_2025_VALID_FROM, validTo: null })),
];

/** Every unit, both code systems, both old provinces: what the database holds after the migrations. */
export const ADMINISTRATIVE_UNITS: readonly AdministrativeUnitData[] = [...CA_MAU_PRE_2025_UNITS, ...BAC_LIEU_PRE_2025_UNITS, ...POST_2025_UNITS];

/** A pre-2025 commune of old Cà Mau with its district, for the demo dataset. */
export interface CommuneRef {
  code: string;
  name: string;
  districtCode: string;
  /** Ward (phường) or township (thị trấn): an urban unit. */
  urban: boolean;
  /** The name without "Xã", "Phường" or "Thị trấn", e.g. "Tân Hưng"; numbered wards keep "Phường". */
  placeName: string;
}

export function placeNameOf(unitName: string): string {
  if (/^Phường \d+$/.test(unitName)) return unitName;
  return unitName.replace(/^(Xã|Phường|Thị trấn) /, "");
}

export const PRE_2025_COMMUNES: readonly CommuneRef[] = PRE_2025_DISTRICTS.flatMap((d) =>
  d.communes.map(([code, name]) => ({
    code,
    name,
    districtCode: d.code,
    urban: name.startsWith("Phường") || name.startsWith("Thị trấn"),
    placeName: placeNameOf(name),
  })),
);
