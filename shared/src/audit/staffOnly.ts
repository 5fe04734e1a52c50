import { STAFF_ROLES } from "../auth/roles";
import { Viewer } from "../auth/viewer";
import { PERSONAL_DATA_FIELDS, REDACTED } from "./redaction";

/**
 * What a public record of a change (a cooperative's history, say) shows to whom. Who made the
 * change (a staff member's login) and which people it concerned (member ids, personal data) are
 * for staff only; everyone else sees what changed and when, and the role that changed it.
 */

/** Fields of a change's details that point at a person: removed for non-staff, at any depth. */
export const PERSON_REFERENCE_FIELDS: readonly string[] = ["memberId", "member_id", "memberIds", "fullName", "full_name", ...PERSONAL_DATA_FIELDS];

export function isStaff(viewer: Viewer): boolean {
  return STAFF_ROLES.includes(viewer.role);
}

/** The login of who made a change, or null for a viewer who is not staff. */
export function actorVisibleTo(viewer: Viewer, subject: string): string | null {
  return isStaff(viewer) ? subject : null;
}

/** A change's details as this viewer may see them: everything for staff, without people for others. */
export function detailsVisibleTo(viewer: Viewer, details: Record<string, unknown>): Record<string, unknown> {
  if (isStaff(viewer)) return details;
  const fields = new Set(PERSON_REFERENCE_FIELDS);
  const walk = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    if (value === null || typeof value !== "object" || depth > 20) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (fields.has(key)) continue;
      out[key] = item === REDACTED ? item : walk(item, depth + 1);
    }
    return out;
  };
  return walk(details, 0) as Record<string, unknown>;
}
