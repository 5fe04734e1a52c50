import { managesCooperative, refuseAccess, requireRoleOrManager, Role, Viewer } from "@camau/shared";

/** Who may see and do what in trade promotion: every @Authorized of this subgraph names one of these lists. */

/** Roles that change any trade promotion data. */
export const TRADE_WRITERS: readonly Role[] = [Role.OFFICER, Role.ADMIN];

/** Roles that may call the mutations a cooperative's own manager may also call (checked again per cooperative). */
export const TRADE_WRITERS_OR_MANAGER: readonly Role[] = [...TRADE_WRITERS, Role.COOPERATIVE_MANAGER];

/** Roles that may read any participant's sales revenue and agreements (commercially sensitive). */
const RESULT_READERS: readonly Role[] = [Role.OFFICER, Role.ADMIN, Role.FUND_OFFICER, Role.FUND_APPROVER];

/** Roles let through to a participation's results; a manager then sees its own cooperative's only. */
export const RESULT_READERS_OR_MANAGER: readonly Role[] = [...RESULT_READERS, Role.COOPERATIVE_MANAGER];

/** Officers and admins for any cooperative, a cooperative manager only for its own; FORBIDDEN otherwise. */
export function assertCanActFor(viewer: Viewer, cooperativeId: string): void {
  requireRoleOrManager(viewer, TRADE_WRITERS, cooperativeId);
}

/** Support amounts are decided by officers: a manager may not set them, not even for its own cooperative. */
export function assertCanGrantSupport(viewer: Viewer): void {
  if (!TRADE_WRITERS.includes(viewer.role)) refuseAccess(viewer, "Support amounts are set by officers");
}

export function canReadResults(viewer: Viewer, cooperativeId: string): boolean {
  return RESULT_READERS.includes(viewer.role) || managesCooperative(viewer, cooperativeId);
}

export function assertCanReadResults(viewer: Viewer, cooperativeId: string): void {
  if (!canReadResults(viewer, cooperativeId)) {
    refuseAccess(viewer, "Sales and agreements of a participation are visible to officers, fund staff and the cooperative's own manager");
  }
}
