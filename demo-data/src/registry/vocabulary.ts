/**
 * The registry's stored values the demo generator writes (statuses, kinds, ratings) and the two
 * registry rules it must respect to produce valid history. The registry's own enums and rules are
 * the real ones; demo data cannot import them without depending on a service, so the registry's
 * test (demoVocabulary.test.ts) checks that every value and rule here agrees with them.
 */

export enum LegalStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  IN_DISSOLUTION = "IN_DISSOLUTION",
  DISSOLVED = "DISSOLVED",
  BANKRUPT = "BANKRUPT",
  REVOKED = "REVOKED",
}

export enum GoverningLaw {
  LAW_2012 = "LAW_2012",
  LAW_2023 = "LAW_2023",
}

export enum MemberKind {
  INDIVIDUAL = "INDIVIDUAL",
  HOUSEHOLD = "HOUSEHOLD",
  ORGANISATION = "ORGANISATION",
}

export enum MembershipType {
  OFFICIAL = "OFFICIAL",
  ASSOCIATE_WITH_CAPITAL = "ASSOCIATE_WITH_CAPITAL",
  ASSOCIATE_WITHOUT_CAPITAL = "ASSOCIATE_WITHOUT_CAPITAL",
}

export enum Rating {
  GOOD = "GOOD",
  FAIR = "FAIR",
  AVERAGE = "AVERAGE",
  WEAK = "WEAK",
}

export enum GroupStatus {
  OPERATING = "OPERATING",
  DISSOLVED = "DISSOLVED",
}

export enum CooperativeEventKind {
  FOUNDED = "FOUNDED",
  STATUS_CHANGED = "STATUS_CHANGED",
  RENAMED = "RENAMED",
  ADDRESS_CHANGED = "ADDRESS_CHANGED",
  DETAILS_CHANGED = "DETAILS_CHANGED",
  CLASSIFIED = "CLASSIFIED",
  JOINED_ALLIANCE = "JOINED_ALLIANCE",
  MEMBER_ADDED = "MEMBER_ADDED",
  MEMBERSHIP_ENDED = "MEMBERSHIP_ENDED",
  JOINED_UNION = "JOINED_UNION",
  LEFT_UNION = "LEFT_UNION",
}

/** The classification scheme the demo classifications are rated under, and its bands. */
export const CURRENT_SCHEME = "TT01-2020";
const BANDS: ReadonlyArray<readonly [Rating, number]> = [
  [Rating.GOOD, 80],
  [Rating.FAIR, 65],
  [Rating.AVERAGE, 50],
  [Rating.WEAK, 0],
];

export function ratingForScore(score: number): Rating {
  return BANDS.find(([, min]) => score >= min)![0];
}

/** Cooperatives operating under 12 months are not rated. */
export function canBeClassifiedForYear(foundedOn: string, year: number): boolean {
  const [y, m, d] = foundedOn.split("-").map(Number);
  return `${String(y + 1).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` <= `${year}-12-31`;
}

/** Minimum member cooperatives of a union, by law. */
export const MIN_UNION_MEMBERS: Readonly<Record<GoverningLaw, number>> = { [GoverningLaw.LAW_2023]: 3, [GoverningLaw.LAW_2012]: 4 };
