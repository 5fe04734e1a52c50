import { registerLabelledEnum } from "../graphql/enumLabels";

/** Roles known to every subgraph. A request without a token is ANONYMOUS (the public portal). */
export enum Role {
  ANONYMOUS = "ANONYMOUS",
  OFFICER = "OFFICER",
  FUND_OFFICER = "FUND_OFFICER",
  FUND_APPROVER = "FUND_APPROVER",
  COOPERATIVE_MANAGER = "COOPERATIVE_MANAGER",
  ADMIN = "ADMIN",
}

registerLabelledEnum(Role, {
  name: "Role",
  description: "Role of the caller, taken from the verified bearer token (vai trò).",
  labels: {
    ANONYMOUS: { en: "Public", vi: "Công chúng", detail: "no token: the public open-data portal" },
    OFFICER: { en: "Provincial officer", vi: "Cán bộ tỉnh", detail: "reads everything and changes registry data" },
    FUND_OFFICER: { en: "Fund officer", vi: "Cán bộ Quỹ", detail: "officer of the Cooperative Development Support Fund: appraises applications and runs loans" },
    FUND_APPROVER: { en: "Fund approver", vi: "Lãnh đạo phê duyệt của Quỹ", detail: "approves or rejects appraised applications" },
    COOPERATIVE_MANAGER: { en: "Cooperative manager", vi: "Người quản lý HTX", detail: "manager of one cooperative, bound to its id in the token" },
    ADMIN: { en: "Administrator", vi: "Quản trị hệ thống", detail: "everything, including the audit log" },
  },
});

/** Roles that a token may carry (ANONYMOUS is the absence of a token, never a claim). */
export const TOKEN_ROLES: readonly Role[] = [
  Role.OFFICER,
  Role.FUND_OFFICER,
  Role.FUND_APPROVER,
  Role.COOPERATIVE_MANAGER,
  Role.ADMIN,
];

/** The province's and the fund's own staff (not the public, not a cooperative's manager). */
export const STAFF_ROLES: readonly Role[] = [Role.OFFICER, Role.FUND_OFFICER, Role.FUND_APPROVER, Role.ADMIN];

export function isTokenRole(value: unknown): value is Role {
  return typeof value === "string" && (TOKEN_ROLES as readonly string[]).includes(value);
}
