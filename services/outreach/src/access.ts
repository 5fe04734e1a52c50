import { Role } from "@camau/shared";

/** Who may change outreach data (classes, attendance, published figures); reading is public. Every @Authorized of this subgraph names this list. */
export const OUTREACH_WRITERS: readonly Role[] = [Role.OFFICER, Role.ADMIN];
