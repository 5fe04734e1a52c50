import { Role } from "@camau/shared";

/** Roles that change outreach data (classes, attendance, published figures). Reading is public. */
export const OUTREACH_WRITERS = [Role.OFFICER, Role.ADMIN];
