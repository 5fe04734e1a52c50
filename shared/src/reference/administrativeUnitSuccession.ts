/**
 * Succession of commune-level units at the reform of 1 July 2025: which new unit of Cà Mau
 * province (POST_2025 code) each old commune, ward or township of old Cà Mau and old Bạc Liêu
 * (PRE_2025 code) became part of.
 *
 * Source: Resolution 1655/NQ-UBTVQH15 of 16 June 2025, Article 1. Each clause forms one new unit
 * from the whole area and population (toàn bộ diện tích tự nhiên, quy mô dân số) of some old units
 * and part (một phần / phần còn lại) of others; clause 64 keeps Hồ Thị Kỷ as it was. An old unit
 * named whole has one row; an old unit split between new units has one row per part, none of
 * them whole. Text of the resolution: github.com/dvhcvn/20250701 (input/docs/1655_NQ-UBTVQH15.md)
 * and thuviennhadat.vn. Cross-checked against that repository's old → new mapping
 * (mapping/merges.json): all rows agree, whole/part included, except that it has no row for
 * Phường 2 (32011) of Cà Mau city: GSO retired that code when Phường 4 was merged into Phường 2
 * on 2024-12-01 (see administrativeUnits.ts).
 */

import { POST_2025_VALID_FROM } from "./administrativeUnits";

export interface SuccessionData {
  /** PRE_2025 code of the old commune, ward or township. */
  oldCode: string;
  /** POST_2025 code of the new unit. */
  newCode: string;
  /** True when the whole old unit went into the new one; false for one part of a split unit. */
  whole: boolean;
  effectiveOn: string;
  source: string;
}

export const SUCCESSION_SOURCE = "Resolution 1655/NQ-UBTVQH15 (16 June 2025)";

