/**
 * The one list of the open-data datasets: what the gateway's catalogue describes and serves, and
 * what each subgraph must stream from its own database. A column names the public GraphQL field it
 * carries (a path from the dataset's type, e.g. `address.communeCode`), so a dataset holds nothing
 * an anonymous caller of the API could not read; the end-to-end tests ask the API for those very
 * fields anonymously and compare. Columns are never personal data: no member, no person's name
 * (the legal representative is left out although the API shows it), no fund record of one borrower,
 * no free-text note that may name people.
 */
export type OpenDataFormat = "csv" | "jsonl";

export const OPEN_DATA_FORMATS: Readonly<Record<OpenDataFormat, { mediaType: string; label: string }>> = {
  csv: { mediaType: "text/csv", label: "CSV" },
  jsonl: { mediaType: "application/jsonl", label: "JSON Lines" },
};

export interface OpenDataColumn {
  /** Column header in CSV, key in JSON Lines. */
  readonly name: string;
  /** The public GraphQL field it holds, as a path from the dataset's type. */
  readonly field: string;
}

export interface OpenDataset {
  /** File name without extension: /open-data/<name>.csv */
  readonly name: string;
  /** The subgraph that streams it from its own database; `gateway`: made by the gateway from the API. */
  readonly source: "registry" | "trade" | "outreach" | "gateway";
  /** The GraphQL type one row describes. */
  readonly type: string;
  readonly title: { vi: string; en: string };
  readonly description: { vi: string; en: string };
  readonly keywords: readonly string[];
  readonly columns: readonly OpenDataColumn[];
  /** Holds figures in force on the day of the download (OCOP stars): the file changes at midnight too. */
  readonly changesDaily?: boolean;
}

const c = (name: string, field = name): OpenDataColumn => ({ name, field });

/** What the registration of a cooperative and of a union of cooperatives both record. */
const registeredEntityColumns: readonly OpenDataColumn[] = [
  c("id"), c("code"), c("name"), c("foreignName"), c("abbreviation"), c("status"), c("statusSince"), c("foundedOn"), c("governingLaw"),
  c("street", "address.street"), c("communeCode", "address.communeCode"), c("districtCode", "address.districtCode"), c("codeSystem", "address.codeSystem"),
];

