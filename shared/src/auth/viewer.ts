import { Role } from "./roles";

/** Who is calling, as established from the verified token. */
export interface Viewer {
  /** Token subject (a user id or login); "anonymous" without a token. */
  readonly subject: string;
  readonly role: Role;
  /** For COOPERATIVE_MANAGER: the one cooperative the caller manages. */
  readonly cooperativeId?: string;
}

export const ANONYMOUS_VIEWER: Viewer = Object.freeze({ subject: "anonymous", role: Role.ANONYMOUS });

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.includes(viewer.role);
}

/** True when the viewer manages exactly this cooperative. */
export function managesCooperative(viewer: Viewer, cooperativeId: string | null | undefined): boolean {
  return viewer.role === Role.COOPERATIVE_MANAGER && !!cooperativeId && viewer.cooperativeId === cooperativeId;
}
