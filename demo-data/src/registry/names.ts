import { SectorCode } from "@camau/shared";

/**
 * Name parts for the demo dataset: Vietnamese personal names as they are common in the Mekong
 * Delta (Huỳnh and Võ rather than Hoàng and Vũ, many "Văn" and "Thị", Khmer family names such as
 * Danh, Thạch and Sơn), hamlets and streets, and cooperative and group names patterned on how
 * Cà Mau's are registered. Every person is fictitious.
 */

export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ["Nguyễn", 36], ["Trần", 11], ["Lê", 9], ["Phạm", 6], ["Huỳnh", 5.5], ["Võ", 4.5], ["Phan", 4],
  ["Trương", 2], ["Đặng", 2], ["Bùi", 1.8], ["Đỗ", 1.4], ["Ngô", 1.4], ["Hồ", 1.3], ["Dương", 1.1],
  ["Lý", 1.1], ["Lâm", 1], ["Châu", 0.8], ["Tô", 0.7], ["Quách", 0.6], ["Mai", 0.6], ["Cao", 0.6],
  ["Đinh", 0.5], ["Thái", 0.5], ["Lưu", 0.4], ["Tạ", 0.4], ["Danh", 0.5], ["Thạch", 0.4], ["Sơn", 0.3],
  ["Kim", 0.3], ["La", 0.3], ["Diệp", 0.3], ["Triệu", 0.3],
];

export const MIDDLE_NAMES_MALE: ReadonlyArray<readonly [string, number]> = [
  ["Văn", 55], ["Minh", 8], ["Hoàng", 4], ["Quốc", 5], ["Thanh", 6], ["Hữu", 5], ["Công", 3],
  ["Tấn", 4], ["Chí", 3], ["Phước", 2], ["Thành", 3], ["Trung", 2], ["Hoài", 2], ["Ngọc", 2],
];

export const MIDDLE_NAMES_FEMALE: ReadonlyArray<readonly [string, number]> = [
  ["Thị", 60], ["Ngọc", 8], ["Thu", 4], ["Kim", 5], ["Hồng", 4], ["Mỹ", 4], ["Thanh", 4], ["Bích", 3],
  ["Diễm", 2], ["Cẩm", 2], ["Tuyết", 2], ["Phương", 2],
];

export const GIVEN_NAMES_MALE: readonly string[] = [
  "Tâm", "Hùng", "Dũng", "Minh", "Phong", "Hải", "Sơn", "Tuấn", "Bình", "Hòa", "Lợi", "Phúc", "Tài",
  "Thắng", "Trung", "Nghĩa", "Thành", "Hiếu", "Quang", "Khanh", "Tùng", "Toàn", "Hậu", "Út", "Tám",
  "Sáu", "Bảy", "Mười", "Em", "Nhân", "Lộc", "Trí", "Vũ", "Kiệt", "Duy", "Khải", "Đạt", "Long",
  "Thông", "Vinh", "Hưng", "Hiền", "Cường", "Tiến", "Nam", "Phát", "Thuận", "Tính", "Bé", "Chiến",
];

export const GIVEN_NAMES_FEMALE: readonly string[] = [
  "Lan", "Hoa", "Mai", "Hương", "Thảo", "Hằng", "Nga", "Trang", "Linh", "Phượng", "Thủy", "Tuyết",
  "Nhung", "Hạnh", "Diệu", "Yến", "Loan", "Xuân", "Hồng", "Đào", "Liên", "Nhi", "Ngân", "Trinh",
  "Vân", "Thu", "Út", "Bé", "Năm", "Kiều", "Tiên", "Duyên", "Hiền", "Nguyệt", "Châu", "Lệ", "Mến",
];