export const OPEN_DATASETS: readonly OpenDataset[] = [
  {
    name: "cooperatives",
    source: "registry",
    type: "Cooperative",
    title: { vi: "Hợp tác xã", en: "Cooperatives" },
    description: {
      vi: "Danh sách hợp tác xã đăng ký tại tỉnh Cà Mau: mã số, tên, tình trạng pháp lý, ngày thành lập, địa chỉ trụ sở (mã xã, mã huyện), lĩnh vực, vốn điều lệ, ngành nghề (mã VSIC), thành viên Liên minh HTX.",
      en: "Cooperatives registered in Cà Mau province: registration code, name, legal status, founding date, head-office units (commune and district codes), sector, charter capital, business lines (VSIC codes), Cooperative Alliance membership.",
    },
    keywords: ["hợp tác xã", "kinh tế tập thể", "cooperatives", "Cà Mau"],
    columns: [
      ...registeredEntityColumns,
      c("sectorCode", "sector.code"), c("charterCapital"), c("businessLines"), c("isNewModel"), c("isAllianceMember"), c("allianceJoinedOn"),
    ],
  },
  {
    name: "cooperative-groups",
    source: "registry",
    type: "CooperativeGroup",
    title: { vi: "Tổ hợp tác", en: "Cooperative groups" },
    description: {
      vi: "Danh sách tổ hợp tác: tên, xã chứng thực, lĩnh vực, ngày thành lập, ngày chứng thực, tình trạng, ngày chấm dứt.",
      en: "Cooperative groups: name, certifying commune, sector, founding and certification dates, status, end date.",
    },
    keywords: ["tổ hợp tác", "kinh tế tập thể", "cooperative groups", "Cà Mau"],
    columns: [c("id"), c("name"), c("communeCode"), c("sectorCode", "sector.code"), c("foundedOn"), c("certifiedOn"), c("status"), c("dissolvedOn")],
  },
  {
    name: "cooperative-unions",
    source: "registry",
    type: "CooperativeUnion",
    title: { vi: "Liên hiệp hợp tác xã", en: "Unions of cooperatives" },
    description: {
      vi: "Danh sách liên hiệp hợp tác xã: mã số, tên, tình trạng pháp lý, ngày thành lập, địa chỉ trụ sở (mã xã, mã huyện), vốn điều lệ.",
      en: "Unions of cooperatives: registration code, name, legal status, founding date, head-office units (commune and district codes), charter capital.",
    },
    keywords: ["liên hiệp hợp tác xã", "kinh tế tập thể", "unions of cooperatives", "Cà Mau"],
    columns: [
      ...registeredEntityColumns, c("charterCapital"),
    ],
  },
  {
    name: "products",
    source: "trade",
    type: "Product",
    title: { vi: "Sản phẩm và hạng sao OCOP", en: "Products and their OCOP stars" },
    description: {
      vi: "Sản phẩm của các hợp tác xã với nhóm sản phẩm OCOP và số sao OCOP còn hiệu lực tại ngày tải về.",
      en: "Products of the cooperatives with their OCOP product group and the OCOP stars in force on the day of the download.",
    },
    keywords: ["OCOP", "sản phẩm", "products", "Cà Mau"],
    columns: [c("id"), c("name"), c("cooperativeId", "cooperative.id"), c("productGroup"), c("ocopStars"), c("createdAt")],
    changesDaily: true,
  },
  {
    name: "trade-promotion-programs",
    source: "trade",
    type: "TradePromotionProgram",
    title: { vi: "Chương trình xúc tiến thương mại", en: "Trade promotion programs" },
    description: {
      vi: "Hội chợ, triển lãm và chương trình xúc tiến thương mại: tên, loại, đơn vị tổ chức, địa điểm, tỉnh, thời gian, kinh phí và nguồn kinh phí.",
      en: "Fairs, exhibitions and trade promotion programs: name, kind, organiser, venue, province, dates, budget and its source.",
    },
    keywords: ["xúc tiến thương mại", "hội chợ", "trade promotion", "Cà Mau"],
    columns: [c("id"), c("name"), c("kind"), c("organiser"), c("venue"), c("province"), c("startsOn"), c("endsOn"), c("budget"), c("budgetSource")],
  },
  {
    name: "trade-promotion-participations",
    source: "trade",
    type: "Participation",
    title: { vi: "Hợp tác xã tham gia xúc tiến thương mại", en: "Cooperatives' participations in trade promotion" },
    description: {
      vi: "Lượt tham gia của hợp tác xã trong các chương trình xúc tiến thương mại: số gian hàng, chi phí được hỗ trợ, kinh phí hỗ trợ (không gồm doanh thu và hợp đồng, vốn không công khai).",
      en: "Cooperatives' participations in trade promotion programs: booths, eligible cost, support granted (sales revenue and agreements are not public and are left out).",
    },
    keywords: ["xúc tiến thương mại", "hỗ trợ", "trade promotion", "Cà Mau"],
    columns: [c("id"), c("programId", "program.id"), c("cooperativeId", "cooperative.id"), c("boothCount"), c("eligibleCost"), c("supportAmount"), c("createdAt")],
  },
  {
    name: "training-classes",
    source: "outreach",
    type: "TrainingClass",
    title: { vi: "Lớp bồi dưỡng, tuyên truyền, truyền nghề", en: "Training and outreach classes" },
    description: {
      vi: "Các lớp của Liên minh HTX: tên lớp, loại, đối tượng, đơn vị tổ chức, địa bàn, thời gian, số học viên, số HTX tham gia, tình trạng.",
      en: "Classes of the Cooperative Alliance: title, kind, audience, organiser, place, dates, participants, cooperatives attending, status.",
    },
    keywords: ["đào tạo", "tuyên truyền", "training", "Cà Mau"],
    columns: [
      c("id"), c("title"), c("kind"), c("audience"), c("organiser"), c("codeSystem"), c("districtCode"), c("communeCode"), c("startDate"), c("endDate"),
      c("participantCount"), c("cooperativeCount"), c("status"), c("cancelledOn"),
    ],
  },
  {
    name: "report-figures",
    source: "gateway",
    type: "CollectiveEconomyReport",
    title: { vi: "Số liệu kinh tế tập thể theo kỳ sáu tháng", en: "Collective economy figures by half-year" },
    description: {
      vi: "Các chỉ tiêu của báo cáo kinh tế tập thể tỉnh Cà Mau cho từng kỳ sáu tháng, từ kỳ có số liệu đầu tiên đến kỳ đã kết thúc gần nhất, tính từ hồ sơ.",
      en: "The figures of Cà Mau's collective economy report for each half-year, from the first period with records to the last complete one, derived from the records.",
    },
    keywords: ["báo cáo", "kinh tế tập thể", "statistics", "Cà Mau"],
    columns: [
      c("from"), c("to"), c("cooperativeCount"), c("newCooperativeCount"), c("dissolvedCooperativeCount"), c("newModelCooperativeCount"), c("cooperativeGroupCount"),
      c("memberCount"), c("unionCount"), c("unionMemberCooperativeCount"), c("newAllianceMemberCount"), c("ocopProductCount"), c("tradePromotionProgramCount"),
      c("tradePromotionSupportedCooperativeCount"), c("stateManagementClassCount"), c("outreachClassCount"), c("fundedProjectCount"), c("fundDisbursedAmount"),
      c("fundOutstandingPrincipal"),
    ],
  },
];

export function openDataset(name: string): OpenDataset | undefined {
  return OPEN_DATASETS.find((d) => d.name === name);
}
