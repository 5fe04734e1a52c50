import { registerEnumType } from "type-graphql";

/** Kind of class the Alliance runs or co-organises. */
export enum TrainingClassKind {
  STATE_MANAGEMENT = "STATE_MANAGEMENT",
  OUTREACH = "OUTREACH",
  VOCATIONAL = "VOCATIONAL",
}
registerEnumType(TrainingClassKind, {
  name: "TrainingClassKind",
  description: "Kind of class (loại lớp).",
  valuesConfig: {
    STATE_MANAGEMENT: {
      description: "Class on state management of the collective economy for key commune officials (lớp bồi dưỡng nghiệp vụ quản lý nhà nước về kinh tế tập thể cho cán bộ chủ chốt cấp xã).",
    },
    OUTREACH: { description: "Outreach class on the collective economy and cooperatives (lớp tuyên truyền)." },
    VOCATIONAL: { description: "Vocational class passing on a trade (lớp truyền nghề)." },
  },
});

/** Who a class is meant for. */
export enum TrainingAudience {
  COMMUNE_OFFICIALS = "COMMUNE_OFFICIALS",
  COOPERATIVE_MANAGERS = "COOPERATIVE_MANAGERS",
  COOPERATIVE_MEMBERS = "COOPERATIVE_MEMBERS",
  PUBLIC = "PUBLIC",
}
registerEnumType(TrainingAudience, {
  name: "TrainingAudience",
  description: "Target audience of a class (đối tượng).",
  valuesConfig: {
    COMMUNE_OFFICIALS: { description: "Key officials of communes and wards (cán bộ chủ chốt cấp xã)." },
    COOPERATIVE_MANAGERS: { description: "Managers and board members of cooperatives (cán bộ quản lý HTX)." },
    COOPERATIVE_MEMBERS: { description: "Members of cooperatives and cooperative groups (thành viên HTX, THT)." },
    PUBLIC: { description: "The general public (người dân)." },
  },
});

/** Where a class stands. */
export enum TrainingClassStatus {
  SCHEDULED = "SCHEDULED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerEnumType(TrainingClassStatus, {
  name: "TrainingClassStatus",
  description: "Status of a class (tình trạng lớp).",
  valuesConfig: {
    SCHEDULED: { description: "Planned; attendance not yet recorded (dự kiến)." },
    HELD: { description: "Held; attendance recorded (đã tổ chức)." },
    CANCELLED: { description: "Cancelled before it was held (đã hủy); never counted in reports." },
  },
});

/** Field to sort classes by. */
export enum TrainingClassOrderField {
  START_DATE = "START_DATE",
  END_DATE = "END_DATE",
  TITLE = "TITLE",
  RELEVANCE = "RELEVANCE",
}
registerEnumType(TrainingClassOrderField, {
  name: "TrainingClassOrderField",
  description: "Field to sort classes by.",
  valuesConfig: {
    START_DATE: { description: "First day of the class." },
    END_DATE: { description: "Last day of the class." },
    TITLE: { description: "Title, in Vietnamese alphabetical order, case-insensitive." },
    RELEVANCE: { description: "How well the item matches `filter.search`: whole words first, then word prefixes, then words inside words, then near spellings; ties by title in Vietnamese order. Default when searching; needs `filter.search`." },
  },
});

