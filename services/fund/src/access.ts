import { managesCooperative, refuseAccess, Role, Viewer } from "@camau/shared";

/**
 * Who may see and do what in the fund: every @Authorized of this subgraph names one of these
 * lists. Individual applications and loans: fund staff, provincial officers, administrators and
 * the borrower's own manager. The public (ANONYMOUS) sees the portfolio figures, the products and
 * the report only.
 */
export const LOAN_READERS: readonly Role[] = [Role.FUND_OFFICER, Role.FUND_APPROVER, Role.OFFICER, Role.ADMIN];

/** Roles let through to loan and application reads; a manager then sees its own cooperative's only. */
export const LOAN_READERS_OR_MANAGER: readonly Role[] = [...LOAN_READERS, Role.COOPERATIVE_MANAGER];

/** Roles that may submit or withdraw an application at all (a manager only for its own cooperative). */
export const APPLICANTS: readonly Role[] = [Role.OFFICER, Role.COOPERATIVE_MANAGER];

/** The fund's officers: appraise and sign applications, disburse loans and record repayments. */
export const FUND_OFFICERS: readonly Role[] = [Role.FUND_OFFICER];

/** The fund's approvers: approve or reject applications, restructure and write off loans. */
export const FUND_APPROVERS: readonly Role[] = [Role.FUND_APPROVER];

/** Who configures loan products and debt-group thresholds. */
export const PRODUCT_CONFIGURERS: readonly Role[] = [Role.FUND_APPROVER, Role.ADMIN];

const SIGN_IN_TO_READ_LOANS = "Loans and applications are visible to signed-in fund staff, officers and the borrower's own manager";
const MAY_NOT_READ_LOANS = "Loans and applications are visible to fund staff, officers and the borrower's own manager";

export function canReadLoansOf(viewer: Viewer, cooperativeId: string): boolean {
  return LOAN_READERS.includes(viewer.role) || managesCooperative(viewer, cooperativeId);
}

export function assertCanReadLoansOf(viewer: Viewer, cooperativeId: string): void {
  if (!canReadLoansOf(viewer, cooperativeId)) refuseAccess(viewer, MAY_NOT_READ_LOANS, SIGN_IN_TO_READ_LOANS);
}

/**
 * A loan or application looked up by id or contract number, as the viewer may see it: another
 * cooperative's record is null for a manager, exactly as a missing one, so "not yours" and "does
 * not exist" give the same answer and a manager cannot probe which contract numbers exist.
 * (listScope has already refused the callers who may read no loans at all.)
 */
export function visibleOrNull<T extends { cooperativeId: string }>(viewer: Viewer, record: T | null): T | null {
  return record && canReadLoansOf(viewer, record.cooperativeId) ? record : null;
}

/**
 * The cooperatives whose loans a list may show: null for every cooperative (readers), the one
 * cooperative of a manager, otherwise an error.
 */
export function listScope(viewer: Viewer): string | null {
  if (LOAN_READERS.includes(viewer.role)) return null;
  if (viewer.role === Role.COOPERATIVE_MANAGER && viewer.cooperativeId) return viewer.cooperativeId;
  return refuseAccess(viewer, MAY_NOT_READ_LOANS, SIGN_IN_TO_READ_LOANS);
}

/** Submitting (and withdrawing) an application: an OFFICER, or the manager of that cooperative. */
export function assertCanApplyFor(viewer: Viewer, cooperativeId: string): void {
  if (viewer.role === Role.OFFICER || managesCooperative(viewer, cooperativeId)) return;
  if (viewer.role === Role.COOPERATIVE_MANAGER) refuseAccess(viewer, "A cooperative manager may only apply for the cooperative named in the token");
  refuseAccess(viewer, `Role ${viewer.role} may not submit or withdraw applications; a cooperative's manager or an OFFICER does`);
}
