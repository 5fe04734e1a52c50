import { INITIAL_PRE_2025_DISTRICTS } from "./initialAdministrativeUnits";
import { DistrictData, postReformTree, preReformTree, PROVINCE_CODE, PROVINCE_NAME, PROVINCE_VALID_FROM, TREE_VALID_FROM } from "./provinceTree";

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

export { DistrictData, POST_2025_VALID_FROM, PRE_2025_VALID_TO, PROVINCE_CODE, PROVINCE_NAME } from "./provinceTree";
export const BAC_LIEU_PROVINCE_CODE = "95";
export const BAC_LIEU_PROVINCE_NAME = "Tỉnh Bạc Liêu";

/** Date of the earliest GSO list checked for old Bạc Liêu (see "Known limits" above). */
const BAC_LIEU_VALID_FROM = "2021-11-01";

/**
 * GSO's codes where the first list had others, by district and commune name (names and their order
 * are the first list's): Cà Mau city's and the southern districts' codes were off.
 */
const GSO_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Thành phố Cà Mau
  "964": {
    "Phường 9": "31999",
    "Phường 4": "32002", // merged into Phường 2 on 2024-12-01; the merged ward kept 32002 and the name Phường 2
    "Phường 1": "32005",
    "Phường 5": "32008",
    "Phường 2": "32011",
    "Phường 8": "32014",
    "Phường 6": "32017",
    "Phường 7": "32020",
    "Phường Tân Xuyên": "32022",
    "Xã An Xuyên": "32023",
    "Phường Tân Thành": "32025",
    "Xã Tân Thành": "32026",
    "Xã Tắc Vân": "32029",
    "Xã Lý Văn Lâm": "32032",
    "Xã Định Bình": "32035",
    "Xã Hòa Thành": "32038",
    "Xã Hòa Tân": "32041",
  },
  // Huyện Đầm Dơi
  "970": {
    "Xã Tạ An Khương Nam": "32170",
    "Xã Tân Duyệt": "32173",
    "Xã Tân Dân": "32174",
    "Xã Tân Tiến": "32176",
    "Xã Quách Phẩm Bắc": "32179",
    "Xã Quách Phẩm": "32182",
    "Xã Thanh Tùng": "32185",
    "Xã Ngọc Chánh": "32186",
    "Xã Tân Thuận": "32167",
    "Xã Tân Đức": "32164",
  },
  // Huyện Năm Căn
  "971": {
    "Thị trấn Năm Căn": "32191",
    "Xã Hàm Rồng": "32194",
    "Xã Hiệp Tùng": "32197",
    "Xã Đất Mới": "32200",
    "Xã Lâm Hải": "32201",
    "Xã Hàng Vịnh": "32203",
    "Xã Tam Giang": "32206",
    "Xã Tam Giang Đông": "32209",
  },
  // Huyện Phú Tân
  "972": {
    "Thị trấn Cái Đôi Vàm": "32212",
    "Xã Phú Thuận": "32214",
    "Xã Phú Mỹ": "32215",
    "Xã Phú Tân": "32218",
    "Xã Tân Hải": "32221",
    "Xã Việt Thắng": "32224",
    "Xã Tân Hưng Tây": "32227",
    "Xã Rạch Chèo": "32228",
    "Xã Nguyễn Việt Khái": "32230",
  },
  // Huyện Ngọc Hiển
  "973": {
    "Xã Tam Giang Tây": "32233",
    "Xã Tân Ân Tây": "32236",
    "Xã Viên An Đông": "32239",
    "Xã Viên An": "32242",
    "Thị trấn Rạch Gốc": "32244",
    "Xã Tân Ân": "32245",
    "Xã Đất Mũi": "32248",
  },
};

/**
 * Old Cà Mau (96): nine district-level units, 101 communes, wards and townships (GSO 2021): the
 * first list (initialAdministrativeUnits.ts, which its migration must keep inserting) with GSO's
 * codes. Within a district, communes keep the order of the first list, which the demo dataset
 * draws from.
 */
export const PRE_2025_DISTRICTS: readonly DistrictData[] = INITIAL_PRE_2025_DISTRICTS.map((district) => {
  const codes = GSO_CODES[district.code];
  if (!codes) return district;
  return { ...district, communes: district.communes.map(([code, name]) => [codes[name] ?? code, name] as const) };
});

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

/** Old Cà Mau's units (code system PRE_2025). */
export const CA_MAU_PRE_2025_UNITS: readonly AdministrativeUnitData[] = preReformTree(PROVINCE_CODE, PROVINCE_NAME, PROVINCE_VALID_FROM, TREE_VALID_FROM, PRE_2025_DISTRICTS);

/** Old Bạc Liêu's units (code system PRE_2025: GSO codes are unique nationwide, so one system serves both provinces). */
export const BAC_LIEU_PRE_2025_UNITS: readonly AdministrativeUnitData[] = preReformTree(BAC_LIEU_PROVINCE_CODE, BAC_LIEU_PROVINCE_NAME, BAC_LIEU_VALID_FROM, BAC_LIEU_VALID_FROM, BAC_LIEU_PRE_2025_DISTRICTS);

/** The new province and its 64 units (code system POST_2025, no district level). */
export const POST_2025_UNITS: readonly AdministrativeUnitData[] = postReformTree(POST_2025_COMMUNES);

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
