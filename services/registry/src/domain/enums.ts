import { registerEnumType } from "type-graphql";

/** Legal status of a cooperative or union (tình trạng pháp lý). */
export enum LegalStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  IN_DISSOLUTION = "IN_DISSOLUTION",
  DISSOLVED = "DISSOLVED",
  BANKRUPT = "BANKRUPT",
  REVOKED = "REVOKED",
}
registerEnumType(LegalStatus, {
  name: "LegalStatus",
  description: "Legal status of a cooperative or union (tình trạng pháp lý).",
  valuesConfig: {
    ACTIVE: { description: "Active (đang hoạt động)." },
    SUSPENDED: { description: "Temporarily suspended (tạm ngừng kinh doanh)." },
    IN_DISSOLUTION: { description: "In dissolution (đang giải thể)." },
    DISSOLVED: { description: "Dissolved (đã giải thể)." },
    BANKRUPT: { description: "Bankrupt (phá sản)." },
    REVOKED: { description: "Registration certificate revoked (bị thu hồi giấy chứng nhận)." },
  },
});

/** Version of the Law on Cooperatives the organisation is registered under. */
export enum GoverningLaw {
  LAW_2012 = "LAW_2012",
  LAW_2023 = "LAW_2023",
}
registerEnumType(GoverningLaw, {
  name: "GoverningLaw",
  description: "Law on Cooperatives the registration follows (Luật Hợp tác xã).",
  valuesConfig: {
    LAW_2012: { description: "Law on Cooperatives 2012 (23/2012/QH13)." },
    LAW_2023: { description: "Law on Cooperatives 2023 (17/2023/QH15), in force from 1 July 2024." },
  },
});

/** Kind of member (thành viên). */
export enum MemberKind {
  INDIVIDUAL = "INDIVIDUAL",
  HOUSEHOLD = "HOUSEHOLD",
  ORGANISATION = "ORGANISATION",
}
registerEnumType(MemberKind, {
  name: "MemberKind",
  description: "Who the member is (loại thành viên).",
  valuesConfig: {
    INDIVIDUAL: { description: "An individual, a Vietnamese citizen aged 18 or over (cá nhân)." },
    HOUSEHOLD: { description: "A household (hộ gia đình)." },
    ORGANISATION: { description: "A legal entity (pháp nhân)." },
  },
});

/** Membership type under the 2023 law. */
export enum MembershipType {
  OFFICIAL = "OFFICIAL",
  ASSOCIATE_WITH_CAPITAL = "ASSOCIATE_WITH_CAPITAL",
  ASSOCIATE_WITHOUT_CAPITAL = "ASSOCIATE_WITHOUT_CAPITAL",
}
registerEnumType(MembershipType, {
  name: "MembershipType",
  description: "Type of membership (loại hình thành viên).",
  valuesConfig: {
    OFFICIAL: { description: "Official member: contributes capital and uses services or labour (thành viên chính thức)." },
    ASSOCIATE_WITH_CAPITAL: { description: "Associate member contributing capital (thành viên liên kết góp vốn)." },
    ASSOCIATE_WITHOUT_CAPITAL: { description: "Associate member without capital (thành viên liên kết không góp vốn)." },
  },
});

/** Rating of the annual classification (xếp loại). */
export enum Rating {
  GOOD = "GOOD",
  FAIR = "FAIR",
  AVERAGE = "AVERAGE",
  WEAK = "WEAK",
}
registerEnumType(Rating, {
  name: "Rating",
  description: "Rating of a cooperative's annual classification (xếp loại HTX), from its 100-point score.",
  valuesConfig: {
    GOOD: { description: "Good (Tốt): score 80–100." },
    FAIR: { description: "Fair (Khá): score 65–79." },
    AVERAGE: { description: "Average (Trung bình): score 50–64." },
    WEAK: { description: "Weak (Yếu): score below 50." },
  },
});

/** Level of an administrative unit. */
export enum AdministrativeLevel {
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
}
registerEnumType(AdministrativeLevel, {
  name: "AdministrativeLevel",
  description: "Level of an administrative unit (cấp hành chính).",
  valuesConfig: {
    PROVINCE: { description: "Province or centrally-run city (tỉnh)." },
    DISTRICT: { description: "District, town or provincial city (huyện, thành phố thuộc tỉnh); abolished on 1 July 2025." },
    COMMUNE: { description: "Commune, ward or township (xã, phường, thị trấn)." },
  },
});

/** Status of a cooperative group. */
export enum GroupStatus {
  OPERATING = "OPERATING",
  DISSOLVED = "DISSOLVED",
}
registerEnumType(GroupStatus, {
  name: "GroupStatus",
  description: "Status of a cooperative group (tình trạng tổ hợp tác).",
  valuesConfig: {
    OPERATING: { description: "Operating under its cooperation contract (đang hoạt động)." },
    DISSOLVED: { description: "Contract ended, group dissolved (chấm dứt hoạt động)." },
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
registerEnumType(CooperativeEventKind, {
  name: "CooperativeEventKind",
  description: "What happened to a cooperative (sự kiện trong lịch sử HTX).",
  valuesConfig: {
    FOUNDED: { description: "Registered / founded (thành lập)." },
    STATUS_CHANGED: { description: "Legal status changed (thay đổi tình trạng pháp lý)." },
    RENAMED: { description: "Name, foreign name or abbreviation changed (đổi tên)." },
    ADDRESS_CHANGED: { description: "Head-office address changed (đổi địa chỉ trụ sở)." },
    DETAILS_CHANGED: { description: "Other registration details changed (thay đổi nội dung đăng ký)." },
    CLASSIFIED: { description: "Annual classification recorded (xếp loại)." },
    JOINED_ALLIANCE: { description: "Admitted to the provincial Cooperative Alliance (kết nạp thành viên Liên minh HTX)." },
    MEMBER_ADDED: { description: "A member joined (kết nạp thành viên)." },
    MEMBERSHIP_ENDED: { description: "A membership ended (chấm dứt tư cách thành viên)." },
    JOINED_UNION: { description: "Joined a union of cooperatives (tham gia liên hiệp HTX)." },
    LEFT_UNION: { description: "Left a union of cooperatives (rút khỏi liên hiệp HTX)." },
  },
});
