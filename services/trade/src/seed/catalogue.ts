import { AgreementKind, BudgetSource, MarkKind, OcopProductGroup, ProgramKind } from "../domain/enums";

/**
 * What the trade demo data is made of: old Cà Mau's and old Bạc Liêu's real product kinds, the
 * districts and sectors of the cooperatives that make them, and a calendar of trade promotion
 * programs in 2020 and 2021.
 * Product, place, organiser and buyer names are real; which cooperative makes what, ratings,
 * decision and mark registration numbers, amounts and agreements are invented (demo data).
 */

export interface ProductKind {
  key: string;
  /** Product names; a maker picks one. */
  names: readonly string[];
  group: OcopProductGroup;
  /** Sectors (the registry's sector codes) of the cooperatives that make it. */
  sectors: readonly string[];
  /** Districts (pre-2025 codes) where it comes from; makers there are preferred. */
  districts: readonly string[];
  /** Cooperatives whose registered name says they make it are preferred, the first pattern most (e.g. "Hợp tác xã Nuôi cua ..."). */
  makerNames: readonly RegExp[];
  /** Only cooperatives whose name matches make it (a craft nobody else takes up). */
  onlyNamed?: boolean;
  /** How many cooperatives make it. */
  makers: number;
  /** A shared collective or certification mark its makers may use. */
  sharedMark?: { name: string; kind: MarkKind; registrationNumber: string };
  /** Chance a maker sells it under a mark (the shared one when there is one, else its own trademark). */
  brandChance: number;
  /** Chance it has been OCOP-rated. */
  ocopChance: number;
  description: string;
}