/** [old code, new code, whole, clause of Article 1]. */
const ROWS: ReadonlyArray<readonly [string, string, boolean, number]> = [
  ["32164", "32167", true, 1], // Xã Tân Đức (Huyện Đầm Dơi) → Xã Tân Thuận
  ["32167", "32167", true, 1], // Xã Tân Thuận (Huyện Đầm Dơi) → Xã Tân Thuận
  ["32188", "32188", true, 2], // Xã Nguyễn Huân (Huyện Đầm Dơi) → Xã Tân Tiến
  ["32176", "32188", true, 2], // Xã Tân Tiến (Huyện Đầm Dơi) → Xã Tân Tiến
  ["32158", "32155", true, 3], // Xã Tạ An Khương Đông (Huyện Đầm Dơi) → Xã Tạ An Khương
  ["32170", "32155", true, 3], // Xã Tạ An Khương Nam (Huyện Đầm Dơi) → Xã Tạ An Khương
  ["32155", "32155", false, 3], // Xã Tạ An Khương (Huyện Đầm Dơi) → Xã Tạ An Khương
  ["32162", "32161", true, 4], // Xã Tân Trung (Huyện Đầm Dơi) → Xã Trần Phán
  ["32161", "32161", true, 4], // Xã Trần Phán (Huyện Đầm Dơi) → Xã Trần Phán
  ["32186", "32185", true, 5], // Xã Ngọc Chánh (Huyện Đầm Dơi) → Xã Thanh Tùng
  ["32185", "32185", true, 5], // Xã Thanh Tùng (Huyện Đầm Dơi) → Xã Thanh Tùng
  ["32152", "32152", true, 6], // Thị trấn Đầm Dơi (Huyện Đầm Dơi) → Xã Đầm Dơi
  ["32173", "32152", true, 6], // Xã Tân Duyệt (Huyện Đầm Dơi) → Xã Đầm Dơi
  ["32174", "32152", true, 6], // Xã Tân Dân (Huyện Đầm Dơi) → Xã Đầm Dơi
  ["32155", "32152", false, 6], // Xã Tạ An Khương (Huyện Đầm Dơi) → Xã Đầm Dơi
  ["32179", "32182", true, 7], // Xã Quách Phẩm Bắc (Huyện Đầm Dơi) → Xã Quách Phẩm
  ["32182", "32182", true, 7], // Xã Quách Phẩm (Huyện Đầm Dơi) → Xã Quách Phẩm
  ["32050", "32047", true, 8], // Xã Khánh Tiến (Huyện U Minh) → Xã U Minh
  ["32047", "32047", true, 8], // Xã Khánh Hòa (Huyện U Minh) → Xã U Minh
  ["32048", "32047", false, 8], // Xã Khánh Thuận (Huyện U Minh) → Xã U Minh
  ["32056", "32047", false, 8], // Xã Khánh Lâm (Huyện U Minh) → Xã U Minh
  ["32044", "32044", true, 9], // Thị trấn U Minh (Huyện U Minh) → Xã Nguyễn Phích
  ["32053", "32044", false, 9], // Xã Nguyễn Phích (Huyện U Minh) → Xã Nguyễn Phích
  ["32048", "32044", false, 9], // Xã Khánh Thuận (Huyện U Minh) → Xã Nguyễn Phích
  ["32062", "32062", true, 10], // Xã Khánh Hội (Huyện U Minh) → Xã Khánh Lâm
  ["32053", "32062", false, 10], // Xã Nguyễn Phích (Huyện U Minh) → Xã Khánh Lâm
  ["32056", "32062", false, 10], // Xã Khánh Lâm (Huyện U Minh) → Xã Khánh Lâm
  ["32059", "32059", true, 11], // Xã Khánh An (Huyện U Minh) → Xã Khánh An
  ["32053", "32059", false, 11], // Xã Nguyễn Phích (Huyện U Minh) → Xã Khánh An
  ["32244", "32244", true, 12], // Thị trấn Rạch Gốc (Huyện Ngọc Hiển) → Xã Phan Ngọc Hiển
  ["32239", "32244", true, 12], // Xã Viên An Đông (Huyện Ngọc Hiển) → Xã Phan Ngọc Hiển
  ["32245", "32244", false, 12], // Xã Tân Ân (Huyện Ngọc Hiển) → Xã Phan Ngọc Hiển
  ["32248", "32248", true, 13], // Xã Đất Mũi (Huyện Ngọc Hiển) → Xã Đất Mũi
  ["32242", "32248", false, 13], // Xã Viên An (Huyện Ngọc Hiển) → Xã Đất Mũi
  ["32245", "32248", false, 13], // Xã Tân Ân (Huyện Ngọc Hiển) → Xã Đất Mũi
  ["32233", "32236", true, 14], // Xã Tam Giang Tây (Huyện Ngọc Hiển) → Xã Tân Ân
  ["32236", "32236", true, 14], // Xã Tân Ân Tây (Huyện Ngọc Hiển) → Xã Tân Ân
  ["32116", "32110", true, 15], // Xã Khánh Bình Đông (Huyện Trần Văn Thời) → Xã Khánh Bình
  ["32110", "32110", true, 15], // Xã Khánh Bình (Huyện Trần Văn Thời) → Xã Khánh Bình
  ["32104", "32104", true, 16], // Xã Khánh Bình Tây (Huyện Trần Văn Thời) → Xã Đá Bạc
  ["32101", "32104", true, 16], // Xã Khánh Bình Tây Bắc (Huyện Trần Văn Thời) → Xã Đá Bạc
  ["32107", "32104", false, 16], // Xã Trần Hợi (Huyện Trần Văn Thời) → Xã Đá Bạc
  ["32119", "32119", true, 17], // Xã Khánh Hải (Huyện Trần Văn Thời) → Xã Khánh Hưng
  ["32113", "32119", true, 17], // Xã Khánh Hưng (Huyện Trần Văn Thời) → Xã Khánh Hưng
  ["32098", "32098", true, 18], // Thị trấn Sông Đốc (Huyện Trần Văn Thời) → Xã Sông Đốc
  ["32124", "32098", false, 18], // Xã Phong Điền (Huyện Trần Văn Thời) → Xã Sông Đốc
  ["32095", "32095", true, 19], // Thị trấn Trần Văn Thời (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32108", "32095", true, 19], // Xã Khánh Lộc (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32125", "32095", true, 19], // Xã Phong Lạc (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32122", "32095", false, 19], // Xã Lợi An (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32107", "32095", false, 19], // Xã Trần Hợi (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32124", "32095", false, 19], // Xã Phong Điền (Huyện Trần Văn Thời) → Xã Trần Văn Thời
  ["32065", "32065", true, 20], // Thị trấn Thới Bình (Huyện Thới Bình) → Xã Thới Bình
  ["32077", "32065", true, 20], // Xã Thới Bình (Huyện Thới Bình) → Xã Thới Bình
  ["32072", "32071", true, 21], // Xã Trí Lực (Huyện Thới Bình) → Xã Trí Phải
  ["32080", "32071", true, 21], // Xã Tân Phú (Huyện Thới Bình) → Xã Trí Phải
  ["32071", "32071", true, 21], // Xã Trí Phải (Huyện Thới Bình) → Xã Trí Phải
  ["32083", "32083", true, 22], // Xã Tân Lộc Bắc (Huyện Thới Bình) → Xã Tân Lộc
  ["32089", "32083", true, 22], // Xã Tân Lộc Đông (Huyện Thới Bình) → Xã Tân Lộc
  ["32086", "32083", true, 22], // Xã Tân Lộc (Huyện Thới Bình) → Xã Tân Lộc
  ["32069", "32069", true, 23], // Xã Tân Bằng (Huyện Thới Bình) → Xã Biển Bạch
  ["32074", "32069", true, 23], // Xã Biển Bạch Đông (Huyện Thới Bình) → Xã Biển Bạch
  ["32068", "32069", true, 23], // Xã Biển Bạch (Huyện Thới Bình) → Xã Biển Bạch
  ["32201", "32201", true, 24], // Xã Lâm Hải (Huyện Năm Căn) → Xã Đất Mới
  ["32200", "32201", true, 24], // Xã Đất Mới (Huyện Năm Căn) → Xã Đất Mới
  ["32191", "32201", false, 24], // Thị trấn Năm Căn (Huyện Năm Căn) → Xã Đất Mới
  ["32194", "32201", false, 24], // Xã Hàm Rồng (Huyện Năm Căn) → Xã Đất Mới
  ["32242", "32201", false, 24], // Xã Viên An (Huyện Ngọc Hiển) → Xã Đất Mới
  ["32203", "32191", true, 25], // Xã Hàng Vịnh (Huyện Năm Căn) → Xã Năm Căn
  ["32191", "32191", false, 25], // Thị trấn Năm Căn (Huyện Năm Căn) → Xã Năm Căn
  ["32194", "32191", false, 25], // Xã Hàm Rồng (Huyện Năm Căn) → Xã Năm Căn
  ["32197", "32206", true, 26], // Xã Hiệp Tùng (Huyện Năm Căn) → Xã Tam Giang
  ["32209", "32206", true, 26], // Xã Tam Giang Đông (Huyện Năm Căn) → Xã Tam Giang
  ["32206", "32206", true, 26], // Xã Tam Giang (Huyện Năm Căn) → Xã Tam Giang
  ["32212", "32212", true, 27], // Thị trấn Cái Đôi Vàm (Huyện Phú Tân) → Xã Cái Đôi Vàm
  ["32230", "32212", true, 27], // Xã Nguyễn Việt Khái (Huyện Phú Tân) → Xã Cái Đôi Vàm
  ["32227", "32227", true, 28], // Xã Tân Hưng Tây (Huyện Phú Tân) → Xã Nguyễn Việt Khái
  ["32228", "32227", true, 28], // Xã Rạch Chèo (Huyện Phú Tân) → Xã Nguyễn Việt Khái
  ["32224", "32227", true, 28], // Xã Việt Thắng (Huyện Phú Tân) → Xã Nguyễn Việt Khái
  ["32221", "32218", true, 29], // Xã Tân Hải (Huyện Phú Tân) → Xã Phú Tân
  ["32218", "32218", true, 29], // Xã Phú Tân (Huyện Phú Tân) → Xã Phú Tân
  ["32214", "32214", true, 30], // Xã Phú Thuận (Huyện Phú Tân) → Xã Phú Mỹ
  ["32215", "32214", true, 30], // Xã Phú Mỹ (Huyện Phú Tân) → Xã Phú Mỹ
  ["32141", "32214", false, 30], // Xã Hòa Mỹ (Huyện Cái Nước) → Xã Phú Mỹ
  ["32130", "32134", true, 31], // Xã Thạnh Phú (Huyện Cái Nước) → Xã Lương Thế Trân
  ["32134", "32134", true, 31], // Xã Phú Hưng (Huyện Cái Nước) → Xã Lương Thế Trân
  ["32131", "32134", true, 31], // Xã Lương Thế Trân (Huyện Cái Nước) → Xã Lương Thế Trân
  ["32122", "32134", false, 31], // Xã Lợi An (Huyện Trần Văn Thời) → Xã Lương Thế Trân
  ["32137", "32137", true, 32], // Xã Tân Hưng (Huyện Cái Nước) → Xã Tân Hưng
  ["32142", "32137", false, 32], // Xã Đông Hưng (Huyện Cái Nước) → Xã Tân Hưng
  ["32143", "32137", false, 32], // Xã Đông Thới (Huyện Cái Nước) → Xã Tân Hưng
  ["32141", "32137", false, 32], // Xã Hòa Mỹ (Huyện Cái Nước) → Xã Tân Hưng
  ["32140", "32140", true, 33], // Xã Hưng Mỹ (Huyện Cái Nước) → Xã Hưng Mỹ
  ["32146", "32140", false, 33], // Xã Tân Hưng Đông (Huyện Cái Nước) → Xã Hưng Mỹ
  ["32141", "32140", false, 33], // Xã Hòa Mỹ (Huyện Cái Nước) → Xã Hưng Mỹ
  ["32128", "32128", true, 34], // Thị trấn Cái Nước (Huyện Cái Nước) → Xã Cái Nước
  ["32149", "32128", true, 34], // Xã Trần Thới (Huyện Cái Nước) → Xã Cái Nước
  ["32142", "32128", false, 34], // Xã Đông Hưng (Huyện Cái Nước) → Xã Cái Nước
  ["32143", "32128", false, 34], // Xã Đông Thới (Huyện Cái Nước) → Xã Cái Nước
  ["32146", "32128", false, 34], // Xã Tân Hưng Đông (Huyện Cái Nước) → Xã Cái Nước
  ["31969", "31957", true, 35], // Xã Tân Thạnh (Thị xã Giá Rai) → Xã Phong Thạnh
  ["31966", "31957", true, 35], // Xã Phong Thạnh Tây (Thị xã Giá Rai) → Xã Phong Thạnh
  ["31957", "31957", true, 35], // Xã Tân Phong (Thị xã Giá Rai) → Xã Phong Thạnh
  ["31843", "31843", true, 36], // Thị trấn Ngan Dừa (Huyện Hồng Dân) → Xã Hồng Dân
  ["31855", "31843", true, 36], // Xã Lộc Ninh (Huyện Hồng Dân) → Xã Hồng Dân
  ["31852", "31843", true, 36], // Xã Ninh Hòa (Huyện Hồng Dân) → Xã Hồng Dân
  ["31861", "31858", true, 37], // Xã Vĩnh Lộc A (Huyện Hồng Dân) → Xã Vĩnh Lộc
  ["31858", "31858", true, 37], // Xã Vĩnh Lộc (Huyện Hồng Dân) → Xã Vĩnh Lộc
  ["31863", "31864", true, 38], // Xã Ninh Thạnh Lợi A (Huyện Hồng Dân) → Xã Ninh Thạnh Lợi
  ["31864", "31864", true, 38], // Xã Ninh Thạnh Lợi (Huyện Hồng Dân) → Xã Ninh Thạnh Lợi
  ["31849", "31849", true, 39], // Xã Ninh Quới A (Huyện Hồng Dân) → Xã Ninh Quới
  ["31846", "31849", true, 39], // Xã Ninh Quới (Huyện Hồng Dân) → Xã Ninh Quới
  ["31972", "31972", true, 40], // Thị trấn Gành Hào (Huyện Đông Hải) → Xã Gành Hào
  ["31984", "31972", true, 40], // Xã Long Điền Tây (Huyện Đông Hải) → Xã Gành Hào
  ["31990", "31993", true, 41], // Xã An Phúc (Huyện Đông Hải) → Xã Định Thành
  ["31996", "31993", true, 41], // Xã Định Thành A (Huyện Đông Hải) → Xã Định Thành
  ["31993", "31993", true, 41], // Xã Định Thành (Huyện Đông Hải) → Xã Định Thành
  ["31988", "31988", true, 42], // Xã An Trạch A (Huyện Đông Hải) → Xã An Trạch
  ["31987", "31988", true, 42], // Xã An Trạch (Huyện Đông Hải) → Xã An Trạch
  ["31985", "31985", true, 43], // Xã Điền Hải (Huyện Đông Hải) → Xã Long Điền
  ["31981", "31985", true, 43], // Xã Long Điền (Huyện Đông Hải) → Xã Long Điền
  ["31975", "31975", true, 44], // Xã Long Điền Đông (Huyện Đông Hải) → Xã Đông Hải
  ["31978", "31975", true, 44], // Xã Long Điền Đông A (Huyện Đông Hải) → Xã Đông Hải
  ["31891", "31891", true, 45], // Thị trấn Hòa Bình (Huyện Hòa Bình) → Xã Hòa Bình
  ["31933", "31891", true, 45], // Xã Vĩnh Mỹ A (Huyện Hòa Bình) → Xã Hòa Bình
  ["31921", "31891", true, 45], // Xã Long Thạnh (Huyện Vĩnh Lợi) → Xã Hòa Bình
  ["31915", "31918", true, 46], // Xã Minh Diệu (Huyện Hòa Bình) → Xã Vĩnh Mỹ
  ["31918", "31918", true, 46], // Xã Vĩnh Bình (Huyện Hòa Bình) → Xã Vĩnh Mỹ
  ["31924", "31918", true, 46], // Xã Vĩnh Mỹ B (Huyện Hòa Bình) → Xã Vĩnh Mỹ
  ["31936", "31927", true, 47], // Xã Vĩnh Thịnh (Huyện Hòa Bình) → Xã Vĩnh Hậu
  ["31930", "31927", true, 47], // Xã Vĩnh Hậu A (Huyện Hòa Bình) → Xã Vĩnh Hậu
  ["31927", "31927", true, 47], // Xã Vĩnh Hậu (Huyện Hòa Bình) → Xã Vĩnh Hậu
  ["31867", "31867", true, 48], // Thị trấn Phước Long (Huyện Phước Long) → Xã Phước Long
  ["31870", "31867", true, 48], // Xã Vĩnh Phú Đông (Huyện Phước Long) → Xã Phước Long
  ["31876", "31876", true, 49], // Xã Phước Long (Huyện Phước Long) → Xã Vĩnh Phước
  ["31873", "31876", true, 49], // Xã Vĩnh Phú Tây (Huyện Phước Long) → Xã Vĩnh Phước
  ["31885", "31885", true, 50], // Xã Phong Thạnh Tây A (Huyện Phước Long) → Xã Phong Hiệp
  ["31888", "31885", true, 50], // Xã Phong Thạnh Tây B (Huyện Phước Long) → Xã Phong Hiệp
  ["31879", "31882", true, 51], // Xã Hưng Phú (Huyện Phước Long) → Xã Vĩnh Thanh
  ["31882", "31882", true, 51], // Xã Vĩnh Thanh (Huyện Phước Long) → Xã Vĩnh Thanh
  ["31900", "31900", true, 52], // Thị trấn Châu Hưng (Huyện Vĩnh Lợi) → Xã Vĩnh Lợi
  ["31903", "31900", true, 52], // Xã Châu Hưng A (Huyện Vĩnh Lợi) → Xã Vĩnh Lợi
  ["31906", "31906", true, 53], // Xã Hưng Thành (Huyện Vĩnh Lợi) → Xã Hưng Hội
  ["31909", "31906", true, 53], // Xã Hưng Hội (Huyện Vĩnh Lợi) → Xã Hưng Hội
  ["31894", "31894", true, 54], // Xã Vĩnh Hưng (Huyện Vĩnh Lợi) → Xã Châu Thới
  ["31897", "31894", true, 54], // Xã Vĩnh Hưng A (Huyện Vĩnh Lợi) → Xã Châu Thới
  ["31912", "31894", true, 54], // Xã Châu Thới (Huyện Vĩnh Lợi) → Xã Châu Thới
  ["31825", "31825", true, 55], // Phường 1 (Thành phố Bạc Liêu) → Phường Bạc Liêu
  ["31813", "31825", true, 55], // Phường 2 (Thành phố Bạc Liêu) → Phường Bạc Liêu
  ["31822", "31825", true, 55], // Phường 7 (Thành phố Bạc Liêu) → Phường Bạc Liêu
  ["31828", "31825", true, 55], // Phường 8 (Thành phố Bạc Liêu) → Phường Bạc Liêu
  ["31816", "31825", true, 55], // Phường 3 (Thành phố Bạc Liêu) → Phường Bạc Liêu
  ["31819", "31834", true, 56], // Phường 5 (Thành phố Bạc Liêu) → Phường Vĩnh Trạch
  ["31834", "31834", true, 56], // Xã Vĩnh Trạch (Thành phố Bạc Liêu) → Phường Vĩnh Trạch
  ["31831", "31840", true, 57], // Phường Nhà Mát (Thành phố Bạc Liêu) → Phường Hiệp Thành
  ["31837", "31840", true, 57], // Xã Vĩnh Trạch Đông (Thành phố Bạc Liêu) → Phường Hiệp Thành
  ["31840", "31840", true, 57], // Xã Hiệp Thành (Thành phố Bạc Liêu) → Phường Hiệp Thành
  ["31942", "31942", true, 58], // Phường 1 (Thị xã Giá Rai) → Phường Giá Rai
  ["31945", "31942", true, 58], // Phường Hộ Phòng (Thị xã Giá Rai) → Phường Giá Rai
  ["31960", "31942", true, 58], // Xã Phong Thạnh (Thị xã Giá Rai) → Phường Giá Rai
  ["31963", "31942", true, 58], // Xã Phong Thạnh A (Thị xã Giá Rai) → Phường Giá Rai
  ["31951", "31951", true, 59], // Phường Láng Tròn (Thị xã Giá Rai) → Phường Láng Tròn
  ["31954", "31951", true, 59], // Xã Phong Tân (Thị xã Giá Rai) → Phường Láng Tròn
  ["31948", "31951", true, 59], // Xã Phong Thạnh Đông (Thị xã Giá Rai) → Phường Láng Tròn
  ["32005", "32002", true, 60], // Phường 1 (Thành phố Cà Mau) → Phường An Xuyên
  ["32011", "32002", true, 60], // Phường 2 (Thành phố Cà Mau) → Phường An Xuyên
  ["32002", "32002", true, 60], // Phường 4 (Thành phố Cà Mau) → Phường An Xuyên
  ["31999", "32002", true, 60], // Phường 9 (Thành phố Cà Mau) → Phường An Xuyên
  ["32022", "32002", true, 60], // Phường Tân Xuyên (Thành phố Cà Mau) → Phường An Xuyên
  ["32023", "32002", true, 60], // Xã An Xuyên (Thành phố Cà Mau) → Phường An Xuyên
  ["32014", "32014", true, 61], // Phường 8 (Thành phố Cà Mau) → Phường Lý Văn Lâm
  ["32032", "32014", true, 61], // Xã Lý Văn Lâm (Thành phố Cà Mau) → Phường Lý Văn Lâm
  ["32122", "32014", false, 61], // Xã Lợi An (Huyện Trần Văn Thời) → Phường Lý Văn Lâm
  ["32008", "32025", true, 62], // Phường 5 (Thành phố Cà Mau) → Phường Tân Thành
  ["32025", "32025", true, 62], // Phường Tân Thành (Thành phố Cà Mau) → Phường Tân Thành
  ["32026", "32025", true, 62], // Xã Tân Thành (Thành phố Cà Mau) → Phường Tân Thành
  ["32020", "32025", false, 62], // Phường 7 (Thành phố Cà Mau) → Phường Tân Thành
  ["32017", "32025", false, 62], // Phường 6 (Thành phố Cà Mau) → Phường Tân Thành
  ["32035", "32025", false, 62], // Xã Định Bình (Thành phố Cà Mau) → Phường Tân Thành
  ["32029", "32025", false, 62], // Xã Tắc Vân (Thành phố Cà Mau) → Phường Tân Thành
  ["32041", "32041", true, 63], // Xã Hòa Tân (Thành phố Cà Mau) → Phường Hòa Thành
  ["32038", "32041", true, 63], // Xã Hòa Thành (Thành phố Cà Mau) → Phường Hòa Thành
  ["32020", "32041", false, 63], // Phường 7 (Thành phố Cà Mau) → Phường Hòa Thành
  ["32017", "32041", false, 63], // Phường 6 (Thành phố Cà Mau) → Phường Hòa Thành
  ["32035", "32041", false, 63], // Xã Định Bình (Thành phố Cà Mau) → Phường Hòa Thành
  ["32029", "32041", false, 63], // Xã Tắc Vân (Thành phố Cà Mau) → Phường Hòa Thành
  ["32092", "32092", true, 64], // Xã Hồ Thị Kỷ (Huyện Thới Bình) → Xã Hồ Thị Kỷ
];

export const ADMINISTRATIVE_UNIT_SUCCESSION: readonly SuccessionData[] = ROWS.map(([oldCode, newCode, whole, clause]) => ({
  oldCode,
  newCode,
  whole,
  effectiveOn: POST_2025_VALID_FROM,
  source: `${SUCCESSION_SOURCE}, Article 1, clause ${clause}`,
}));
