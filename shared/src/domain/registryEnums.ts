import { registerLabelledEnum } from "../graphql/enumLabels";

/*
 * The registry's stored values that demo data writes too (statuses, kinds, ratings), with their
 * labels: one definition for the registry's schema and for the demo generator.
 */

/** Legal status of a cooperative or union (tình trạng pháp lý). */
export enum LegalStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  IN_DISSOLUTION = "IN_DISSOLUTION",
  DISSOLVED = "DISSOLVED",
  BANKRUPT = "BANKRUPT",
  REVOKED = "REVOKED",
}
registerLabelledEnum(LegalStatus, {
  name: "LegalStatus",
  description: "Legal status of a cooperative or union (tình trạng pháp lý).",
  labels: {
    ACTIVE: { en: "Active", vi: "Đang hoạt động" },
    SUSPENDED: { en: "Suspended", vi: "Tạm ngừng kinh doanh", detail: "temporarily suspended" },
    IN_DISSOLUTION: { en: "In dissolution", vi: "Đang giải thể" },
    DISSOLVED: { en: "Dissolved", vi: "Đã giải thể" },
    BANKRUPT: { en: "Bankrupt", vi: "Phá sản" },
    REVOKED: { en: "Revoked", vi: "Bị thu hồi giấy chứng nhận", detail: "registration certificate revoked" },
  },
});

/** Version of the Law on Cooperatives the organisation is registered under. */
export enum GoverningLaw {
  LAW_2012 = "LAW_2012",
  LAW_2023 = "LAW_2023",
}
registerLabelledEnum(GoverningLaw, {
  name: "GoverningLaw",
  description: "Law on Cooperatives the registration follows (Luật Hợp tác xã).",
  labels: {
    LAW_2012: { en: "Law on Cooperatives 2012", vi: "Luật Hợp tác xã 2012", detail: "23/2012/QH13" },
    LAW_2023: { en: "Law on Cooperatives 2023", vi: "Luật Hợp tác xã 2023", detail: "17/2023/QH15, in force from 1 July 2024" },
  },
});

/** Kind of member (thành viên). */
export enum MemberKind {
  INDIVIDUAL = "INDIVIDUAL",
  HOUSEHOLD = "HOUSEHOLD",
  ORGANISATION = "ORGANISATION",
}
registerLabelledEnum(MemberKind, {
  name: "MemberKind",
  description: "Who the member is (loại thành viên).",
  labels: {
    INDIVIDUAL: { en: "Individual", vi: "Cá nhân", detail: "a Vietnamese citizen aged 18 or over" },
    HOUSEHOLD: { en: "Household", vi: "Hộ gia đình" },
    ORGANISATION: { en: "Legal entity", vi: "Pháp nhân" },
  },
});

/** Membership type under the 2023 law. */
export enum MembershipType {
  OFFICIAL = "OFFICIAL",
  ASSOCIATE_WITH_CAPITAL = "ASSOCIATE_WITH_CAPITAL",
  ASSOCIATE_WITHOUT_CAPITAL = "ASSOCIATE_WITHOUT_CAPITAL",
}
registerLabelledEnum(MembershipType, {
  name: "MembershipType",
  description: "Type of membership (loại hình thành viên).",
  labels: {
    OFFICIAL: { en: "Official member", vi: "Thành viên chính thức", detail: "contributes capital and uses services or labour" },
    ASSOCIATE_WITH_CAPITAL: { en: "Associate member with capital", vi: "Thành viên liên kết góp vốn" },
    ASSOCIATE_WITHOUT_CAPITAL: { en: "Associate member without capital", vi: "Thành viên liên kết không góp vốn" },
  },
});

/** Rating of the annual classification (xếp loại). */
export enum Rating {
  GOOD = "GOOD",
  FAIR = "FAIR",
  AVERAGE = "AVERAGE",
  WEAK = "WEAK",
}
registerLabelledEnum(Rating, {
  name: "Rating",
  description: "Rating of a cooperative's annual classification (xếp loại HTX), from its 100-point score.",
  labels: {
    GOOD: { en: "Good", vi: "Tốt", detail: "score 80–100" },
    FAIR: { en: "Fair", vi: "Khá", detail: "score 65–79" },
    AVERAGE: { en: "Average", vi: "Trung bình", detail: "score 50–64" },
    WEAK: { en: "Weak", vi: "Yếu", detail: "score below 50" },
  },
});

/** Status of a cooperative group. */
export enum GroupStatus {
  OPERATING = "OPERATING",
  DISSOLVED = "DISSOLVED",
}
registerLabelledEnum(GroupStatus, {
  name: "GroupStatus",
  description: "Status of a cooperative group (tình trạng tổ hợp tác).",
  labels: {
    OPERATING: { en: "Operating", vi: "Đang hoạt động", detail: "operating under its cooperation contract" },
    DISSOLVED: { en: "Dissolved", vi: "Chấm dứt hoạt động", detail: "contract ended, group dissolved" },
  },
});

/** Kind of a cooperative history event. */
export enum CooperativeEventKind {
  FOUNDED = "FOUNDED",
  STATUS_CHANGED = "STATUS_CHANGED",
  RENAMED = "RENAMED",
  ADDRESS_CHANGED = "ADDRESS_CHANGED",
  DETAILS_CHANGED = "DETAILS_CHANGED",
  CLASSIFIED = "CLASSIFIED",
  JOINED_ALLIANCE = "JOINED_ALLIANCE",
  MEMBER_ADDED = "MEMBER_ADDED",
  MEMBERSHIP_ENDED = "MEMBERSHIP_ENDED",
  JOINED_UNION = "JOINED_UNION",
  LEFT_UNION = "LEFT_UNION",
}
registerLabelledEnum(CooperativeEventKind, {
  name: "CooperativeEventKind",
  description: "What happened to a cooperative (sự kiện trong lịch sử HTX).",
  labels: {
    FOUNDED: { en: "Founded", vi: "Thành lập", detail: "registered / founded" },
    STATUS_CHANGED: { en: "Status changed", vi: "Thay đổi tình trạng pháp lý", detail: "legal status changed" },
    RENAMED: { en: "Renamed", vi: "Đổi tên", detail: "name, foreign name or abbreviation changed" },
    ADDRESS_CHANGED: { en: "Address changed", vi: "Đổi địa chỉ trụ sở", detail: "head-office address changed" },
    DETAILS_CHANGED: { en: "Details changed", vi: "Thay đổi nội dung đăng ký", detail: "other registration details changed" },
    CLASSIFIED: { en: "Classified", vi: "Xếp loại", detail: "annual classification recorded" },
    JOINED_ALLIANCE: { en: "Joined the Alliance", vi: "Kết nạp thành viên Liên minh HTX", detail: "admitted to the provincial Cooperative Alliance" },
    MEMBER_ADDED: { en: "Member joined", vi: "Kết nạp thành viên" },
    MEMBERSHIP_ENDED: { en: "Membership ended", vi: "Chấm dứt tư cách thành viên" },
    JOINED_UNION: { en: "Joined a union", vi: "Tham gia liên hiệp HTX", detail: "joined a union of cooperatives" },
    LEFT_UNION: { en: "Left a union", vi: "Rút khỏi liên hiệp HTX", detail: "left a union of cooperatives" },
  },
});