export const PRODUCT_KINDS: readonly ProductKind[] = [
  {
    key: "honey", names: ["Mật ong U Minh Hạ", "Mật ong rừng tràm U Minh Hạ", "Mật ong hoa tràm U Minh Hạ"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE"], districts: ["966", "968"], makerNames: [/Mật ong/, /Nông nghiệp/], makers: 6,
    sharedMark: { name: "Mật ong U Minh Hạ", kind: MarkKind.COLLECTIVE_MARK, registrationNumber: "Số 178512" }, brandChance: 0.85, ocopChance: 0.75,
    description: "Mật ong hoa tràm khai thác theo phương pháp gác kèo truyền thống trong rừng tràm U Minh Hạ.",
  },
  {
    key: "crab", names: ["Cua Năm Căn", "Cua gạch Năm Căn", "Cua thịt Năm Căn"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["971", "973", "972"], makerNames: [/Nuôi cua/, /Tôm - Rừng|Thủy sản/], makers: 6,
    sharedMark: { name: "Cua Cà Mau", kind: MarkKind.CERTIFICATION_MARK, registrationNumber: "Số 231045" }, brandChance: 0.7, ocopChance: 0.6,
    description: "Cua biển nuôi quảng canh dưới tán rừng ngập mặn Năm Căn, chắc thịt, nhiều gạch.",
  },
  {
    key: "dried-shrimp", names: ["Tôm khô Rạch Gốc", "Tôm khô Rạch Gốc loại đặc biệt"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["973", "971"], makerNames: [/Thủy sản|Tôm - Rừng/], makers: 5,
    sharedMark: { name: "Tôm khô Rạch Gốc", kind: MarkKind.COLLECTIVE_MARK, registrationNumber: "Số 196233" }, brandChance: 0.85, ocopChance: 0.75,
    description: "Tôm đất, tôm bạc thẻ luộc, phơi nắng và đập vỏ thủ công theo nghề truyền thống Rạch Gốc.",
  },
  {
    key: "ba-khia", names: ["Ba khía muối Rạch Gốc", "Ba khía trộn Rạch Gốc"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["973"], makerNames: [/Thủy sản|Tôm - Rừng/], makers: 3,
    sharedMark: { name: "Ba khía Rạch Gốc", kind: MarkKind.COLLECTIVE_MARK, registrationNumber: "Số 285410" }, brandChance: 0.6, ocopChance: 0.5,
    description: "Ba khía bắt ở rừng ngập mặn, muối theo cách truyền thống.",
  },
  {
    key: "dried-fish", names: ["Khô cá sặc rằn Trần Văn Thời", "Khô cá lóc Trần Văn Thời", "Khô cá khoai Cà Mau", "Khô cá bống kèo Cà Mau"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES", "INDUSTRY_HANDICRAFTS"], districts: ["968", "966"], makerNames: [/Khô cá/, /Chế biến Thủy sản|Khai thác Thủy sản/], makers: 6,
    brandChance: 0.5, ocopChance: 0.55,
    description: "Cá đồng và cá biển làm khô một nắng, không chất bảo quản.",
  },
  {
    key: "rice", names: ["Gạo Một bụi đỏ", "Gạo hữu cơ lúa – tôm Thới Bình", "Gạo ST25 lúa – tôm"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE"], districts: ["967", "966", "968"], makerNames: [/Lúa/, /Nông nghiệp/], makers: 7,
    brandChance: 0.6, ocopChance: 0.5,
    description: "Gạo từ mô hình luân canh lúa – tôm, canh tác không dùng thuốc bảo vệ thực vật.",
  },
  {
    key: "salt", names: ["Muối Bạch Long", "Muối hạt sạch Cà Mau", "Muối tôm Cà Mau"], group: OcopProductGroup.FOOD,
    sectors: ["SALT"], districts: ["970", "972", "973"], makerNames: [/Muối|Diêm nghiệp/], makers: 4,
    brandChance: 0.5, ocopChance: 0.5,
    description: "Muối biển phơi cát, hạt trắng, vị mặn dịu.",
  },
  {
    key: "fermented", names: ["Mắm tôm chà Cà Mau", "Mắm cá lóc U Minh", "Mắm ba khía Cà Mau"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES", "INDUSTRY_HANDICRAFTS"], districts: ["966", "968", "973"], makerNames: [/Chế biến Thủy sản|Khô cá/, /Thủy sản/], makers: 4,
    brandChance: 0.4, ocopChance: 0.45,
    description: "Mắm làm theo công thức gia truyền, ủ chượp tự nhiên.",
  },
  {
    key: "shrimp", names: ["Tôm sú sinh thái Cà Mau", "Tôm sú rừng Năm Căn"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["971", "973", "969", "970"], makerNames: [/Nuôi tôm|Tôm sinh thái|Tôm - Rừng/], makers: 5,
    sharedMark: { name: "Tôm Cà Mau", kind: MarkKind.CERTIFICATION_MARK, registrationNumber: "Số 212897" }, brandChance: 0.6, ocopChance: 0.4,
    description: "Tôm sú nuôi quảng canh sinh thái trong rừng ngập mặn (tôm – rừng).",
  },
  {
    key: "blood-cockle", names: ["Sò huyết Đầm Dơi"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["970"], makerNames: [/Thủy sản/], makers: 2,
    brandChance: 0.3, ocopChance: 0.35,
    description: "Sò huyết nuôi trên bãi bồi ven biển Đầm Dơi.",
  },
  {
    key: "melaleuca", names: ["Tinh dầu tràm U Minh Hạ", "Cao lá tràm U Minh"], group: OcopProductGroup.HERBAL,
    sectors: ["FORESTRY", "AGRICULTURE"], districts: ["966", "968"], makerNames: [/Lâm nghiệp|Trồng rừng|Mật ong/], makers: 3,
    brandChance: 0.5, ocopChance: 0.5,
    description: "Tinh dầu chưng cất từ lá tràm rừng U Minh Hạ.",
  },
  {
    key: "sedge", names: ["Sản phẩm đan lác Cà Mau", "Giỏ, túi xách đan từ cây lác", "Chiếu lác Cà Mau"], group: OcopProductGroup.HANDICRAFT,
    sectors: ["INDUSTRY_HANDICRAFTS"], districts: ["964", "967", "968"], makerNames: [/Đan lác/], onlyNamed: true, makers: 3,
    brandChance: 0.3, ocopChance: 0.4,
    description: "Hàng thủ công đan từ cây lác (cói) của làng nghề.",
  },
  {
    key: "pineapple", names: ["Khóm Tắc Vân", "Mứt khóm Tắc Vân"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE"], districts: ["964"], makerNames: [/Nông nghiệp|Rau an toàn/], makers: 2,
    brandChance: 0.4, ocopChance: 0.4,
    description: "Khóm (dứa) trồng trên đất phèn Tắc Vân, ngọt thanh.",
  },
  {
    key: "beverage", names: ["Rượu mật ong U Minh Hạ", "Nước khóm Tắc Vân"], group: OcopProductGroup.BEVERAGE,
    sectors: ["AGRICULTURE", "TRADE_SERVICES"], districts: ["966", "964"], makerNames: [/Mật ong|Thương mại|Nông nghiệp/], makers: 2,
    brandChance: 0.6, ocopChance: 0.3,
    description: "Đồ uống chế biến từ đặc sản địa phương.",
  },
  {
    key: "eco-tourism", names: ["Du lịch sinh thái rừng đước Đất Mũi", "Du lịch cộng đồng rừng tràm U Minh Hạ", "Điểm du lịch sinh thái Sông Trẹm"], group: OcopProductGroup.COMMUNITY_AND_ECO_TOURISM,
    sectors: ["OTHER", "FORESTRY"], districts: ["973", "966", "968"], makerNames: [/Du lịch|Lâm nghiệp/], makers: 3,
    brandChance: 0.3, ocopChance: 0.35,
    description: "Tham quan rừng, trải nghiệm nghề truyền thống và ẩm thực cùng người dân địa phương.",
  },
];

/** Old Bạc Liêu's product kinds (its own OCOP programme before the merger); districts are its pre-2025 codes. */
export const BAC_LIEU_PRODUCT_KINDS: readonly ProductKind[] = [
  {
    key: "bac-lieu-salt", names: ["Muối Bạc Liêu", "Muối hạt Bạc Liêu", "Muối tôm Bạc Liêu"], group: OcopProductGroup.FOOD,
    sectors: ["SALT", "AGRICULTURE"], districts: ["960", "954", "959"], makerNames: [/Diêm nghiệp|Muối/], makers: 3,
    sharedMark: { name: "Muối Bạc Liêu", kind: MarkKind.COLLECTIVE_MARK, registrationNumber: "Số 205617" }, brandChance: 0.8, ocopChance: 0.7,
    description: "Muối hạt phơi trên ruộng ven biển Đông Hải và Bạc Liêu, kết tinh tự nhiên, vị mặn đậm.",
  },
  {
    key: "ganh-hao-dried-shrimp", names: ["Tôm khô Gành Hào", "Tôm khô Bạc Liêu"], group: OcopProductGroup.FOOD,
    sectors: ["FISHERIES"], districts: ["960", "959"], makerNames: [/Thủy sản|Nuôi tôm/], makers: 4,
    brandChance: 0.75, ocopChance: 0.75,
    description: "Tôm đất, tôm thẻ nuôi quảng canh ở Gành Hào, luộc, phơi và đập vỏ thủ công.",
  },
  {
    key: "bac-lieu-rice", names: ["Gạo ST25 tôm - lúa Phước Long", "Gạo Một bụi đỏ Hồng Dân", "Gạo thơm Bạc Liêu"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE"], districts: ["957", "956", "961"], makerNames: [/Lúa|Nông nghiệp/], makers: 4,
    brandChance: 0.6, ocopChance: 0.6,
    description: "Gạo trồng luân canh trên đất nuôi tôm ở Phước Long và Hồng Dân, không dùng phân thuốc hóa học.",
  },
  {
    key: "longan", names: ["Nhãn cơm vàng Bạc Liêu"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE"], districts: ["954", "958"], makerNames: [/Nông nghiệp|Rau|Cây ăn trái/], makers: 2,
    brandChance: 0.5, ocopChance: 0.55,
    description: "Nhãn cơm vàng trồng trên giồng cát Vĩnh Trạch, Hiệp Thành: cơm dày, ngọt thanh.",
  },
  {
    key: "ngan-dua-noodle", names: ["Bánh tằm Ngan Dừa"], group: OcopProductGroup.FOOD,
    sectors: ["AGRICULTURE", "INDUSTRY_HANDICRAFTS", "TRADE_SERVICES"], districts: ["956"], makerNames: [/Dịch vụ|Nông nghiệp/], makers: 2,
    brandChance: 0.6, ocopChance: 0.5,
    description: "Bánh tằm bột gạo se sợi thủ công ở thị trấn Ngan Dừa, ăn với nước cốt dừa và bì.",
  },
  {
    key: "bac-lieu-crafts", names: ["Sản phẩm đan lác lục bình Bạc Liêu", "Giỏ đan tre trúc Bạc Liêu"], group: OcopProductGroup.HANDICRAFT,
    sectors: ["INDUSTRY_HANDICRAFTS"], districts: ["960", "958"], makerNames: [/Đan|Thủ công/], makers: 2,
    brandChance: 0.4, ocopChance: 0.4,
    description: "Giỏ, túi, thảm đan từ lục bình và tre trúc của các tổ thợ ven sông.",
  },
];

/** What a program is, as planned and as loaded. */
export interface ProgramFacts {
  key: string;
  name: string;
  kind: ProgramKind;
  organiser: string;
  venue: string;
  province: string;
  startsOn: string;
  endsOn: string;
  budget: number | null;
  budgetSource: BudgetSource | null;
}

export interface ProgramPlan extends ProgramFacts {
  policy: { legalBasis: string; percentage: number | null; capPerCooperative: number | null } | null;
  /** Participating cooperatives: an exact count, or a range. */
  participants: number | readonly [number, number];
  /** Participants must show OCOP-rated (in force at the start) or branded products. */
  ocopOrBrandedOnly?: boolean;
  /** Agreements per participant. */
  agreements: readonly [number, number];
  description?: string;
}

const ALLIANCE = "Liên minh Hợp tác xã tỉnh Cà Mau";
const INDUSTRY_TRADE = "Sở Công Thương tỉnh Cà Mau";

/** The support policy of the province's yearly trade promotion program (all of the cost, up to a cap per cooperative). */
export const caMauProgramPolicy = (year: number, capPerCooperative: number) => ({ legalBasis: `Chương trình Xúc tiến thương mại tỉnh Cà Mau năm ${year}`, percentage: 100, capPerCooperative });

export const PROGRAM_PLANS: readonly ProgramPlan[] = [
  {
    key: "tet-fair-2020", name: "Hội chợ Xuân Canh Tý và Triển lãm sản phẩm OCOP tỉnh Cà Mau 2020", kind: ProgramKind.FAIR, organiser: INDUSTRY_TRADE,
    venue: "Quảng trường Hùng Vương, thành phố Cà Mau", province: "Cà Mau", startsOn: "2020-01-10", endsOn: "2020-01-19",
    budget: 1_200_000_000, budgetSource: BudgetSource.MIXED, policy: caMauProgramPolicy(2020, 8_000_000), participants: [8, 12], agreements: [0, 1],
  },
  {
    key: "hcmc-week-2020", name: "Tuần lễ nông sản, thực phẩm an toàn và sản phẩm OCOP Cà Mau tại TP. Hồ Chí Minh", kind: ProgramKind.PRODUCT_WEEK, organiser: INDUSTRY_TRADE,
    venue: "Nhà Văn hóa Thanh niên, Quận 1, TP. Hồ Chí Minh", province: "TP. Hồ Chí Minh", startsOn: "2020-07-15", endsOn: "2020-07-19",
    budget: 650_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: caMauProgramPolicy(2020, 15_000_000), participants: [6, 9], agreements: [0, 2],
  },
  {
    key: "cantho-fair-2020", name: "Hội chợ Triển lãm Thương mại – Nông nghiệp vùng Đồng bằng sông Cửu Long 2020", kind: ProgramKind.FAIR, organiser: "Trung tâm Xúc tiến Thương mại và Đầu tư thành phố Cần Thơ",
    venue: "Khu Hội chợ Triển lãm thành phố Cần Thơ", province: "Cần Thơ", startsOn: "2020-09-24", endsOn: "2020-09-28",
    budget: 300_000_000, budgetSource: BudgetSource.SOCIALISED, policy: { legalBasis: "Kế hoạch xúc tiến thương mại năm 2020 của Liên minh Hợp tác xã tỉnh Cà Mau", percentage: 50, capPerCooperative: 6_000_000 }, participants: [4, 7], agreements: [0, 1],
  },
  {
    key: "coopmart-2020", name: "Đưa sản phẩm của hợp tác xã Cà Mau vào hệ thống siêu thị Co.opmart", kind: ProgramKind.RETAIL_LISTING, organiser: ALLIANCE,
    venue: "Hệ thống siêu thị Co.opmart", province: "TP. Hồ Chí Minh", startsOn: "2020-10-20", endsOn: "2020-12-31",
    budget: 120_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: null, participants: [3, 5], agreements: [1, 1],
  },
  {
    key: "agroviet-2020", name: "Hội chợ Nông nghiệp Quốc tế Việt Nam (AgroViet) 2020", kind: ProgramKind.FAIR, organiser: "Bộ Nông nghiệp và Phát triển nông thôn",
    venue: "Trung tâm Triển lãm Giảng Võ, Hà Nội", province: "Hà Nội", startsOn: "2020-12-02", endsOn: "2020-12-06",
    budget: 400_000_000, budgetSource: BudgetSource.CENTRAL_BUDGET, policy: { legalBasis: "Chương trình Xúc tiến thương mại quốc gia năm 2020", percentage: 70, capPerCooperative: 12_000_000 }, participants: [3, 5], agreements: [0, 1],
  },
  {
    key: "tet-fair-2021", name: "Hội chợ Xúc tiến thương mại Tết Tân Sửu 2021", kind: ProgramKind.FAIR, organiser: INDUSTRY_TRADE,
    venue: "Công viên Văn hóa Cà Mau, thành phố Cà Mau", province: "Cà Mau", startsOn: "2021-01-22", endsOn: "2021-02-05",
    budget: 1_350_000_000, budgetSource: BudgetSource.MIXED, policy: caMauProgramPolicy(2021, 8_000_000), participants: [9, 13], agreements: [0, 1],
  },
  {
    key: "cantho-conference-2021", name: "Hội nghị kết nối cung cầu hàng hóa giữa thành phố Cần Thơ và các tỉnh Đồng bằng sông Cửu Long 2021", kind: ProgramKind.TRADE_CONNECTION_CONFERENCE, organiser: "Sở Công Thương thành phố Cần Thơ",
    venue: "Trung tâm Hội nghị thành phố Cần Thơ", province: "Cần Thơ", startsOn: "2021-03-18", endsOn: "2021-03-19",
    budget: 150_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: caMauProgramPolicy(2021, 5_000_000), participants: [5, 8], agreements: [1, 3],
  },
  {
    // The program the article speaks of: 10 cooperatives with typical, branded or OCOP products in Hà Nội.
    key: "hanoi-2021", name: "Chương trình xúc tiến thương mại, kết nối, tiêu thụ sản phẩm hợp tác xã tỉnh Cà Mau tại Hà Nội", kind: ProgramKind.PRODUCT_WEEK, organiser: ALLIANCE,
    venue: "Trung tâm Giới thiệu sản phẩm hợp tác xã, Liên minh Hợp tác xã Việt Nam, Hà Nội", province: "Hà Nội", startsOn: "2021-04-08", endsOn: "2021-04-12",
    budget: 350_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: { legalBasis: "Kế hoạch hỗ trợ hợp tác xã tham gia xúc tiến thương mại năm 2021 của Liên minh Hợp tác xã tỉnh Cà Mau", percentage: 100, capPerCooperative: 20_000_000 }, participants: 10, ocopOrBrandedOnly: true, agreements: [0, 2],
    description: "Hỗ trợ 10 hợp tác xã có sản phẩm tiêu biểu, có thương hiệu, sản phẩm đạt OCOP của tỉnh giới thiệu, kết nối và tiêu thụ sản phẩm tại Hà Nội.",
  },
  {
    key: "livestream-2021", name: "Đưa sản phẩm OCOP Cà Mau lên sàn thương mại điện tử và livestream bán hàng", kind: ProgramKind.ECOMMERCE, organiser: INDUSTRY_TRADE,
    venue: "Sàn thương mại điện tử và mạng xã hội", province: "Cà Mau", startsOn: "2021-05-20", endsOn: "2021-06-20",
    budget: 90_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: null, participants: [6, 10], agreements: [0, 0],
  },
  {
    key: "hcmc-week-2021", name: "Tuần hàng sản phẩm OCOP và đặc sản Cà Mau tại TP. Hồ Chí Minh", kind: ProgramKind.PRODUCT_WEEK, organiser: INDUSTRY_TRADE,
    venue: "Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC), TP. Hồ Chí Minh", province: "TP. Hồ Chí Minh", startsOn: "2021-12-09", endsOn: "2021-12-13",
    budget: 700_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: caMauProgramPolicy(2021, 15_000_000), participants: [7, 11], agreements: [0, 2],
  },
  {
    key: "agroviet-2021", name: "Hội chợ Nông nghiệp Quốc tế Việt Nam (AgroViet) 2021", kind: ProgramKind.FAIR, organiser: "Bộ Nông nghiệp và Phát triển nông thôn",
    venue: "Trung tâm Triển lãm Giảng Võ, Hà Nội", province: "Hà Nội", startsOn: "2021-12-15", endsOn: "2021-12-19",
    budget: 420_000_000, budgetSource: BudgetSource.CENTRAL_BUDGET, policy: { legalBasis: "Chương trình Xúc tiến thương mại quốc gia năm 2021", percentage: 70, capPerCooperative: 12_000_000 }, participants: [3, 6], agreements: [0, 1],
  },
  {
    key: "camau-fair-2021", name: "Hội chợ Triển lãm Thương mại Cà Mau 2021", kind: ProgramKind.FAIR, organiser: INDUSTRY_TRADE,
    venue: "Quảng trường Hùng Vương, thành phố Cà Mau", province: "Cà Mau", startsOn: "2021-12-24", endsOn: "2021-12-31",
    budget: 950_000_000, budgetSource: BudgetSource.MIXED, policy: caMauProgramPolicy(2021, 8_000_000), participants: [8, 12], agreements: [0, 1],
  },
];

/** Buyers cooperatives sign with at programs. */
export const COUNTERPARTIES: readonly { name: string; kinds: readonly AgreementKind[] }[] = [
  { name: "Liên hiệp Hợp tác xã Thương mại TP. Hồ Chí Minh (Saigon Co.op)", kinds: [AgreementKind.SALES_CONTRACT, AgreementKind.DISTRIBUTION_CONTRACT] },
  { name: "Tổng công ty Thương mại Hà Nội (Hapro)", kinds: [AgreementKind.MEMORANDUM_OF_UNDERSTANDING, AgreementKind.SALES_CONTRACT] },
  { name: "Hệ thống siêu thị BRGMart", kinds: [AgreementKind.SALES_CONTRACT, AgreementKind.MEMORANDUM_OF_UNDERSTANDING] },
  { name: "Công ty TNHH MM Mega Market Việt Nam", kinds: [AgreementKind.MEMORANDUM_OF_UNDERSTANDING] },
  { name: "Chuỗi cửa hàng Bách hóa Xanh", kinds: [AgreementKind.SALES_CONTRACT] },
  { name: "Trung tâm Giới thiệu sản phẩm hợp tác xã, Liên minh Hợp tác xã Việt Nam", kinds: [AgreementKind.DISTRIBUTION_CONTRACT, AgreementKind.MEMORANDUM_OF_UNDERSTANDING] },
  { name: "Công ty Cổ phần Xuất nhập khẩu Thủy sản Cà Mau", kinds: [AgreementKind.SALES_CONTRACT] },
  { name: "Cửa hàng đặc sản miền Tây tại Hà Nội", kinds: [AgreementKind.SALES_CONTRACT, AgreementKind.OTHER] },
  { name: "Công ty TNHH Thương mại Nông sản sạch Cần Thơ", kinds: [AgreementKind.MEMORANDUM_OF_UNDERSTANDING, AgreementKind.SALES_CONTRACT] },
];
