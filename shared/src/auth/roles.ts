import { registerEnumType } from "type-graphql";

/** Roles known to every subgraph. A request without a token is ANONYMOUS (the public portal). */
export enum Role {
  ANONYMOUS = "ANONYMOUS",
  OFFICER = "OFFICER",
  FUND_OFFICER = "FUND_OFFICER",
  FUND_APPROVER = "FUND_APPROVER",
  COOPERATIVE_MANAGER = "COOPERATIVE_MANAGER",
  ADMIN = "ADMIN",
}

registerEnumType(Role, {
  name: "Role",
  description: "Role of the caller, taken from the verified bearer token (vai trò).",
  valuesConfig: {
    ANONYMOUS: { description: "No token: the public open-data portal." },
    OFFICER: { description: "Provincial staff: reads everything and changes registry data." },
    FUND_OFFICER: { description: "Officer of the Cooperative Development Support Fund: appraises applications and runs loans." },
    FUND_APPROVER: { description: "Approver of the fund: approves or rejects appraised applications." },
    COOPERATIVE_MANAGER: { description: "Manager of one cooperative, bound to its id in the token." },
    ADMIN: { description: "Administrator: everything, including the audit log." },
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
