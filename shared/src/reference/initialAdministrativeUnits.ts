/**
 * FROZEN: Cà Mau's administrative units exactly as the first ReferenceData migration inserted
 * them, so that migration inserts the same rows on every new database. Several commune codes
 * here are wrong and the post-2025 part is an illustrative handful; the Reform2025Units
 * migration corrects both from the current data in administrativeUnits.ts. Do not edit.
 */

import type { AdministrativeUnitData } from "./administrativeUnits";
import { DistrictData, postReformTree, preReformTree, PROVINCE_CODE, PROVINCE_NAME, PROVINCE_VALID_FROM, TREE_VALID_FROM } from "./provinceTree";

/** The pre-2025 tree: the nine district-level units and their 101 communes, wards and townships. */
export const INITIAL_PRE_2025_DISTRICTS: readonly DistrictData[] = [
  {
    code: "964",
    name: "Thành phố Cà Mau",
    communes: [
      ["32002", "Phường 9"],
      ["32005", "Phường 4"],
      ["32008", "Phường 1"],
      ["32011", "Phường 5"],
      ["32014", "Phường 2"],
      ["32017", "Phường 8"],
      ["32020", "Phường 6"],
      ["32023", "Phường 7"],
      ["32025", "Phường Tân Xuyên"],
      ["32026", "Xã An Xuyên"],
      ["32027", "Phường Tân Thành"],
      ["32029", "Xã Tân Thành"], // uncertain code
      ["32032", "Xã Tắc Vân"],
      ["32035", "Xã Lý Văn Lâm"],
      ["32038", "Xã Định Bình"],
      ["32041", "Xã Hòa Thành"],
      ["32042", "Xã Hòa Tân"], // uncertain code
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
      ["32164", "Xã Tạ An Khương Nam"],
      ["32167", "Xã Tân Duyệt"],
      ["32170", "Xã Tân Dân"],
      ["32173", "Xã Tân Tiến"],
      ["32176", "Xã Quách Phẩm Bắc"],
      ["32179", "Xã Quách Phẩm"],
      ["32182", "Xã Thanh Tùng"],
      ["32185", "Xã Ngọc Chánh"],
      ["32188", "Xã Nguyễn Huân"],
      ["32191", "Xã Tân Thuận"],
      ["32194", "Xã Tân Đức"], // uncertain code
    ],
  },
  {
    code: "971",
    name: "Huyện Năm Căn",
    communes: [
      ["32197", "Thị trấn Năm Căn"],
      ["32200", "Xã Hàm Rồng"],
      ["32203", "Xã Hiệp Tùng"],
      ["32206", "Xã Đất Mới"],
      ["32209", "Xã Lâm Hải"],
      ["32212", "Xã Hàng Vịnh"],
      ["32215", "Xã Tam Giang"],
      ["32218", "Xã Tam Giang Đông"],
    ],
  },
  {
    code: "972",
    name: "Huyện Phú Tân",
    communes: [
      ["32221", "Thị trấn Cái Đôi Vàm"],
      ["32222", "Xã Phú Thuận"],
      ["32224", "Xã Phú Mỹ"],
      ["32225", "Xã Phú Tân"],
      ["32227", "Xã Tân Hải"],
      ["32230", "Xã Việt Thắng"],
      ["32233", "Xã Tân Hưng Tây"],
      ["32236", "Xã Rạch Chèo"],
      ["32239", "Xã Nguyễn Việt Khái"],
    ],
  },
  {
    code: "973",
    name: "Huyện Ngọc Hiển",
    communes: [
      ["32242", "Xã Tam Giang Tây"],
      ["32245", "Xã Tân Ân Tây"],
      ["32248", "Xã Viên An Đông"],
      ["32251", "Xã Viên An"],
      ["32252", "Thị trấn Rạch Gốc"],
      ["32254", "Xã Tân Ân"],
      ["32257", "Xã Đất Mũi"],
    ],
  },
];

/**
 * ILLUSTRATIVE sample of the post-2025 province's 64 communes and wards. Names are believed to be
 * real; CODES ARE ILLUSTRATIVE (each reuses the code of one former unit it absorbed, or a code in
 * former Bạc Liêu's range) and must be replaced by the official list before use in reports.
 */
export const INITIAL_POST_2025_COMMUNES: ReadonlyArray<readonly [string, string]> = [
  ["32002", "Phường An Xuyên"],
  ["32035", "Phường Lý Văn Lâm"],
  ["32027", "Phường Tân Thành"],
  ["32041", "Phường Hòa Thành"],
  ["31825", "Phường Bạc Liêu"],
  ["31834", "Phường Vĩnh Trạch"],
  ["31843", "Phường Hiệp Thành"],
  ["31942", "Phường Giá Rai"],
  ["31951", "Phường Láng Tròn"],
  ["32044", "Xã U Minh"],
  ["32053", "Xã Nguyễn Phích"],
  ["32065", "Xã Thới Bình"],
  ["32095", "Xã Trần Văn Thời"],
  ["32098", "Xã Sông Đốc"],
  ["32128", "Xã Cái Nước"],
  ["32152", "Xã Đầm Dơi"],
  ["32197", "Xã Năm Căn"],
  ["32221", "Xã Cái Đôi Vàm"],
  ["32257", "Xã Đất Mũi"],
];

/** Every unit, both code systems: what the ReferenceData migration inserts. */
export const INITIAL_ADMINISTRATIVE_UNITS: readonly AdministrativeUnitData[] = [
  ...preReformTree(PROVINCE_CODE, PROVINCE_NAME, PROVINCE_VALID_FROM, TREE_VALID_FROM, INITIAL_PRE_2025_DISTRICTS),
  ...postReformTree(INITIAL_POST_2025_COMMUNES),
];
