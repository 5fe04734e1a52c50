import { GoverningLaw, MembershipType } from "./registryEnums";

/** Minimum founding official members of a cooperative, by law (2023: 5; 2012: 7). */
export const MIN_FOUNDING_MEMBERS: Readonly<Record<GoverningLaw, number>> = {
  [GoverningLaw.LAW_2023]: 5,
  [GoverningLaw.LAW_2012]: 7,
};

/** Minimum member cooperatives of a union, by law (2023: 3; 2012: 4). */
export const MIN_UNION_MEMBERS: Readonly<Record<GoverningLaw, number>> = {
  [GoverningLaw.LAW_2023]: 3,
  [GoverningLaw.LAW_2012]: 4,
};

/** Minimum members of a cooperative group's cooperation contract. */
export const MIN_GROUP_MEMBERS = 2;

/** Problem with the founding members, or null when the list satisfies the law. */
export function foundingMembersProblem(law: GoverningLaw, memberTypes: readonly MembershipType[]): string | null {
  const official = memberTypes.filter((t) => t === MembershipType.OFFICIAL).length;
  const needed = MIN_FOUNDING_MEMBERS[law];
  return official >= needed ? null : `a cooperative under ${law} needs at least ${needed} founding official members, got ${official}`;
}
