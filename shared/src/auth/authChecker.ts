import { AuthCheckerInterface, ResolverData } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "../graphql/errors";
import { Role } from "./roles";
import { managesCooperative, Viewer } from "./viewer";

/** The part of every subgraph's request context that authorisation reads. */
export interface AuthContext {
  viewer: Viewer;
}

/** Refuses the viewer unless it has one of the roles: UNAUTHENTICATED without a token, FORBIDDEN otherwise. */
export function requireRole(viewer: Viewer, roles: readonly Role[]): void {
  if (roles.includes(viewer.role)) return;
  if (viewer.role === Role.ANONYMOUS) throw new UnauthenticatedError();
  throw new ForbiddenError(`Role ${viewer.role} may not do this`);
}

/** Allows the roles, or the manager of exactly this cooperative. */
export function requireRoleOrManager(viewer: Viewer, roles: readonly Role[], cooperativeId: string | null | undefined): void {
  if (managesCooperative(viewer, cooperativeId)) return;
  if (viewer.role === Role.COOPERATIVE_MANAGER && !roles.includes(Role.COOPERATIVE_MANAGER)) {
    throw new ForbiddenError("A cooperative manager may only do this for the cooperative named in the token");
  }
  requireRole(viewer, roles);
}

/** type-graphql's @Authorized(...roles) checker: the viewer must hold one of the listed roles. */
export class RoleAuthChecker implements AuthCheckerInterface<AuthContext, Role> {
  check({ context }: ResolverData<AuthContext>, roles: Role[]): boolean {
    requireRole(context.viewer, roles);
    return true;
  }
}
