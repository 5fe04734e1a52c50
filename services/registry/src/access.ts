import { managesCooperative, refuseAccess, Role, Viewer } from "@camau/shared";
import { Member } from "./entities/Member";

/** Who may see and do what in the registry: every @Authorized of this subgraph names one of these lists. */

/** Roles that change registry data. */
export const REGISTRY_WRITERS: readonly Role[] = [Role.OFFICER, Role.ADMIN];

/** Roles let through to membership changes; a manager then acts for its own cooperative only. */
export const REGISTRY_WRITERS_OR_MANAGER: readonly Role[] = [...REGISTRY_WRITERS, Role.COOPERATIVE_MANAGER];

/** Roles that may list members (names, types, capital) of any organisation. */
export const MEMBER_READERS: readonly Role[] = [Role.OFFICER, Role.ADMIN, Role.FUND_OFFICER, Role.FUND_APPROVER];

/** Roles let through to a cooperative's members; a manager then sees its own cooperative's only. */
export const MEMBER_READERS_OR_MANAGER: readonly Role[] = [...MEMBER_READERS, Role.COOPERATIVE_MANAGER];

/** Roles that may read members' personal data (national ID, date of birth, phone) of any organisation. */
const PERSONAL_DATA_READERS: readonly Role[] = [Role.OFFICER, Role.ADMIN];

/** Members of a cooperative: the reader roles, or that cooperative's own manager. */
export function canListMembersOf(viewer: Viewer, cooperativeId: string | null): boolean {
  return MEMBER_READERS.includes(viewer.role) || managesCooperative(viewer, cooperativeId);
}

export function assertCanListMembersOf(viewer: Viewer, cooperativeId: string | null): void {
  if (!canListMembersOf(viewer, cooperativeId)) refuseAccess(viewer, "Members are visible to officers and to the cooperative's own manager");
}

/** Personal data of a member: OFFICER, ADMIN, or the manager of the member's own cooperative. */
export function canReadPersonalData(viewer: Viewer, member: Member): boolean {
  return PERSONAL_DATA_READERS.includes(viewer.role) || managesCooperative(viewer, member.cooperativeId);
}
