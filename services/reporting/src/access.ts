import { Role } from "@camau/shared";

/** Roles that edit report templates and write the officers' sections. Drafts are public; each caller's draft holds the figures that caller may read. */
export const REPORT_EDITORS = [Role.OFFICER, Role.ADMIN];