/** Hamlet (ấp) names seen across the Mekong Delta's south; combined freely with communes. */
export const HAMLET_NAMES: readonly string[] = [
  "Tân Hưng", "Tân Phong", "Tân Điền", "Cái Cám", "Cái Keo", "Bà Điều", "Kinh Hãng", "Kinh Ngang",
  "Kinh Tư", "Xóm Mới", "Xóm Lớn", "Nhà Máy", "Cây Dương", "Bào Sơn", "Bờ Đập", "Chợ Hội",
  "Giáp Nước", "Đường Đào", "Mương Điều", "Sào Lưới", "Công Điền", "Vàm Đình", "Hòa Trung",
  "Tân Lập", "Tân Long", "Tân Bình", "Tân Hiệp", "Trại Lưới", "Cái Nai", "Cái Giếng", "Rạch Lùm",
  "Kênh Xáng", "Lung Lá", "Bàu Sen", "Đồng Tâm", "Thống Nhất", "Minh Hà", "Vồ Dơi", "Cơi Sáu",
  "Trảng Cò", "Kinh Cùng", "Ông Đơn", "Rạch Cui", "Lung Tràm", "Dinh Điền", "Khai Long",
  "Kiến Vàng", "Xẻo Đước", "Nhưng Miên", "Rạch Tàu", "Gò Công", "Bình Định", "Thuận Hòa",
  "Hiệp Bình", "Tân Thới", "Phú Hiệp", "Lung Ranh", "Cống Đá", "Đầu Sấu", "Năm Đảm",
];

/** Streets of Cà Mau city and the district towns, for urban addresses. */
export const STREET_NAMES: readonly string[] = [
  "Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Tất Thành", "Phan Ngọc Hiển", "Ngô Quyền", "Hùng Vương",
  "Lý Văn Lâm", "Nguyễn Trãi", "Lê Lợi", "Quang Trung", "Trần Văn Thời", "Nguyễn Du", "Phan Bội Châu",
  "Nguyễn Công Trứ", "Lê Duẩn", "Tôn Đức Thắng", "Đề Thám", "Ngô Gia Tự", "Cao Thắng", "Lưu Tấn Tài",
];

/** Auspicious words cooperatives are often named with. */
export const AUSPICIOUS_NAMES: readonly string[] = [
  "Phát Đạt", "Thành Công", "Hưng Thịnh", "Tân Tiến", "Đoàn Kết", "Thống Nhất", "Hiệp Thành",
  "Thuận Phát", "Phú Lợi", "Hòa Bình", "Thịnh Phát", "Vinh Phát", "Đồng Tâm", "Hợp Lực", "Quyết Thắng",
  "An Phú", "Phước Thịnh", "Tiến Thành", "Thành Lợi", "Mười Phương", "Nhất Tâm", "Tương Lai",
];

