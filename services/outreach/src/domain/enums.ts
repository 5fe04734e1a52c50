import { registerLabelledEnum } from "@camau/shared";

/** Kind of class the Alliance runs or co-organises. */
export enum TrainingClassKind {
  STATE_MANAGEMENT = "STATE_MANAGEMENT",
  OUTREACH = "OUTREACH",
  VOCATIONAL = "VOCATIONAL",
}
registerLabelledEnum(TrainingClassKind, {
  name: "TrainingClassKind",
  description: "Kind of class (loại lớp).",
  labels: {
    STATE_MANAGEMENT: {
      en: "State-management class",
      vi: "Lớp bồi dưỡng nghiệp vụ quản lý nhà nước về kinh tế tập thể",
      detail: "on state management of the collective economy, for key commune officials",
    },
    OUTREACH: { en: "Outreach class", vi: "Lớp tuyên truyền", detail: "on the collective economy and cooperatives" },
    VOCATIONAL: { en: "Vocational class", vi: "Lớp truyền nghề", detail: "passing on a trade" },
  },
});

/** Who a class is meant for. */
export enum TrainingAudience {
  COMMUNE_OFFICIALS = "COMMUNE_OFFICIALS",
  COOPERATIVE_MANAGERS = "COOPERATIVE_MANAGERS",
  COOPERATIVE_MEMBERS = "COOPERATIVE_MEMBERS",
  PUBLIC = "PUBLIC",
}
registerLabelledEnum(TrainingAudience, {
  name: "TrainingAudience",
  description: "Target audience of a class (đối tượng).",
  labels: {
    COMMUNE_OFFICIALS: { en: "Commune officials", vi: "Cán bộ chủ chốt cấp xã", detail: "key officials of communes and wards" },
    COOPERATIVE_MANAGERS: { en: "Cooperative managers", vi: "Cán bộ quản lý HTX", detail: "managers and board members of cooperatives" },
    COOPERATIVE_MEMBERS: { en: "Cooperative members", vi: "Thành viên HTX, THT", detail: "members of cooperatives and cooperative groups" },
    PUBLIC: { en: "General public", vi: "Người dân" },
  },
});

/** Where a class stands. */
export enum TrainingClassStatus {
  SCHEDULED = "SCHEDULED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerLabelledEnum(TrainingClassStatus, {
  name: "TrainingClassStatus",
  description: "Status of a class (tình trạng lớp).",
  labels: {
    SCHEDULED: { en: "Scheduled", vi: "Dự kiến", detail: "planned; attendance not yet recorded" },
    HELD: { en: "Held", vi: "Đã tổ chức", detail: "attendance recorded" },
    CANCELLED: { en: "Cancelled", vi: "Đã hủy", detail: "cancelled before it was held; never counted in reports" },
  },
});

/** Field to sort classes by. */
export enum TrainingClassOrderField {
  START_DATE = "START_DATE",
  END_DATE = "END_DATE",
  TITLE = "TITLE",
  RELEVANCE = "RELEVANCE",
}
registerLabelledEnum(TrainingClassOrderField, {
  name: "TrainingClassOrderField",
  description: "Field to sort classes by.",
  labels: {
    START_DATE: { en: "Start date", vi: "Ngày bắt đầu", detail: "first day of the class" },
    END_DATE: { en: "End date", vi: "Ngày kết thúc", detail: "last day of the class" },
    TITLE: { en: "Title", vi: "Tên lớp", detail: "in Vietnamese alphabetical order, case-insensitive" },
    RELEVANCE: { en: "Relevance", vi: "Mức độ phù hợp", detail: "how well the item matches `filter.search`: whole words first, then word prefixes, then words inside words, then near spellings; ties by title in Vietnamese order. Default when searching; needs `filter.search`" },
  },
});

