import { ForbiddenError, managesCooperative, Role, Viewer } from "@camau/shared";
import { Member } from "../entities/Member";

/** Roles that change registry data. */
export const REGISTRY_WRITERS = [Role.OFFICER, Role.ADMIN] as const;

/** Roles that may list members (names, types, capital) of any organisation. */
const MEMBER_READERS = [Role.OFFICER, Role.ADMIN, Role.FUND_OFFICER, Role.FUND_APPROVER];

/** Roles that may read members' personal data (national ID, date of birth, phone) of any organisation. */
const PERSONAL_DATA_READERS = [Role.OFFICER, Role.ADMIN];

/** Members of a cooperative: the reader roles, or that cooperative's own manager. */
export function canListMembersOf(viewer: Viewer, cooperativeId: string | null): boolean {
  return MEMBER_READERS.includes(viewer.role) || managesCooperative(viewer, cooperativeId);
}

export function assertCanListMembersOf(viewer: Viewer, cooperativeId: string | null): void {
  if (!canListMembersOf(viewer, cooperativeId)) throw new ForbiddenError("Members are visible to officers and to the cooperative's own manager");
}

/** Personal data of a member: OFFICER, ADMIN, or the manager of the member's own cooperative. */
export function canReadPersonalData(viewer: Viewer, member: Member): boolean {
  return PERSONAL_DATA_READERS.includes(viewer.role) || managesCooperative(viewer, member.cooperativeId);
}
