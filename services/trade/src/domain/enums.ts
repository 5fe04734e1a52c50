import { registerEnumType } from "type-graphql";

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export enum OcopProductGroup {
  FOOD = "FOOD",
  BEVERAGE = "BEVERAGE",
  HERBAL = "HERBAL",
  HANDICRAFT = "HANDICRAFT",
  ORNAMENTAL_PLANTS_AND_ANIMALS = "ORNAMENTAL_PLANTS_AND_ANIMALS",
  COMMUNITY_AND_ECO_TOURISM = "COMMUNITY_AND_ECO_TOURISM",
}
registerEnumType(OcopProductGroup, {
  name: "OcopProductGroup",
  description: "OCOP product group (nhóm sản phẩm OCOP), one of the six groups of Decision 148/QĐ-TTg (2023).",
  valuesConfig: {
    FOOD: { description: "Food (thực phẩm): fresh and processed farm and fishery products, e.g. crab, dried shrimp, dried fish, rice, honey." },
    BEVERAGE: { description: "Beverages (đồ uống): alcoholic and non-alcoholic drinks." },
    HERBAL: { description: "Herbs and medicinal products (thảo dược)." },
    HANDICRAFT: { description: "Handicrafts (thủ công mỹ nghệ)." },
    ORNAMENTAL_PLANTS_AND_ANIMALS: { description: "Ornamental plants and animals (sinh vật cảnh)." },
    COMMUNITY_AND_ECO_TOURISM: { description: "Community and eco-tourism services and tourist sites (dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch)." },
  },
});

/** Council that rated an OCOP product: provincial for 3–4 stars, national for 5. */
export enum OcopLevel {
  PROVINCIAL = "PROVINCIAL",
  NATIONAL = "NATIONAL",
}
registerEnumType(OcopLevel, {
  name: "OcopLevel",
  description: "Level of the OCOP evaluation council that certified the rating (cấp đánh giá, phân hạng).",
  valuesConfig: {
    PROVINCIAL: { description: "Provincial council (cấp tỉnh): 3- and 4-star ratings." },
    NATIONAL: { description: "National council (cấp trung ương): 5-star ratings." },
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
registerEnumType(MarkKind, {
  name: "MarkKind",
  description: "Kind of brand or mark a product is sold under (loại nhãn hiệu).",
  valuesConfig: {
    TRADEMARK: { description: "A registered trademark of the cooperative (nhãn hiệu)." },
    COLLECTIVE_MARK: { description: "A collective mark shared by the producers of an area (nhãn hiệu tập thể), e.g. 'Mật ong U Minh Hạ'." },
    CERTIFICATION_MARK: { description: "A certification mark (nhãn hiệu chứng nhận), e.g. 'Cua Cà Mau'." },
    GEOGRAPHICAL_INDICATION: { description: "A geographical indication (chỉ dẫn địa lý)." },
    UNREGISTERED_BRAND: { description: "A brand name in use but not (yet) registered (thương hiệu chưa đăng ký)." },
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
registerEnumType(ProgramKind, {
  name: "ProgramKind",
  description: "Kind of trade promotion program (loại hình xúc tiến thương mại).",
  valuesConfig: {
    FAIR: { description: "Fair or exhibition (hội chợ, triển lãm)." },
    TRADE_CONNECTION_CONFERENCE: { description: "Supply–demand connection conference where contracts and MOUs are signed (hội nghị kết nối cung cầu)." },
    PRODUCT_WEEK: { description: "Product week in supermarkets or another province (tuần hàng, tuần lễ sản phẩm)." },
    RETAIL_LISTING: { description: "Listing in modern retail chains (đưa sản phẩm vào hệ thống phân phối hiện đại)." },
    ECOMMERCE: { description: "E-commerce onboarding or livestream sales (thương mại điện tử, livestream bán hàng)." },
    OTHER: { description: "Other trade promotion activity (hoạt động khác)." },
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
registerEnumType(BudgetSource, {
  name: "BudgetSource",
  description: "Source of a program's budget (nguồn kinh phí).",
  valuesConfig: {
    CENTRAL_BUDGET: { description: "Central state budget, e.g. the national trade promotion program (ngân sách trung ương)." },
    PROVINCIAL_BUDGET: { description: "Provincial budget, e.g. the provincial trade promotion program (ngân sách tỉnh)." },
    DISTRICT_BUDGET: { description: "District budget (ngân sách huyện)." },
    SOCIALISED: { description: "Sponsors and participants' contributions (xã hội hóa)." },
    MIXED: { description: "Several of the above (nhiều nguồn)." },
    OTHER: { description: "Another source (nguồn khác)." },
  },
});

/** Kind of agreement signed at a program. */
export enum AgreementKind {
  SALES_CONTRACT = "SALES_CONTRACT",
  DISTRIBUTION_CONTRACT = "DISTRIBUTION_CONTRACT",
  MEMORANDUM_OF_UNDERSTANDING = "MEMORANDUM_OF_UNDERSTANDING",
  OTHER = "OTHER",
}
registerEnumType(AgreementKind, {
  name: "AgreementKind",
  description: "Kind of agreement signed at a trade promotion program (loại thỏa thuận).",
  valuesConfig: {
    SALES_CONTRACT: { description: "Sales or supply contract (hợp đồng mua bán, cung ứng)." },
    DISTRIBUTION_CONTRACT: { description: "Distribution or agency contract (hợp đồng phân phối, đại lý)." },
    MEMORANDUM_OF_UNDERSTANDING: { description: "Memorandum of understanding (biên bản ghi nhớ, MOU)." },
    OTHER: { description: "Another kind of agreement (thỏa thuận khác)." },
  },
});