/** Removes Vietnamese diacritics (and đ → d), for foreign names. */
export function withoutDiacritics(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

export interface CooperativeNamePattern {
  sector: SectorCode;
  /** Registered name; `{P}` is the place or auspicious name. */
  name: string;
  /** Foreign (English) name; `{P}` without diacritics. */
  foreignName: string;
  abbreviation: string;
  /** Candidates for the first (principal) business line: VSIC codes of the pattern's sector. */
  primaryLines: readonly string[];
  /** Other business lines the cooperative may register. */
  secondaryLines: readonly string[];
  weight: number;
  /** Only in these districts (e.g. U Minh Hạ honey, shrimp–forest in the mangrove districts). */
  districts?: readonly string[];
}

export const COOPERATIVE_NAME_PATTERNS: readonly CooperativeNamePattern[] = [
  // Agriculture: rice, rice–shrimp rotation, vegetables, livestock, honey (beekeeping is 0149).
  { sector: "AGRICULTURE", name: "Hợp tác xã Nông nghiệp {P}", foreignName: "{P} Agricultural Cooperative", abbreviation: "HTX NN {P}", primaryLines: ["0111", "0118", "0161"], secondaryLines: ["0163", "4620", "0164", "1061"], weight: 30 },
  { sector: "AGRICULTURE", name: "Hợp tác xã Dịch vụ Nông nghiệp {P}", foreignName: "{P} Agricultural Service Cooperative", abbreviation: "HTX DVNN {P}", primaryLines: ["0161", "0163"], secondaryLines: ["0111", "4620", "4653", "1061"], weight: 22 },
  { sector: "AGRICULTURE", name: "HTX Lúa - Tôm {P}", foreignName: "{P} Rice - Shrimp Cooperative", abbreviation: "HTX LT {P}", primaryLines: ["0111"], secondaryLines: ["0321", "0323", "4620"], weight: 14, districts: ["966", "967", "968", "969"] },
  { sector: "AGRICULTURE", name: "Hợp tác xã Sản xuất Lúa {P}", foreignName: "{P} Rice Production Cooperative", abbreviation: "HTX SXL {P}", primaryLines: ["0111"], secondaryLines: ["0161", "0164", "1061"], weight: 8, districts: ["966", "967", "968", "969", "970"] },
  { sector: "AGRICULTURE", name: "Hợp tác xã Mật ong U Minh Hạ {P}", foreignName: "U Minh Ha Honey Cooperative {P}", abbreviation: "HTX MO {P}", primaryLines: ["0149"], secondaryLines: ["0232", "4632"], weight: 4, districts: ["966", "968", "967"] },
  { sector: "AGRICULTURE", name: "Hợp tác xã Rau an toàn {P}", foreignName: "{P} Safe Vegetable Cooperative", abbreviation: "HTX RAT {P}", primaryLines: ["0118"], secondaryLines: ["4620", "4632"], weight: 5 },
  { sector: "AGRICULTURE", name: "Hợp tác xã Chăn nuôi {P}", foreignName: "{P} Livestock Cooperative", abbreviation: "HTX CN {P}", primaryLines: ["0145", "0146"], secondaryLines: ["0162", "4620"], weight: 5 },
  // Fisheries: shrimp farming, shrimp–forest, crab, fishing.
  { sector: "FISHERIES", name: "HTX Nuôi tôm {P}", foreignName: "{P} Shrimp Farming Cooperative", abbreviation: "HTX NT {P}", primaryLines: ["0321", "0322"], secondaryLines: ["0323", "4620"], weight: 30 },
  { sector: "FISHERIES", name: "HTX Thủy sản {P}", foreignName: "{P} Fisheries Cooperative", abbreviation: "HTX TS {P}", primaryLines: ["0321", "0311", "0322"], secondaryLines: ["1020", "4620", "4632"], weight: 22 },
  { sector: "FISHERIES", name: "Hợp tác xã Tôm - Rừng {P}", foreignName: "{P} Shrimp - Forest Cooperative", abbreviation: "HTX TR {P}", primaryLines: ["0321"], secondaryLines: ["0210", "0240"], weight: 10, districts: ["971", "972", "973", "970"] },
  { sector: "FISHERIES", name: "Hợp tác xã Nuôi cua {P}", foreignName: "{P} Crab Farming Cooperative", abbreviation: "HTX NC {P}", primaryLines: ["0321"], secondaryLines: ["0323", "4620"], weight: 8, districts: ["971", "973", "970", "972"] },
  { sector: "FISHERIES", name: "Hợp tác xã Khai thác Thủy sản {P}", foreignName: "{P} Fishing Cooperative", abbreviation: "HTX KTTS {P}", primaryLines: ["0311"], secondaryLines: ["1020", "4620", "5022"], weight: 8, districts: ["968", "970", "971", "972", "973"] },
  { sector: "FISHERIES", name: "Hợp tác xã Tôm sinh thái {P}", foreignName: "{P} Organic Shrimp Cooperative", abbreviation: "HTX TST {P}", primaryLines: ["0321"], secondaryLines: ["0323", "4620"], weight: 6, districts: ["971", "973", "972", "970", "969"] },
  // Forestry.
  { sector: "FORESTRY", name: "Hợp tác xã Lâm nghiệp {P}", foreignName: "{P} Forestry Cooperative", abbreviation: "HTX LN {P}", primaryLines: ["0210", "0240"], secondaryLines: ["0220", "0232"], weight: 5 },
  { sector: "FORESTRY", name: "Hợp tác xã Trồng rừng {P}", foreignName: "{P} Afforestation Cooperative", abbreviation: "HTX TRR {P}", primaryLines: ["0210"], secondaryLines: ["0220", "0240"], weight: 3 },
  { sector: "FORESTRY", name: "Hợp tác xã Dịch vụ Lâm nghiệp {P}", foreignName: "{P} Forestry Service Cooperative", abbreviation: "HTX DVLN {P}", primaryLines: ["0240"], secondaryLines: ["0210", "0232"], weight: 2 },
  // Salt.
  { sector: "SALT", name: "Hợp tác xã Diêm nghiệp {P}", foreignName: "{P} Salt Cooperative", abbreviation: "HTX DN {P}", primaryLines: ["0893"], secondaryLines: ["4632", "1079"], weight: 5 },
  { sector: "SALT", name: "Hợp tác xã Sản xuất Muối {P}", foreignName: "{P} Salt Production Cooperative", abbreviation: "HTX SXM {P}", primaryLines: ["0893"], secondaryLines: ["4632"], weight: 3 },
  // Industry, handicrafts and rural trades.
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Đan lác {P}", foreignName: "{P} Sedge Weaving Cooperative", abbreviation: "HTX ĐL {P}", primaryLines: ["1629"], secondaryLines: ["4649", "4773"], weight: 4 },
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Chế biến Thủy sản {P}", foreignName: "{P} Seafood Processing Cooperative", abbreviation: "HTX CBTS {P}", primaryLines: ["1020"], secondaryLines: ["4632", "0321"], weight: 4 },
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Tôm khô {P}", foreignName: "{P} Dried Shrimp Cooperative", abbreviation: "HTX TK {P}", primaryLines: ["1020"], secondaryLines: ["4632"], weight: 2, districts: ["973", "971", "970", "972"] },
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Khô cá {P}", foreignName: "{P} Dried Fish Cooperative", abbreviation: "HTX KC {P}", primaryLines: ["1020"], secondaryLines: ["4632"], weight: 2, districts: ["968", "966", "970"] },
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Cơ khí {P}", foreignName: "{P} Mechanical Cooperative", abbreviation: "HTX CK {P}", primaryLines: ["3312", "2592"], secondaryLines: ["4653", "3315"], weight: 2 },
  { sector: "INDUSTRY_HANDICRAFTS", name: "Hợp tác xã Mộc {P}", foreignName: "{P} Carpentry Cooperative", abbreviation: "HTX M {P}", primaryLines: ["3100", "1622"], secondaryLines: ["4759"], weight: 1 },
  // Construction.
  { sector: "CONSTRUCTION", name: "Hợp tác xã Xây dựng {P}", foreignName: "{P} Construction Cooperative", abbreviation: "HTX XD {P}", primaryLines: ["4101", "4212", "4290"], secondaryLines: ["4312", "4663"], weight: 5 },
  // Trade and services.
  { sector: "TRADE_SERVICES", name: "Hợp tác xã Thương mại - Dịch vụ {P}", foreignName: "{P} Trading and Service Cooperative", abbreviation: "HTX TMDV {P}", primaryLines: ["4620", "4711", "4632"], secondaryLines: ["4722", "5610", "4933"], weight: 6 },
  { sector: "TRADE_SERVICES", name: "Hợp tác xã Dịch vụ Tổng hợp {P}", foreignName: "{P} General Service Cooperative", abbreviation: "HTX DVTH {P}", primaryLines: ["4711", "4620"], secondaryLines: ["0161", "4663", "5610"], weight: 4 },
  { sector: "TRADE_SERVICES", name: "Hợp tác xã Kinh doanh Dịch vụ Chợ {P}", foreignName: "{P} Market Service Cooperative", abbreviation: "HTX KDDV Chợ {P}", primaryLines: ["4711", "4781"], secondaryLines: ["5610"], weight: 2 },
  // Transport.
  { sector: "TRANSPORT", name: "Hợp tác xã Vận tải {P}", foreignName: "{P} Transport Cooperative", abbreviation: "HTX VT {P}", primaryLines: ["4933", "4932"], secondaryLines: ["5022", "5229"], weight: 4 },
  { sector: "TRANSPORT", name: "Hợp tác xã Vận tải Thủy {P}", foreignName: "{P} Waterway Transport Cooperative", abbreviation: "HTX VTT {P}", primaryLines: ["5021", "5022"], secondaryLines: ["5222"], weight: 3 },
  // People's credit funds (legally cooperatives).
  { sector: "PEOPLES_CREDIT_FUND", name: "Quỹ tín dụng nhân dân {P}", foreignName: "{P} People's Credit Fund", abbreviation: "QTDND {P}", primaryLines: ["6419"], secondaryLines: [], weight: 1 },
  // Environment.
  { sector: "ENVIRONMENT", name: "Hợp tác xã Vệ sinh Môi trường {P}", foreignName: "{P} Environmental Sanitation Cooperative", abbreviation: "HTX VSMT {P}", primaryLines: ["3811"], secondaryLines: ["3812", "3821"], weight: 3 },
  { sector: "ENVIRONMENT", name: "Hợp tác xã Cấp nước {P}", foreignName: "{P} Water Supply Cooperative", abbreviation: "HTX CN {P}", primaryLines: ["3600"], secondaryLines: ["4322"], weight: 2 },
  // Other: community and eco-tourism (79xx is not mapped to a sector).
  { sector: "OTHER", name: "Hợp tác xã Du lịch Cộng đồng {P}", foreignName: "{P} Community Tourism Cooperative", abbreviation: "HTX DLCĐ {P}", primaryLines: ["7912", "7990"], secondaryLines: ["5510", "5610"], weight: 2, districts: ["966", "971", "973", "968"] },
  { sector: "OTHER", name: "Hợp tác xã Du lịch Sinh thái {P}", foreignName: "{P} Eco-tourism Cooperative", abbreviation: "HTX DLST {P}", primaryLines: ["7912"], secondaryLines: ["5510", "5610", "0321"], weight: 1 },
];

export interface GroupNamePattern {
  sector: SectorCode;
  /** Activity in the group's name: "Tổ hợp tác {activity} ấp {hamlet}". */
  activity: string;
  weight: number;
}

export const GROUP_NAME_PATTERNS: readonly GroupNamePattern[] = [
  { sector: "AGRICULTURE", activity: "sản xuất lúa", weight: 14 },
  { sector: "AGRICULTURE", activity: "lúa - tôm", weight: 8 },
  { sector: "AGRICULTURE", activity: "trồng rau màu", weight: 6 },
  { sector: "AGRICULTURE", activity: "chăn nuôi", weight: 5 },
  { sector: "AGRICULTURE", activity: "nuôi ong", weight: 3 },
  { sector: "AGRICULTURE", activity: "dịch vụ máy nông nghiệp", weight: 4 },
  { sector: "FISHERIES", activity: "nuôi tôm", weight: 16 },
  { sector: "FISHERIES", activity: "nuôi tôm quảng canh cải tiến", weight: 8 },
  { sector: "FISHERIES", activity: "nuôi cua", weight: 5 },
  { sector: "FISHERIES", activity: "nuôi sò huyết", weight: 2 },
  { sector: "FISHERIES", activity: "khai thác thủy sản", weight: 5 },
  { sector: "FISHERIES", activity: "nuôi cá đồng", weight: 2 },
  { sector: "FORESTRY", activity: "trồng rừng", weight: 3 },
  { sector: "FORESTRY", activity: "bảo vệ rừng", weight: 2 },
  { sector: "SALT", activity: "sản xuất muối", weight: 2 },
  { sector: "INDUSTRY_HANDICRAFTS", activity: "đan lác", weight: 3 },
  { sector: "INDUSTRY_HANDICRAFTS", activity: "làm khô cá", weight: 2 },
  { sector: "INDUSTRY_HANDICRAFTS", activity: "làm tôm khô", weight: 1 },
  { sector: "TRADE_SERVICES", activity: "mua bán nông sản", weight: 2 },
  { sector: "TRADE_SERVICES", activity: "dịch vụ tổng hợp", weight: 2 },
  { sector: "TRANSPORT", activity: "vận chuyển đường thủy", weight: 2 },
  { sector: "CONSTRUCTION", activity: "xây dựng", weight: 1 },
  { sector: "ENVIRONMENT", activity: "thu gom rác", weight: 2 },
];

/** Organisation members: local businesses (fictitious). */
export const ORGANISATION_NAME_PATTERNS: readonly string[] = [
  "Công ty TNHH {A}",
  "Công ty TNHH Thương mại {A}",
  "Công ty TNHH Thủy sản {A}",
  "Doanh nghiệp tư nhân {A}",
  "Công ty Cổ phần Nông nghiệp {A}",
];
