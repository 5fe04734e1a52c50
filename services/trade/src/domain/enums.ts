import { registerLabelledEnum } from "@camau/shared";

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export enum OcopProductGroup {
  FOOD = "FOOD",
  BEVERAGE = "BEVERAGE",
  HERBAL = "HERBAL",
  HANDICRAFT = "HANDICRAFT",
  ORNAMENTAL_PLANTS_AND_ANIMALS = "ORNAMENTAL_PLANTS_AND_ANIMALS",
  COMMUNITY_AND_ECO_TOURISM = "COMMUNITY_AND_ECO_TOURISM",
}
registerLabelledEnum(OcopProductGroup, {
  name: "OcopProductGroup",
  description: "OCOP product group (nhóm sản phẩm OCOP), one of the six groups of Decision 148/QĐ-TTg (2023).",
  labels: {
    FOOD: { en: "Food", vi: "Thực phẩm", detail: "fresh and processed farm and fishery products, e.g. crab, dried shrimp, dried fish, rice, honey" },
    BEVERAGE: { en: "Beverages", vi: "Đồ uống", detail: "alcoholic and non-alcoholic drinks" },
    HERBAL: { en: "Herbs and medicinal products", vi: "Thảo dược" },
    HANDICRAFT: { en: "Handicrafts", vi: "Thủ công mỹ nghệ" },
    ORNAMENTAL_PLANTS_AND_ANIMALS: { en: "Ornamental plants and animals", vi: "Sinh vật cảnh" },
    COMMUNITY_AND_ECO_TOURISM: { en: "Community and eco-tourism", vi: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", detail: "community and eco-tourism services and tourist sites" },
  },
});

/** Council that rated an OCOP product: provincial for 3–4 stars, national for 5. */
export enum OcopLevel {
  PROVINCIAL = "PROVINCIAL",
  NATIONAL = "NATIONAL",
}
registerLabelledEnum(OcopLevel, {
  name: "OcopLevel",
  description: "Level of the OCOP evaluation council that certified the rating (cấp đánh giá, phân hạng).",
  labels: {
    PROVINCIAL: { en: "Provincial", vi: "Cấp tỉnh", detail: "provincial council; 3- and 4-star ratings" },
    NATIONAL: { en: "National", vi: "Cấp trung ương", detail: "national council; 5-star ratings" },
  },
});

/** Kind of industrial-property sign a product is sold under. */
export enum MarkKind {
  TRADEMARK = "TRADEMARK",
  COLLECTIVE_MARK = "COLLECTIVE_MARK",
  CERTIFICATION_MARK = "CERTIFICATION_MARK",
  GEOGRAPHICAL_INDICATION = "GEOGRAPHICAL_INDICATION",
  UNREGISTERED_BRAND = "UNREGISTERED_BRAND",
}
registerLabelledEnum(MarkKind, {
  name: "MarkKind",
  description: "Kind of brand or mark a product is sold under (loại nhãn hiệu).",
  labels: {
    TRADEMARK: { en: "Trademark", vi: "Nhãn hiệu", detail: "a registered trademark of the cooperative" },
    COLLECTIVE_MARK: { en: "Collective mark", vi: "Nhãn hiệu tập thể", detail: "shared by the producers of an area, e.g. 'Mật ong U Minh Hạ'" },
    CERTIFICATION_MARK: { en: "Certification mark", vi: "Nhãn hiệu chứng nhận", detail: "e.g. 'Cua Cà Mau'" },
    GEOGRAPHICAL_INDICATION: { en: "Geographical indication", vi: "Chỉ dẫn địa lý" },
    UNREGISTERED_BRAND: { en: "Unregistered brand", vi: "Thương hiệu chưa đăng ký", detail: "a brand name in use but not (yet) registered" },
  },
});

/** Kind of trade promotion program or event. */
export enum ProgramKind {
  FAIR = "FAIR",
  TRADE_CONNECTION_CONFERENCE = "TRADE_CONNECTION_CONFERENCE",
  PRODUCT_WEEK = "PRODUCT_WEEK",
  RETAIL_LISTING = "RETAIL_LISTING",
  ECOMMERCE = "ECOMMERCE",
  OTHER = "OTHER",
}
registerLabelledEnum(ProgramKind, {
  name: "ProgramKind",
  description: "Kind of trade promotion program (loại hình xúc tiến thương mại).",
  labels: {
    FAIR: { en: "Fair or exhibition", vi: "Hội chợ, triển lãm" },
    TRADE_CONNECTION_CONFERENCE: { en: "Trade connection conference", vi: "Hội nghị kết nối cung cầu", detail: "supply–demand connection conference where contracts and MOUs are signed" },
    PRODUCT_WEEK: { en: "Product week", vi: "Tuần hàng, tuần lễ sản phẩm", detail: "in supermarkets or another province" },
    RETAIL_LISTING: { en: "Retail listing", vi: "Đưa sản phẩm vào hệ thống phân phối hiện đại", detail: "listing in modern retail chains" },
    ECOMMERCE: { en: "E-commerce", vi: "Thương mại điện tử, livestream bán hàng", detail: "e-commerce onboarding or livestream sales" },
    OTHER: { en: "Other", vi: "Hoạt động khác", detail: "another trade promotion activity" },
  },
});

/** Where a program's budget comes from. */
export enum BudgetSource {
  CENTRAL_BUDGET = "CENTRAL_BUDGET",
  PROVINCIAL_BUDGET = "PROVINCIAL_BUDGET",
  DISTRICT_BUDGET = "DISTRICT_BUDGET",
  SOCIALISED = "SOCIALISED",
  MIXED = "MIXED",
  OTHER = "OTHER",
}
registerLabelledEnum(BudgetSource, {
  name: "BudgetSource",
  description: "Source of a program's budget (nguồn kinh phí).",
  labels: {
    CENTRAL_BUDGET: { en: "Central budget", vi: "Ngân sách trung ương", detail: "e.g. the national trade promotion program" },
    PROVINCIAL_BUDGET: { en: "Provincial budget", vi: "Ngân sách tỉnh", detail: "e.g. the provincial trade promotion program" },
    DISTRICT_BUDGET: { en: "District budget", vi: "Ngân sách huyện" },
    SOCIALISED: { en: "Socialised", vi: "Xã hội hóa", detail: "sponsors and participants' contributions" },
    MIXED: { en: "Mixed", vi: "Nhiều nguồn", detail: "several of the above" },
    OTHER: { en: "Other", vi: "Nguồn khác" },
  },
});

/** Kind of agreement signed at a program. */
export enum AgreementKind {
  SALES_CONTRACT = "SALES_CONTRACT",
  DISTRIBUTION_CONTRACT = "DISTRIBUTION_CONTRACT",
  MEMORANDUM_OF_UNDERSTANDING = "MEMORANDUM_OF_UNDERSTANDING",
  OTHER = "OTHER",
}
registerLabelledEnum(AgreementKind, {
  name: "AgreementKind",
  description: "Kind of agreement signed at a trade promotion program (loại thỏa thuận).",
  labels: {
    SALES_CONTRACT: { en: "Sales contract", vi: "Hợp đồng mua bán, cung ứng", detail: "sales or supply contract" },
    DISTRIBUTION_CONTRACT: { en: "Distribution contract", vi: "Hợp đồng phân phối, đại lý", detail: "distribution or agency contract" },
    MEMORANDUM_OF_UNDERSTANDING: { en: "Memorandum of understanding", vi: "Biên bản ghi nhớ", detail: "MOU" },
    OTHER: { en: "Other", vi: "Thỏa thuận khác", detail: "another kind of agreement" },
  },
});
