import { AuthCheckerInterface, ResolverData } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "../graphql/errors";
import { Role } from "./roles";
import { managesCooperative, Viewer } from "./viewer";

/** The part of every subgraph's request context that authorisation reads. */
export interface AuthContext {
  viewer: Viewer;
}

/**
 * The one rule of refusal in every subgraph: a caller without a token where one is needed gets
 * UNAUTHENTICATED (signing in may help), a token without the right gets FORBIDDEN (it will not).
 */
export function refuseAccess(viewer: Viewer, forbidden = `Role ${viewer.role} may not do this`, unauthenticated?: string): never {
  if (viewer.role === Role.ANONYMOUS) throw new UnauthenticatedError(unauthenticated);
  throw new ForbiddenError(forbidden);
}

/** Refuses the viewer unless it has one of the roles. */
export function requireRole(viewer: Viewer, roles: readonly Role[]): void {
  if (!roles.includes(viewer.role)) refuseAccess(viewer);
}

/** Allows the roles, or the manager of exactly this cooperative. */
export function requireRoleOrManager(viewer: Viewer, roles: readonly Role[], cooperativeId: string | null | undefined): void {
  if (managesCooperative(viewer, cooperativeId)) return;
  if (viewer.role === Role.COOPERATIVE_MANAGER && !roles.includes(Role.COOPERATIVE_MANAGER)) {
    refuseAccess(viewer, "A cooperative manager may only do this for the cooperative named in the token");
  }
  requireRole(viewer, roles);
}

/** type-graphql's @Authorized(...roles) checker: the viewer must hold one of the listed roles (else refuseAccess). */
export class RoleAuthChecker implements AuthCheckerInterface<AuthContext, Role> {
  check({ context }: ResolverData<AuthContext>, roles: Role[]): boolean {
    requireRole(context.viewer, roles);
    return true;
  }
}
