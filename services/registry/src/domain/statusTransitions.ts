import { LegalStatus } from "./enums";

/** Legal status changes the law allows; anything else is a CONFLICT. Terminal states have none. */
export const ALLOWED_TRANSITIONS: Readonly<Record<LegalStatus, readonly LegalStatus[]>> = {
  [LegalStatus.ACTIVE]: [LegalStatus.SUSPENDED, LegalStatus.IN_DISSOLUTION, LegalStatus.BANKRUPT, LegalStatus.REVOKED],
  [LegalStatus.SUSPENDED]: [LegalStatus.ACTIVE, LegalStatus.IN_DISSOLUTION, LegalStatus.BANKRUPT, LegalStatus.REVOKED],
  [LegalStatus.IN_DISSOLUTION]: [LegalStatus.DISSOLVED],
  [LegalStatus.DISSOLVED]: [],
  [LegalStatus.BANKRUPT]: [],
  [LegalStatus.REVOKED]: [],
};

export function canTransition(from: LegalStatus, to: LegalStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Statuses after which the organisation no longer exists: its memberships end with it. */
export function isTerminal(status: LegalStatus): boolean {
  return ALLOWED_TRANSITIONS[status].length === 0;
}
