import {
  BAC_LIEU_PRE_2025_DISTRICTS,
  canBeClassifiedForYear,
  CommuneRef,
  CooperativeEventKind,
  CURRENT_SCHEME,
  DistrictData,
  GoverningLaw,
  GroupStatus,
  INITIAL_PRE_2025_DISTRICTS,
  LegalStatus,
  MemberKind,
  MembershipType,
  MIN_UNION_MEMBERS,
  newCommuneCodesOf,
  placeNameOf,
  POST_2025_COMMUNES,
  PRE_2025_COMMUNES,
  PRE_2025_DISTRICTS,
  Rating,
  ratingForScore,
  SectorCode,
  Territory,
} from "@camau/shared";
import { addYears, dayOf, isoOf, yearOf } from "@camau/shared";
import {
  AUSPICIOUS_NAMES,
  COOPERATIVE_NAME_PATTERNS,
  CooperativeNamePattern,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  GROUP_NAME_PATTERNS,
  HAMLET_NAMES,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  ORGANISATION_NAME_PATTERNS,
  STREET_NAMES,
  withoutDiacritics,
} from "./names";
import { Random } from "@camau/shared";

/**
 * The registry's demo dataset, generated in memory from a seed (pure: no I/O, no clock).
 *
 * At scale 1 it is Cà Mau's collective economy as the provincial report of the first half of 2021
 * describes it, and the period report for 2021-01-01..2021-06-30 gives exactly the article's
 * figures. They hold by construction, not by trial: the organisations alive on 2021-06-30 are
 * generated first with exact counts, exactly 14,190 in-force memberships are distributed among
 * them, and the history (earlier and later organisations, status changes, leavers and joiners) is
 * placed around that date so it cannot change the counts. Larger scales multiply organisations and
 * members (the exact figures then scale too, rounded).
 *
 * Members are the bulk of the rows (1.4 million in force at scale 100), so they are not held in
 * memory: `members()` generates them organisation by organisation from per-organisation random
 * streams, the same rows on every call.
 */

export const DEFAULT_SEED = 962021;

/** The report period whose figures the dataset reproduces. */
export const REPORT_FROM = "2021-01-01";
export const REPORT_TO = "2021-06-30";
/** Last day of the pre-2025 administrative units: addresses recorded up to it use the old tree. */
export const DATASET_END = "2025-06-30";
/** Last day of the dataset's history: the end of the last full month before the demo's "today" (2026-12-03). */
export const HISTORY_END = "2026-11-30";

/** The provincial article's figures for the first half of 2021, which the demo data reproduces. */
export const ARTICLE_FIGURES = {
  cooperativeCount: 275,
  cooperativeGroupCount: 961,
  memberCount: 14190,
  unionCount: 1,
  unionMemberCooperativeCount: 5,
  newCooperativeCount: 16,
  newAllianceMemberCount: 7,
} as const;

export const SEED_ACTOR = { subject: "seed", role: "ADMIN" } as const;

// ---------------------------------------------------------------------------------------------
// Rows, shaped like the tables of the InitialRegistry migration (camelCase of the column names).

/** What cooperatives and unions share: both are organisations registered under the law. */
export interface RegisteredOrganisationRow {
  id: string;
  code: string;
  name: string;
  foreignName: string | null;
  abbreviation: string | null;
  status: LegalStatus;
  statusSince: string;
  foundedOn: string;
  governingLaw: GoverningLaw;
  street: string | null;
  communeCode: string;
  /** Null for an address recorded in the new units (no district level since the reform). */
  districtCode: string | null;
  addressCodeSystem: "PRE_2025" | "POST_2025";
  charterCapital: number;
  legalRepresentative: string;
  version: number;
}

export interface CooperativeRow extends RegisteredOrganisationRow {
  sectorCode: SectorCode;
  businessLines: string[];
  isNewModel: boolean;
  allianceJoinedOn: string | null;
}

export interface CooperativeEventRow {
  id: string;
  cooperativeId: string;
  kind: CooperativeEventKind;
  effectiveOn: string;
  /** ISO 8601 timestamp with offset. */
  recordedAt: string;
  actorSubject: string;
  actorRole: string;
  statusAfter: LegalStatus | null;
  details: Record<string, unknown>;
}

export interface ClassificationRow {
  id: string;
  cooperativeId: string;
  year: number;
  score: number;
  rating: Rating;
  scheme: string;
  classifiedOn: string;
}

export interface CooperativeGroupRow {
  id: string;
  name: string;
  communeCode: string;
  /** Null for a group founded in the new units (its address is POST_2025). */
  districtCode: string | null;
  sectorCode: SectorCode;
  foundedOn: string;
  certifiedOn: string | null;
  status: GroupStatus;
  dissolvedOn: string | null;
  version: number;
}

/** The demo's unions are registered in the old units, under a district. */
export interface CooperativeUnionRow extends RegisteredOrganisationRow {
  districtCode: string;
  addressCodeSystem: "PRE_2025";
}

export interface UnionMembershipRow {
  id: string;
  unionId: string;
  cooperativeId: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface MemberRow {
  id: string;
  cooperativeId: string | null;
  groupId: string | null;
  kind: MemberKind;
  fullName: string;
  membershipType: MembershipType;
  joinedOn: string;
  leftOn: string | null;
  capitalContributed: number;
  nationalId: string | null;
  dateOfBirth: string | null;
  phone: string | null;
}

/** How the members of one organisation are generated (internal to the dataset, not a table). */
export interface MemberPlan {
  orgId: string;
  isGroup: boolean;
  /** Index of the organisation's own random stream. */
  stream: number;
  founded: number;
  /** Last day a member may join (before dissolution proceedings or the dataset's end). */
  joinLimit: number;
  /** Day the organisation ceased to exist: every membership ends on or before it. */
  end: number | null;
  /** Alive on the report date: `inForceAtT` memberships are in force on it. */
  aliveAtT: boolean;
  inForceAtT: number;
  /** Members over its life, for organisations not alive on the report date. */
  lifetimeSize: number;
  foundingCount: number;
  representative: { fullName: string; male: boolean } | null;
  capitalPerMember: number;
  /** Associate memberships exist from this day (registration under the 2023 law), if ever. */
  associatesFrom: number | null;
  /** Label of the province's member streams ("" for old Cà Mau, whose streams keep their names). */
  province: string;
  /** Ceased after the pre-2025 history (dissolved in 2025-H2 or 2026): memberships end by then. */
  closedOn: number | null;
  /** Members who join after the pre-2025 history, up to the history's end. */
  lateJoiners: number;
}

export interface RegistryDataset {
  seed: number;
  scale: number;
  cooperatives: CooperativeRow[];
  events: CooperativeEventRow[];
  classifications: ClassificationRow[];
  groups: CooperativeGroupRow[];
  unions: CooperativeUnionRow[];
  unionMemberships: UnionMembershipRow[];
  memberPlans: MemberPlan[];
  /** Every member row, organisation by organisation; the same rows on every call. */
  members(): Generator<MemberRow>;
}

export interface GenerateOptions {
  seed?: number;
  /** 1 is the province's demo data; larger scales multiply organisations and members. */
  scale?: number;
}

// ---------------------------------------------------------------------------------------------

const T = dayOf(REPORT_TO);
const FROM = dayOf(REPORT_FROM);
const END = dayOf(DATASET_END);
const FIRST_FOUNDING = dayOf("1997-01-01");
const ALLIANCE_FIRST = dayOf("1998-01-01");
const LAW_2023_START = dayOf("2024-07-01");
const FIRST_GROUP = dayOf("2005-01-01");
const DOB_MIN = dayOf("1950-01-01");
const DOB_MAX = dayOf("2003-12-31");
const FIRST_CLASSIFIED_YEAR = 2017;
const UNION_FOUNDED = dayOf("2021-03-15");
const UNION_LATE_JOIN = dayOf("2023-05-10");

const TERMINAL = new Set<LegalStatus>([LegalStatus.DISSOLVED, LegalStatus.BANKRUPT, LegalStatus.REVOKED]);
const STOPPING = new Set<LegalStatus>([LegalStatus.IN_DISSOLUTION, ...TERMINAL]);

const COOP_MIN_MEMBERS = 7;
const COOP_MAX_MEMBERS = 150;
const NEW_COOP_MAX_MEMBERS = 40;
const GROUP_MIN_MEMBERS = 2;
const GROUP_MAX_MEMBERS = 15;

/** Sector shares of Cà Mau's cooperatives: agriculture and fisheries first. */
const COOP_SECTOR_WEIGHTS: ReadonlyArray<readonly [SectorCode, number]> = [
  ["AGRICULTURE", 36], ["FISHERIES", 27], ["TRADE_SERVICES", 9], ["SALT", 4], ["FORESTRY", 5],
  ["INDUSTRY_HANDICRAFTS", 6], ["TRANSPORT", 4], ["CONSTRUCTION", 3], ["ENVIRONMENT", 3],
  ["PEOPLES_CREDIT_FUND", 1.2], ["OTHER", 1.8],
];

/** Share of organisations by district. */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  "964": 11, "966": 11, "967": 12, "968": 15, "969": 11, "970": 13, "971": 8, "972": 9, "973": 10,
};

/** Where sectors concentrate: rice in the north, shrimp and mangroves in the south, trade in the city. */
const SECTOR_DISTRICT_AFFINITY: Partial<Record<SectorCode, Record<string, number>>> = {
  AGRICULTURE: { "964": 0.7, "966": 1.6, "967": 1.9, "968": 1.5, "969": 1, "970": 0.8, "971": 0.3, "972": 0.8, "973": 0.2 },
  FISHERIES: { "964": 0.5, "966": 0.6, "967": 0.7, "968": 0.9, "969": 1.3, "970": 1.8, "971": 2, "972": 1.5, "973": 2 },
  FORESTRY: { "964": 0.2, "966": 2, "967": 0.5, "968": 1.5, "969": 0.3, "970": 0.6, "971": 1.5, "972": 0.6, "973": 2 },
  SALT: { "964": 0.05, "966": 0.1, "967": 0.05, "968": 0.3, "969": 0.2, "970": 2, "971": 1, "972": 1.5, "973": 3 },
  TRADE_SERVICES: { "964": 3 },
  TRANSPORT: { "964": 3, "971": 1.5 },
  CONSTRUCTION: { "964": 3 },
  ENVIRONMENT: { "964": 3 },
  PEOPLES_CREDIT_FUND: { "964": 4 },
  INDUSTRY_HANDICRAFTS: { "964": 1.5, "973": 1.3 },
};

const GROUP_PATTERN_WEIGHTS = GROUP_NAME_PATTERNS.map((pt) => [pt, pt.weight] as const);
/**
 * The key of each commune's hamlet stream: the code the first unit list gave it. The demo dataset
 * was calibrated on those streams; keying them by that code keeps it identical since the codes
 * were corrected to the GSO list.
 */
const HAMLET_STREAM_KEY = new Map(
  INITIAL_PRE_2025_DISTRICTS.flatMap((d) =>
    d.communes.map(([initialCode, name]) => [PRE_2025_COMMUNES.find((c) => c.districtCode === d.code && c.name === name)!.code, initialCode] as const),
  ),
);

/** What differs between the two provinces that formed the new Cà Mau. */
interface ProvinceProfile {
  territory: Territory;
  /** Label of the province's random streams; old Cà Mau keeps the labels its figures were calibrated on. */
  label: string;
  placeName: string;
  /** Size relative to old Cà Mau's. */
  share: number;
  /** First digits of the province's tax codes. */
  taxPrefix: string;
  /** First digits of the national ids of people born there. */
  idPrefix: string;
  districts: readonly DistrictData[];
  communes: readonly CommuneRef[];
  districtWeights: Readonly<Record<string, number>>;
  affinity: Partial<Record<SectorCode, Record<string, number>>>;
  /** District of the province's first union. */
  unionDistrict: string;
  hamletStream: (commune: CommuneRef) => string;
}

const communeRefs = (districts: readonly DistrictData[]): CommuneRef[] =>
  districts.flatMap((d) => d.communes.map(([code, name]) => ({ code, name, districtCode: d.code, urban: name.startsWith("Phường") || name.startsWith("Thị trấn"), placeName: placeNameOf(name) })));

/** The new units of a territory as places for addresses recorded after the reform (no district). */
const newCommunesOf = (territory: Territory): CommuneRef[] => {
  const codes = new Set(newCommuneCodesOf(territory));
  return POST_2025_COMMUNES.filter(([code]) => codes.has(code)).map(([code, name, kind]) => ({ code, name, districtCode: "", urban: kind === "WARD", placeName: placeNameOf(name) }));
};

const CA_MAU_PROFILE: ProvinceProfile = {
  territory: Territory.OLD_CA_MAU,
  label: "",
  placeName: "Cà Mau",
  share: 1,
  taxPrefix: "20",
  idPrefix: "096",
  districts: PRE_2025_DISTRICTS,
  communes: PRE_2025_COMMUNES,
  districtWeights: DISTRICT_WEIGHTS,
  affinity: SECTOR_DISTRICT_AFFINITY,
  unionDistrict: "964",
  hamletStream: (c) => (c.districtCode ? String(HAMLET_STREAM_KEY.get(c.code)!) : `post-2025:${c.code}`),
};

/** Old Bạc Liêu: rice and shrimp inland, salt and fishing on the coast of Đông Hải and Bạc Liêu city. */
const BAC_LIEU_PROFILE: ProvinceProfile = {
  territory: Territory.OLD_BAC_LIEU,
  label: "bac-lieu",
  placeName: "Bạc Liêu",
  share: 0.7,
  taxPrefix: "19",
  idPrefix: "095",
  districts: BAC_LIEU_PRE_2025_DISTRICTS,
  communes: communeRefs(BAC_LIEU_PRE_2025_DISTRICTS),
  districtWeights: Object.fromEntries(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => [d.code, d.code === "954" ? 12 : 14])),
  affinity: {
    SALT: { "954": 1.5, "960": 3, "959": 0.8 },
    FISHERIES: { "960": 2, "959": 1.5, "954": 1.2 },
    AGRICULTURE: { "956": 2, "957": 1.8, "958": 1.5, "961": 1.3 },
    TRADE_SERVICES: { "954": 3 },
    TRANSPORT: { "954": 3 },
    CONSTRUCTION: { "954": 3 },
    ENVIRONMENT: { "954": 3 },
    PEOPLES_CREDIT_FUND: { "954": 4 },
  },
  unionDistrict: "954",
  hamletStream: (c) => `bac-lieu:${c.districtCode ? c.code : `post-2025:${c.code}`}`,
};

/** Sectors whose cooperatives sit mostly in wards and townships. */
const URBAN_SECTORS = new Set<SectorCode>(["TRADE_SERVICES", "TRANSPORT", "CONSTRUCTION", "ENVIRONMENT", "PEOPLES_CREDIT_FUND"]);

/** How classification scores lean by sector: fisheries and rural trades have few good or fair ones. */
const SECTOR_SCORE_ADJUSTMENT: Readonly<Record<SectorCode, number>> = {
  AGRICULTURE: 3, FISHERIES: -7, FORESTRY: -2, SALT: -3, INDUSTRY_HANDICRAFTS: -8, CONSTRUCTION: 0,
  TRADE_SERVICES: 1, TRANSPORT: 2, PEOPLES_CREDIT_FUND: 14, ENVIRONMENT: 3, OTHER: 0,
};

// ---------------------------------------------------------------------------------------------

interface StatusChange {
  day: number;
  status: LegalStatus;
}

type CoopCategory = "NEW_IN_PERIOD" | "ACTIVE_AT_T" | "ENDED_BEFORE_T" | "INACTIVE_AT_T" | "FOUNDED_AFTER_T";

interface CoopPlan {
  category: CoopCategory;
  founded: number;
  changes: StatusChange[];
  countedAtT: boolean;
  inForceAtT: number;
  lifetimeSize: number;
}

interface GroupPlan {
  founded: number;
  dissolved: number | null;
  countedAtT: boolean;
  inForceAtT: number;
  lifetimeSize: number;
}

function targetsFor(scale: number) {
  const n = (x: number, min = 0) => Math.max(min, Math.round(x * scale));
  const activeAtT = n(ARTICLE_FIGURES.cooperativeCount, 1);
  const groupsAtT = n(ARTICLE_FIGURES.cooperativeGroupCount, 1);
  const minMembers = activeAtT * COOP_MIN_MEMBERS + groupsAtT * GROUP_MIN_MEMBERS;
  const maxMembers = activeAtT * COOP_MAX_MEMBERS + groupsAtT * GROUP_MAX_MEMBERS;
  return {
    activeAtT,
    newInPeriod: Math.min(activeAtT, n(ARTICLE_FIGURES.newCooperativeCount)),
    groupsAtT,
    membersAtT: Math.min(maxMembers, Math.max(minMembers, n(ARTICLE_FIGURES.memberCount))),
    newAllianceMembers: Math.min(activeAtT, n(ARTICLE_FIGURES.newAllianceMemberCount)),
    unions: n(ARTICLE_FIGURES.unionCount, 1),
    endedBeforeT: n(110),
    inactiveAtT: n(14),
    foundedAfterT: n(125),
    groupsEndedBeforeT: n(420),
    groupsFoundedAfterT: n(250),
  };
}

/** A Vietnamese full name: family, middle and given name. */
function personName(r: Random, male: boolean): string {
  const family = r.weighted(FAMILY_NAMES);
  const middle = r.weighted(male ? MIDDLE_NAMES_MALE : MIDDLE_NAMES_FEMALE);
  const given = r.pick(male ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
  return `${family} ${middle} ${given}`;
}

/** Round to a step, at least one step. */
function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** Codes and names are unique across the new province, so the two provinces' generators share them. */
interface UsedNames {
  codes: Set<string>;
  coopNames: Set<string>;
  groupNames: Set<string>;
}

class RegistryDataGenerator {
  private readonly rng: Random;
  private readonly targets: ReturnType<typeof targetsFor>;
  private readonly hamlets = new Map<string, string[]>();
  private readonly usedCodes: Set<string>;
  private readonly usedCoopNames: Set<string>;
  private readonly usedGroupNames: Set<string>;
  /** Next number to try after a base name, so numbering stays linear at large scales. */
  private readonly nextNumber = new Map<string, number>();
  private readonly communesByDistrict: Map<string, CommuneRef[]>;
  private readonly urbanCommunesByDistrict: Map<string, CommuneRef[]>;

  constructor(
    private readonly seed: number,
    private readonly scale: number,
    private readonly profile: ProvinceProfile,
    used: UsedNames,
  ) {
    this.rng = profile.label ? new Random(seed, "registry", profile.label) : new Random(seed, "registry");
    this.targets = targetsFor(scale * profile.share);
    this.usedCodes = used.codes;
    this.usedCoopNames = used.coopNames;
    this.usedGroupNames = used.groupNames;
    this.communesByDistrict = new Map(profile.districts.map((d) => [d.code, profile.communes.filter((c) => c.districtCode === d.code)]));
    this.urbanCommunesByDistrict = new Map([...this.communesByDistrict].map(([code, list]) => [code, list.filter((c) => c.urban)]));
  }

  // --- small helpers ------------------------------------------------------------------------

  private dayIn(from: number, to: number): number {
    if (from > to) throw new Error(`empty date range ${isoOf(from)}..${isoOf(to)}`);
    return this.rng.int(from, to);
  }

  /** A founding day, by year weights, within [from, to]. */
  private dayByYear(from: number, to: number, weightOfYear: (year: number) => number): number {
    const years: Array<readonly [number, number]> = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) years.push([y, weightOfYear(y)]);
    const year = this.rng.weighted(years);
    return this.dayIn(Math.max(from, dayOf(`${year}-01-01`)), Math.min(to, dayOf(`${year}-12-31`)));
  }

  private hamletsOf(commune: CommuneRef): string[] {
    const key = `${commune.districtCode}|${commune.code}`;
    let list = this.hamlets.get(key);
    if (!list) {
      const r = new Random(this.seed, "hamlets", this.profile.hamletStream(commune));
      const numbered = r.int(commune.urban ? 3 : 0, commune.urban ? 9 : 6);
      const named = commune.urban ? r.int(0, 2) : r.int(4, 9);
      list = [
        ...Array.from({ length: numbered }, (_, i) => String(i + 1)),
        ...r.sample(HAMLET_NAMES, named),
      ];
      if (list.length === 0) list.push("1");
      this.hamlets.set(key, list);
    }
    return list;
  }

  /** "Ấp Kinh Hãng", "Ấp 3", or in wards and townships "Khóm 2". */
  private hamletLabel(commune: CommuneRef, hamlet: string, capital: boolean): string {
    const word = commune.urban && /^\d+$/.test(hamlet) ? "khóm" : "ấp";
    return `${capital ? word[0].toUpperCase() + word.slice(1) : word} ${hamlet}`;
  }

  private newCode(): string {
    // Cà Mau's tax codes start with 20; the code is also the cooperative's tax code.
    for (;;) {
      const code = `${this.profile.taxPrefix}${this.rng.digits(8)}`;
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  private pickDistrict(sector: SectorCode): string {
    const affinity = this.profile.affinity[sector] ?? {};
    return this.rng.weighted(this.profile.districts.map((d) => [d.code, this.profile.districtWeights[d.code] * (affinity[d.code] ?? 1)] as const));
  }

  private pickCommune(districtCode: string, preferUrban: boolean): CommuneRef {
    const communes = this.communesByDistrict.get(districtCode)!;
    const urban = this.urbanCommunesByDistrict.get(districtCode)!;
    if (preferUrban && urban.length > 0 && this.rng.chance(0.7)) return this.rng.pick(urban);
    return this.rng.pick(communes);
  }

  private charterCapital(sector: SectorCode): number {
    const low = Math.log(sector === "PEOPLES_CREDIT_FUND" ? 1e9 : 5e7);
    const high = Math.log(1e10);
    const t = (this.rng.next() + this.rng.next()) / 2; // leans to the middle of the log range
    const value = Math.exp(low + (high - low) * t);
    const rounded = value < 2e8 ? roundTo(value, 5e6) : value < 1e9 ? roundTo(value, 1e7) : roundTo(value, 1e8);
    return Math.min(1e10, Math.max(5e7, rounded));
  }

  // --- cooperatives: dates and status histories -----------------------------------------------

  /** Status changes after `after` up to the dataset's end, for a cooperative founded on `founded`. */
  private laterFate(after: number, founded: number, odds: { suspended: number; dissolved: number; revoked: number; bankrupt: number }): StatusChange[] {
    const start = Math.max(after + 1, founded + 180);
    if (start > END - 60) return [];
    const r = this.rng.next();
    let p = 1 - odds.suspended - odds.dissolved - odds.revoked - odds.bankrupt;
    if (r < p) return [];
    if (r < (p += odds.suspended)) {
      const s = this.dayIn(start, END - 60);
      const changes = [{ day: s, status: LegalStatus.SUSPENDED }];
      if (this.rng.chance(0.5)) changes.push({ day: this.dayIn(s + 60, Math.min(s + 720, END)), status: LegalStatus.ACTIVE });
      return changes;
    }
    if (r < (p += odds.dissolved)) {
      const s = this.dayIn(start, END - 30);
      const changes = [{ day: s, status: LegalStatus.IN_DISSOLUTION }];
      const d = s + this.rng.int(30, 240);
      if (d <= END) changes.push({ day: d, status: LegalStatus.DISSOLVED });
      return changes;
    }
    if (r < p + odds.revoked) return [{ day: this.dayIn(start, END), status: LegalStatus.REVOKED }];
    return [{ day: this.dayIn(start, END), status: LegalStatus.BANKRUPT }];
  }

  private planCooperatives(): CoopPlan[] {
    const t = this.targets;
    const plans: CoopPlan[] = [];
    const laterOdds = { suspended: 0.06, dissolved: 0.1, revoked: 0.03, bankrupt: 0.01 };
    const plan = (category: CoopCategory, founded: number, changes: StatusChange[], countedAtT: boolean): CoopPlan => ({
      category, founded, changes, countedAtT, inForceAtT: 0, lifetimeSize: 0,
    });

    // Active on the report date and founded within the period: the article's 16 new cooperatives.
    for (let i = 0; i < t.newInPeriod; i++) {
      const founded = this.dayIn(FROM, T);
      plans.push(plan("NEW_IN_PERIOD", founded, this.laterFate(T, founded, laterOdds), true));
    }
    // Active on the report date, founded earlier; some were suspended for a while before the period.
    const activeWeight = (y: number) => (y <= 2003 ? 0.6 : y <= 2008 ? 1 : y <= 2012 ? 1.5 : y <= 2016 ? 2.5 : 4.5);
    for (let i = 0; i < t.activeAtT - t.newInPeriod; i++) {
      const founded = this.dayByYear(FIRST_FOUNDING, FROM - 1, activeWeight);
      const changes: StatusChange[] = [];
      if (T - founded > 3 * 365 && this.rng.chance(0.06)) {
        const s = this.dayIn(founded + 365, T - 400);
        changes.push({ day: s, status: LegalStatus.SUSPENDED }, { day: this.dayIn(s + 60, Math.min(s + 720, FROM - 1)), status: LegalStatus.ACTIVE });
      }
      changes.push(...this.laterFate(T, founded, laterOdds));
      plans.push(plan("ACTIVE_AT_T", founded, changes, true));
    }
    // Ended before the report date: dissolved (many around the 2012 law's re-registration deadline), revoked, bankrupt.
    for (let i = 0; i < t.endedBeforeT; i++) {
      const stop = this.rng.chance(0.6) ? this.dayIn(dayOf("2014-01-01"), dayOf("2019-12-31")) : this.dayIn(dayOf("2003-01-01"), T - 250);
      const founded = this.dayIn(Math.max(FIRST_FOUNDING, addYears(stop, -15)), stop - 365);
      const changes: StatusChange[] = [];
      if (this.rng.chance(0.35) && stop - 600 > founded + 180) changes.push({ day: this.dayIn(Math.max(founded + 180, stop - 600), stop - 30), status: LegalStatus.SUSPENDED });
      const r = this.rng.next();
      if (r < 0.78) changes.push({ day: stop, status: LegalStatus.IN_DISSOLUTION }, { day: stop + this.rng.int(30, 240), status: LegalStatus.DISSOLVED });
      else if (r < 0.97) changes.push({ day: stop, status: LegalStatus.REVOKED });
      else changes.push({ day: stop, status: LegalStatus.BANKRUPT });
      plans.push(plan("ENDED_BEFORE_T", founded, changes, false));
    }
    // Registered but not active on the report date: suspended, or in dissolution.
    for (let i = 0; i < t.inactiveAtT; i++) {
      const changes: StatusChange[] = [];
      let founded: number;
      if (this.rng.chance(0.7)) {
        const s = this.dayIn(T - 900, T - 1);
        founded = this.dayIn(FIRST_FOUNDING, Math.min(s - 365, dayOf("2019-12-31")));
        changes.push({ day: s, status: LegalStatus.SUSPENDED });
        const r = this.rng.next();
        if (r < 0.4) changes.push({ day: this.dayIn(T + 1, Math.min(T + 720, END)), status: LegalStatus.ACTIVE });
        else if (r < 0.8) {
          const d = this.dayIn(T + 1, END - 30);
          changes.push({ day: d, status: LegalStatus.IN_DISSOLUTION });
          if (d + 120 <= END) changes.push({ day: d + this.rng.int(30, 120), status: LegalStatus.DISSOLVED });
        }
      } else {
        const s = this.dayIn(T - 300, T - 1);
        founded = this.dayIn(FIRST_FOUNDING, Math.min(s - 365, dayOf("2019-12-31")));
        changes.push({ day: s, status: LegalStatus.IN_DISSOLUTION }, { day: this.dayIn(T + 1, Math.min(s + 500, END)), status: LegalStatus.DISSOLVED });
      }
      plans.push(plan("INACTIVE_AT_T", founded, changes, false));
    }
    // Founded after the report date, so later periods have data too.
    const afterWeights: Record<number, number> = { 2021: 0.5, 2022: 1.1, 2023: 1.2, 2024: 1.3, 2025: 0.6 };
    const afterWeight = (y: number) => afterWeights[y] ?? 1;
    for (let i = 0; i < t.foundedAfterT; i++) {
      const founded = this.dayByYear(T + 1, END - 30, afterWeight);
      plans.push(plan("FOUNDED_AFTER_T", founded, this.laterFate(founded, founded, { suspended: 0.05, dissolved: 0.05, revoked: 0.01, bankrupt: 0 }), false));
    }
    // Registry order: by founding date.
    return plans.map((p, i) => ({ p, i })).sort((a, b) => a.p.founded - b.p.founded || a.i - b.i).map(({ p }) => p);
  }

  private planGroups(): GroupPlan[] {
    const t = this.targets;
    const plans: GroupPlan[] = [];
    const weight = (y: number) => (y <= 2010 ? 1 : y <= 2015 ? 2 : 3);
    for (let i = 0; i < t.groupsAtT; i++) {
      const founded = this.dayByYear(FIRST_GROUP, T, weight);
      const dissolved = this.rng.chance(0.15) ? this.dayIn(Math.max(T + 1, founded + 180), END) : null;
      plans.push({ founded, dissolved, countedAtT: true, inForceAtT: 0, lifetimeSize: 0 });
    }
    for (let i = 0; i < t.groupsEndedBeforeT; i++) {
      const founded = this.dayByYear(FIRST_GROUP, dayOf("2019-06-30"), weight);
      plans.push({ founded, dissolved: this.dayIn(founded + 180, Math.min(T - 1, founded + 3650)), countedAtT: false, inForceAtT: 0, lifetimeSize: 0 });
    }
    for (let i = 0; i < t.groupsFoundedAfterT; i++) {
      const founded = this.dayIn(T + 1, END - 30);
      const dissolved = founded + 180 <= END && this.rng.chance(0.08) ? this.dayIn(founded + 180, END) : null;
      plans.push({ founded, dissolved, countedAtT: false, inForceAtT: 0, lifetimeSize: 0 });
    }
    return plans.map((p, i) => ({ p, i })).sort((a, b) => a.p.founded - b.p.founded || a.i - b.i).map(({ p }) => p);
  }

  private coopSize(): number {
    const r = this.rng.next();
    if (r < 0.1) return this.rng.int(7, 9);
    if (r < 0.9) return 10 + Math.floor(36 * Math.pow(this.rng.next(), 1.5));
    return 46 + Math.floor(105 * Math.pow(this.rng.next(), 2));
  }

  private groupSize(): number {
    return GROUP_MIN_MEMBERS + Math.floor(14 * Math.pow(this.rng.next(), 1.4));
  }

  /** Exactly `membersAtT` in-force memberships over the counted cooperatives and groups. */
  private distributeMembers(coops: CoopPlan[], groups: GroupPlan[]): void {
    type Slot = { plan: { inForceAtT: number }; min: number; max: number };
    const slots: Slot[] = [];
    for (const p of coops) {
      if (p.countedAtT) {
        // Cooperatives founded within the period are still small on its last day.
        const max = p.category === "NEW_IN_PERIOD" ? NEW_COOP_MAX_MEMBERS : COOP_MAX_MEMBERS;
        p.inForceAtT = Math.min(max, this.coopSize());
        slots.push({ plan: p, min: COOP_MIN_MEMBERS, max });
      }
    }
    for (const g of groups) {
      if (g.countedAtT) {
        g.inForceAtT = this.groupSize();
        slots.push({ plan: g, min: GROUP_MIN_MEMBERS, max: GROUP_MAX_MEMBERS });
      }
    }
    let diff = this.targets.membersAtT - slots.reduce((sum, s) => sum + s.plan.inForceAtT, 0);
    while (diff !== 0) {
      const slot = this.rng.pick(slots);
      if (diff > 0 && slot.plan.inForceAtT < slot.max) {
        slot.plan.inForceAtT++;
        diff--;
      } else if (diff < 0 && slot.plan.inForceAtT > slot.min) {
        slot.plan.inForceAtT--;
        diff++;
      }
    }
    // Organisations not counted on the report date get sizes of their own.
    for (const p of coops) if (!p.countedAtT) p.inForceAtT = p.lifetimeSize = this.rng.int(7, 40);
    for (const g of groups) if (!g.countedAtT) g.lifetimeSize = g.inForceAtT = this.rng.int(2, 12);
  }

  // --- the dataset ------------------------------------------------------------------------------

  generate(): RegistryDataset {
    const rng = this.rng;
    const coopPlans = this.planCooperatives();
    const groupPlans = this.planGroups();
    this.distributeMembers(coopPlans, groupPlans);

    const cooperatives: CooperativeRow[] = [];
    const classifications: ClassificationRow[] = [];
    const memberPlans: MemberPlan[] = [];
    type PendingEvent = { day: number; order: number; kind: CooperativeEventKind; statusAfter: LegalStatus | null; details: Record<string, unknown> };
    const pending: PendingEvent[][] = [];
    const statusAt = (p: CoopPlan, day: number): LegalStatus | null => {
      if (day < p.founded) return null;
      let s = LegalStatus.ACTIVE;
      for (const c of p.changes) if (c.day <= day) s = c.status;
      return s;
    };
    const stopOf = (p: CoopPlan) => p.changes.find((c) => STOPPING.has(c.status))?.day ?? null;
    const endOf = (p: CoopPlan) => p.changes.find((c) => TERMINAL.has(c.status))?.day ?? null;
    /** Never changes status from `day` on, and is active on it. */
    const steadyFrom = (p: CoopPlan, day: number) => statusAt(p, day) === LegalStatus.ACTIVE && p.changes.every((c) => c.day < day);

    const qualities: number[] = [];
    const sectors: SectorCode[] = [];

    coopPlans.forEach((p, index) => {
      const id = rng.uuid();
      const sector = rng.weighted(COOP_SECTOR_WEIGHTS);
      const district = this.pickDistrict(sector);
      const patterns = COOPERATIVE_NAME_PATTERNS.filter((pt) => pt.sector === sector && (!pt.districts || pt.districts.includes(district)));
      const pattern: CooperativeNamePattern = rng.weighted(patterns.map((pt) => [pt, pt.weight] as const));
      const commune = this.pickCommune(district, URBAN_SECTORS.has(sector));
      const { name, place } = this.cooperativeName(pattern, commune);
      const hasForeignName = rng.chance(0.3);
      const businessLines = [rng.pick(pattern.primaryLines)];
      for (const line of rng.shuffle([...pattern.secondaryLines]).slice(0, rng.int(0, Math.min(2, pattern.secondaryLines.length)))) businessLines.push(line);
      const hamlet = rng.pick(this.hamletsOf(commune));
      const street = commune.urban
        ? `Số ${rng.int(1, 320)} ${rng.pick(STREET_NAMES)}, ${this.hamletLabel(commune, hamlet, true)}`
        : this.hamletLabel(commune, hamlet, true);
      const male = rng.chance(0.8);
      const representative = { fullName: personName(rng, male), male };
      const stop = stopOf(p);
      const end = endOf(p);
      const isNewModel = rng.chance(p.founded >= dayOf("2015-01-01") ? 0.32 : 0.12);
      const charterCapital = this.charterCapital(sector);
      const lastChange = p.changes[p.changes.length - 1];
      const foundingCount = Math.min(p.countedAtT ? p.inForceAtT : p.lifetimeSize, rng.int(7, 12));

      cooperatives.push({
        id,
        code: this.newCode(),
        name,
        foreignName: hasForeignName ? pattern.foreignName.replace("{P}", withoutDiacritics(place)) : null,
        abbreviation: hasForeignName || rng.chance(0.15) ? pattern.abbreviation.replace("{P}", place) : null,
        status: lastChange ? lastChange.status : LegalStatus.ACTIVE,
        statusSince: isoOf(lastChange ? lastChange.day : p.founded),
        foundedOn: isoOf(p.founded),
        governingLaw: p.founded >= LAW_2023_START ? GoverningLaw.LAW_2023 : GoverningLaw.LAW_2012,
        sectorCode: sector,
        businessLines,
        street,
        communeCode: commune.code,
        districtCode: district,
        addressCodeSystem: "PRE_2025",
        charterCapital,
        legalRepresentative: representative.fullName,
        isNewModel,
        allianceJoinedOn: null,
        version: 1,
      });
      const events: PendingEvent[] = [
        {
          day: p.founded,
          order: 0,
          kind: CooperativeEventKind.FOUNDED,
          statusAfter: LegalStatus.ACTIVE,
          details: { code: cooperatives[index].code, name, governingLaw: cooperatives[index].governingLaw, foundingOfficialMembers: foundingCount },
        },
      ];
      let previous = LegalStatus.ACTIVE;
      for (const c of p.changes) {
        events.push({ day: c.day, order: 3, kind: CooperativeEventKind.STATUS_CHANGED, statusAfter: c.status, details: { status: { from: previous, to: c.status } } });
        previous = c.status;
      }
      pending.push(events);
      sectors.push(sector);
      qualities.push(rng.normal(60, 11) + SECTOR_SCORE_ADJUSTMENT[sector] + (isNewModel ? 6 : 0) + (end !== null ? -9 : 0));

      memberPlans.push({
        orgId: id,
        isGroup: false,
        stream: index,
        founded: p.founded,
        joinLimit: stop !== null ? stop - 1 : END,
        end,
        aliveAtT: p.founded <= T && (end === null || end > T),
        inForceAtT: p.inForceAtT,
        lifetimeSize: p.lifetimeSize,
        foundingCount,
        representative,
        capitalPerMember: roundTo(charterCapital / Math.max(foundingCount, p.countedAtT ? p.inForceAtT : p.lifetimeSize), 1e6),
        associatesFrom: null,
        province: this.profile.label,
        closedOn: null,
        lateJoiners: 0,
      });
    });

    // --- Alliance membership: exactly the target admitted within the report period. -----------
    const newAllianceCount = this.targets.newAllianceMembers;
    const inPeriodIdx = coopPlans.map((p, i) => (p.category === "NEW_IN_PERIOD" ? i : -1)).filter((i) => i >= 0);
    const olderActiveIdx = coopPlans.map((p, i) => (p.category === "ACTIVE_AT_T" ? i : -1)).filter((i) => i >= 0);
    const fromNew = Math.min(inPeriodIdx.length, Math.round(newAllianceCount * 0.4));
    const admittedInPeriod = new Set([...rng.sample(inPeriodIdx, fromNew), ...rng.sample(olderActiveIdx, newAllianceCount - fromNew)]);
    coopPlans.forEach((p, i) => {
      let day: number | null = null;
      const first = Math.max(p.founded, ALLIANCE_FIRST);
      const stop = stopOf(p);
      const last = Math.min(stop !== null ? stop - 1 : END, END);
      if (admittedInPeriod.has(i)) {
        day = this.dayIn(Math.max(first, FROM), T);
      } else if (first <= last && rng.chance(0.6)) {
        for (let attempt = 0; attempt < 10 && day === null; attempt++) {
          const candidate = rng.chance(0.35) ? Math.min(last, first + rng.int(0, 90)) : this.dayIn(first, last);
          if ((candidate < FROM || candidate > T) && statusAt(p, candidate) === LegalStatus.ACTIVE) day = candidate;
        }
      }
      if (day !== null) {
        cooperatives[i].allianceJoinedOn = isoOf(day);
        pending[i].push({ day, order: 1, kind: CooperativeEventKind.JOINED_ALLIANCE, statusAfter: null, details: { allianceJoinedOn: { from: null, to: isoOf(day) } } });
      }
    });

    // --- Unions: the province's first, founded in 2021 with 5 member cooperatives. -------------
    const unions: CooperativeUnionRow[] = [];
    const unionMemberships: UnionMembershipRow[] = [];
    const inUnion = new Set<number>();
    const addMembership = (unionIdx: number, coopIdx: number, day: number) => {
      const union = unions[unionIdx];
      inUnion.add(coopIdx);
      unionMemberships.push({ id: rng.uuid(), unionId: union.id, cooperativeId: cooperatives[coopIdx].id, joinedOn: isoOf(day), leftOn: null });
      pending[coopIdx].push({ day, order: 2, kind: CooperativeEventKind.JOINED_UNION, statusAfter: null, details: { unionId: union.id, unionCode: union.code, unionName: union.name } });
    };
    const unionCandidates = (day: number, sectorsWanted: readonly SectorCode[] | null) => {
      const found: number[] = [];
      for (let i = 0; i < coopPlans.length; i++) {
        const p = coopPlans[i];
        if (p.founded < day && !inUnion.has(i) && (!sectorsWanted || sectorsWanted.includes(sectors[i])) && steadyFrom(p, day)) found.push(i);
      }
      return found;
    };
    for (let u = 0; u < this.targets.unions; u++) {
      const first = u === 0;
      let founded = first ? UNION_FOUNDED : this.dayIn(dayOf("2019-01-01"), dayOf("2025-03-31"));
      if (!first && founded >= FROM && founded <= T) founded = T + 1 + rng.int(0, 300);
      const law = founded >= LAW_2023_START ? GoverningLaw.LAW_2023 : GoverningLaw.LAW_2012;
      const memberCount = first ? ARTICLE_FIGURES.unionMemberCooperativeCount : rng.int(Math.max(MIN_UNION_MEMBERS[law], 3), 7);
      let candidates = unionCandidates(founded, ["AGRICULTURE", "FISHERIES"]);
      if (candidates.length < memberCount) candidates = unionCandidates(founded, null);
      if (candidates.length < memberCount) continue; // only at tiny scales
      const district = first ? this.profile.unionDistrict : rng.pick(this.profile.districts).code;
      const commune = this.pickCommune(district, true);
      const placeName = first ? this.profile.placeName : commune.placeName;
      const kind = rng.pick(["Nông nghiệp", "Thủy sản", "Tôm - Lúa", "Dịch vụ Nông nghiệp"]);
      let name = `Liên hiệp Hợp tác xã ${first ? "Nông nghiệp" : kind} ${placeName}`;
      if (this.usedCoopNames.has(name)) name = `${name} ${u + 1}`;
      this.usedCoopNames.add(name);
      unions.push({
        id: rng.uuid(),
        code: this.newCode(),
        name,
        foreignName: `${withoutDiacritics(placeName)} Union of Cooperatives`,
        abbreviation: `LH HTX ${placeName}`,
        status: LegalStatus.ACTIVE,
        statusSince: isoOf(founded),
        foundedOn: isoOf(founded),
        governingLaw: law,
        street: commune.urban ? `Số ${rng.int(1, 320)} ${rng.pick(STREET_NAMES)}` : this.hamletLabel(commune, rng.pick(this.hamletsOf(commune)), true),
        communeCode: commune.code,
        districtCode: district,
        addressCodeSystem: "PRE_2025",
        charterCapital: roundTo(rng.float(1e9, 5e9), 1e8),
        legalRepresentative: personName(rng, rng.chance(0.8)),
        version: 1,
      });
      for (const coopIdx of rng.sample(candidates, memberCount)) addMembership(unions.length - 1, coopIdx, founded);
      if (first) {
        // A sixth member joins later, so later periods differ.
        const later = unionCandidates(UNION_LATE_JOIN, null);
        if (later.length > 0) addMembership(0, rng.pick(later), UNION_LATE_JOIN);
      }
    }

    // --- Re-registration under the 2023 law, from 1 July 2024. ----------------------------------
    // Cooperatives founded earlier were registered under the 2012 law (those from before 2013
    // re-registered under it by 2016, so LAW_2012 stands for them too). About 70% of those still
    // registered re-register under the 2023 law, leaving some 30% of current ones under LAW_2012.
    coopPlans.forEach((p, i) => {
      const coop = cooperatives[i];
      if (coop.governingLaw === GoverningLaw.LAW_2023) {
        memberPlans[i].associatesFrom = p.founded;
        return;
      }
      const stop = stopOf(p);
      const last = Math.min(stop !== null ? stop - 1 : END, END);
      if (last < LAW_2023_START || !rng.chance(0.7)) return;
      const day = this.dayIn(LAW_2023_START, last);
      if (statusAt(p, day) !== LegalStatus.ACTIVE) return;
      coop.governingLaw = GoverningLaw.LAW_2023;
      memberPlans[i].associatesFrom = day;
      pending[i].push({
        day,
        order: 2,
        kind: CooperativeEventKind.DETAILS_CHANGED,
        statusAfter: null,
        details: { governingLaw: { from: GoverningLaw.LAW_2012, to: GoverningLaw.LAW_2023 }, reason: "Đăng ký lại theo Luật Hợp tác xã 2023" },
      });
    });

    // --- Annual classifications, from 2017, for cooperatives operating at least 12 months. --------
    coopPlans.forEach((p, i) => {
      const coop = cooperatives[i];
      const stop = stopOf(p);
      for (let year = FIRST_CLASSIFIED_YEAR; year <= yearOf(END) - 1; year++) {
        if (!canBeClassifiedForYear(coop.foundedOn, year)) continue;
        if (statusAt(p, dayOf(`${year}-12-31`)) !== LegalStatus.ACTIVE) continue;
        const classifiedOn = this.dayIn(dayOf(`${year + 1}-01-05`), dayOf(`${year + 1}-03-31`));
        if (classifiedOn > END || (stop !== null && classifiedOn >= stop) || statusAt(p, classifiedOn) !== LegalStatus.ACTIVE) continue;
        if (rng.chance(0.05)) continue; // did not report that year
        const score = Math.max(15, Math.min(98, Math.round(qualities[i] + (year - FIRST_CLASSIFIED_YEAR) * 0.9 + rng.normal(0, 6))));
        const rating = ratingForScore(score);
        classifications.push({ id: rng.uuid(), cooperativeId: coop.id, year, score, rating, scheme: CURRENT_SCHEME, classifiedOn: isoOf(classifiedOn) });
        pending[i].push({ day: classifiedOn, order: 2, kind: CooperativeEventKind.CLASSIFIED, statusAfter: null, details: { year, score, rating, scheme: CURRENT_SCHEME } });
      }
    });

    // --- Events, in order, with recorded-at times that keep that order. --------------------------
    const events: CooperativeEventRow[] = [];
    pending.forEach((list, i) => {
      list.sort((a, b) => a.day - b.day || a.order - b.order);
      list.forEach((e, n) => {
        const seconds = 9 * 3600 + n * 60;
        const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, 0].map((v) => String(v).padStart(2, "0")).join(":");
        events.push({
          id: rng.uuid(),
          cooperativeId: cooperatives[i].id,
          kind: e.kind,
          effectiveOn: isoOf(e.day),
          recordedAt: `${isoOf(e.day)}T${time}+07:00`,
          actorSubject: SEED_ACTOR.subject,
          actorRole: SEED_ACTOR.role,
          statusAfter: e.statusAfter,
          details: e.details,
        });
      });
    });

    // --- Cooperative groups. -------------------------------------------------------------------
    const groups: CooperativeGroupRow[] = [];
    groupPlans.forEach((g, index) => {
      const id = rng.uuid();
      const pattern = rng.weighted(GROUP_PATTERN_WEIGHTS);
      const district = this.pickDistrict(pattern.sector);
      const commune = this.pickCommune(district, false);
      const hamlet = rng.pick(this.hamletsOf(commune));
      let name = `Tổ hợp tác ${pattern.activity} ${this.hamletLabel(commune, hamlet, false)}`;
      const key = (n: string) => `${commune.code}|${n}`;
      if (this.usedGroupNames.has(key(name))) {
        const base = name;
        let k = this.nextNumber.get(key(base)) ?? 2;
        while (this.usedGroupNames.has(key(`${base} số ${k}`))) k++;
        this.nextNumber.set(key(base), k + 1);
        name = `${base} số ${k}`;
      }
      this.usedGroupNames.add(key(name));
      groups.push({
        id,
        name,
        communeCode: commune.code,
        districtCode: district,
        sectorCode: pattern.sector,
        foundedOn: isoOf(g.founded),
        certifiedOn: isoOf(Math.min(g.founded + rng.int(0, 20), END)),
        status: g.dissolved !== null ? GroupStatus.DISSOLVED : GroupStatus.OPERATING,
        dissolvedOn: g.dissolved !== null ? isoOf(g.dissolved) : null,
        version: 1,
      });
      const size = g.countedAtT ? g.inForceAtT : g.lifetimeSize;
      memberPlans.push({
        orgId: id,
        isGroup: true,
        stream: index,
        founded: g.founded,
        joinLimit: g.dissolved !== null ? g.dissolved - 1 : END,
        end: g.dissolved,
        aliveAtT: g.founded <= T && (g.dissolved === null || g.dissolved > T),
        inForceAtT: g.inForceAtT,
        lifetimeSize: g.lifetimeSize,
        foundingCount: Math.min(size, rng.int(2, 5)),
        representative: null,
        capitalPerMember: 0,
        associatesFrom: null,
        province: this.profile.label,
        closedOn: null,
        lateJoiners: 0,
      });
    });

    const seed = this.seed;
    const dataset: RegistryDataset = {
      seed,
      scale: this.scale,
      cooperatives,
      events,
      classifications,
      groups,
      unions,
      unionMemberships,
      memberPlans,
      members: () => generateMembers(seed, memberPlans, this.profile.idPrefix),
    };
    this.continueAfterReform(dataset);
    return dataset;
  }

  /**
   * The history after the pre-2025 units (2025-07-01 up to HISTORY_END), drawn after everything
   * before it so the earlier rows stay as they were: some cooperatives and groups dissolve or are
   * suspended, the 2025 classification, new members in organisations still running, and new
   * cooperatives and groups registered in the new communes (addresses without a district).
   */
  private continueAfterReform(d: RegistryDataset): void {
    const rng = this.rng;
    const first = END + 1;
    const last = dayOf(HISTORY_END);
    const n = (x: number) => Math.max(0, Math.round(x * this.scale * this.profile.share));
    const newCommunes = newCommunesOf(this.profile.territory);
    const event = (cooperativeId: string, day: number, kind: CooperativeEventKind, statusAfter: LegalStatus | null, details: Record<string, unknown>, minute = 0) =>
      d.events.push({
        id: rng.uuid(),
        cooperativeId,
        kind,
        effectiveOn: isoOf(day),
        recordedAt: `${isoOf(day)}T15:${String(minute).padStart(2, "0")}:00+07:00`,
        actorSubject: SEED_ACTOR.subject,
        actorRole: SEED_ACTOR.role,
        statusAfter,
        details,
      });
    const planOf = new Map(d.memberPlans.map((p) => [p.orgId, p]));

    // Existing cooperatives: most keep going; some are suspended, some dissolve.
    const lastScore = new Map<string, number>();
    for (const k of d.classifications) lastScore.set(k.cooperativeId, k.score);
    const inUnion = new Set(d.unionMemberships.filter((m) => m.leftOn === null).map((m) => m.cooperativeId));
    for (const coop of d.cooperatives) {
      if (coop.status !== LegalStatus.ACTIVE) continue;
      const plan = planOf.get(coop.id)!;
      // Members of a union keep going (leaving a union is not part of the demo history).
      const r = inUnion.has(coop.id) ? 1 : rng.next();
      let stopped: number | null = null;
      if (r < 0.05) {
        const s = this.dayIn(first, last - 30);
        event(coop.id, s, CooperativeEventKind.STATUS_CHANGED, LegalStatus.IN_DISSOLUTION, { status: { from: LegalStatus.ACTIVE, to: LegalStatus.IN_DISSOLUTION } });
        coop.status = LegalStatus.IN_DISSOLUTION;
        coop.statusSince = isoOf(s);
        stopped = s;
        const dissolved = s + rng.int(30, 150);
        if (dissolved <= last) {
          event(coop.id, dissolved, CooperativeEventKind.STATUS_CHANGED, LegalStatus.DISSOLVED, { status: { from: LegalStatus.IN_DISSOLUTION, to: LegalStatus.DISSOLVED } });
          coop.status = LegalStatus.DISSOLVED;
          coop.statusSince = isoOf(dissolved);
          plan.closedOn = dissolved;
        }
      } else if (r < 0.08) {
        const s = this.dayIn(first, last - 30);
        event(coop.id, s, CooperativeEventKind.STATUS_CHANGED, LegalStatus.SUSPENDED, { status: { from: LegalStatus.ACTIVE, to: LegalStatus.SUSPENDED } });
        coop.status = LegalStatus.SUSPENDED;
        coop.statusSince = isoOf(s);
        stopped = s;
      }
      // The 2025 classification, in the first quarter of 2026, for those operating all of 2025.
      const classifiedOn = this.dayIn(dayOf("2026-01-05"), dayOf("2026-03-31"));
      if (canBeClassifiedForYear(coop.foundedOn, 2025) && (stopped === null || stopped > classifiedOn) && !rng.chance(0.05)) {
        const base = lastScore.get(coop.id) ?? rng.normal(60, 11) + SECTOR_SCORE_ADJUSTMENT[coop.sectorCode];
        const score = Math.max(15, Math.min(98, Math.round(base + rng.normal(0.8, 5))));
        const rating = ratingForScore(score);
        d.classifications.push({ id: rng.uuid(), cooperativeId: coop.id, year: 2025, score, rating, scheme: CURRENT_SCHEME, classifiedOn: isoOf(classifiedOn) });
        event(coop.id, classifiedOn, CooperativeEventKind.CLASSIFIED, null, { year: 2025, score, rating, scheme: CURRENT_SCHEME });
      }
      if (stopped === null) plan.lateJoiners = Math.round(Math.max(plan.inForceAtT, plan.lifetimeSize) * rng.float(0, 0.15));
    }

    // Existing groups: a few dissolve; the others take new members.
    for (const group of d.groups) {
      if (group.status !== GroupStatus.OPERATING) continue;
      const plan = planOf.get(group.id)!;
      if (rng.chance(0.06)) {
        const day = this.dayIn(first, last);
        group.status = GroupStatus.DISSOLVED;
        group.dissolvedOn = isoOf(day);
        plan.closedOn = day;
      } else {
        plan.lateJoiners = rng.chance(0.4) ? rng.int(1, 3) : 0;
      }
    }

    // New cooperatives, registered at addresses in the new communes.
    const foundings = n(32);
    const stream = d.memberPlans.length;
    for (let i = 0; i < foundings; i++) {
      const founded = this.dayIn(first, last - 7);
      const sector = rng.weighted(COOP_SECTOR_WEIGHTS.filter(([s]) => s !== "PEOPLES_CREDIT_FUND"));
      const patterns = COOPERATIVE_NAME_PATTERNS.filter((pt) => pt.sector === sector && !pt.districts);
      const pattern: CooperativeNamePattern = rng.weighted(patterns.map((pt) => [pt, pt.weight] as const));
      const commune = URBAN_SECTORS.has(sector) && rng.chance(0.7) ? rng.pick(newCommunes.filter((c) => c.urban).concat(newCommunes.slice(0, 1))) : rng.pick(newCommunes);
      const { name, place } = this.cooperativeName(pattern, commune);
      const hamlet = rng.pick(this.hamletsOf(commune));
      const male = rng.chance(0.8);
      const representative = { fullName: personName(rng, male), male };
      const charterCapital = this.charterCapital(sector);
      const size = rng.int(7, 25);
      const foundingCount = Math.min(size, rng.int(7, 12));
      const id = rng.uuid();
      const code = this.newCode();
      const alliance = rng.chance(0.3) ? Math.min(last, founded + rng.int(10, 200)) : null;
      d.cooperatives.push({
        id,
        code,
        name,
        foreignName: rng.chance(0.3) ? pattern.foreignName.replace("{P}", withoutDiacritics(place)) : null,
        abbreviation: rng.chance(0.3) ? pattern.abbreviation.replace("{P}", place) : null,
        status: LegalStatus.ACTIVE,
        statusSince: isoOf(founded),
        foundedOn: isoOf(founded),
        governingLaw: GoverningLaw.LAW_2023,
        sectorCode: sector,
        businessLines: [rng.pick(pattern.primaryLines)],
        street: commune.urban ? `Số ${rng.int(1, 320)} ${rng.pick(STREET_NAMES)}, ${this.hamletLabel(commune, hamlet, true)}` : this.hamletLabel(commune, hamlet, true),
        communeCode: commune.code,
        districtCode: null,
        addressCodeSystem: "POST_2025",
        charterCapital,
        legalRepresentative: representative.fullName,
        isNewModel: rng.chance(0.4),
        allianceJoinedOn: alliance !== null ? isoOf(alliance) : null,
        version: 1,
      });
      event(id, founded, CooperativeEventKind.FOUNDED, LegalStatus.ACTIVE, { code, name, governingLaw: GoverningLaw.LAW_2023, foundingOfficialMembers: foundingCount });
      if (alliance !== null) event(id, alliance, CooperativeEventKind.JOINED_ALLIANCE, null, { allianceJoinedOn: { from: null, to: isoOf(alliance) } }, 1);
      d.memberPlans.push({
        orgId: id, isGroup: false, stream: stream + i, founded, joinLimit: last, end: null, aliveAtT: false, inForceAtT: size, lifetimeSize: size, foundingCount,
        representative, capitalPerMember: roundTo(charterCapital / size, 1e6), associatesFrom: founded, province: `${this.profile.label}after-reform`, closedOn: null, lateJoiners: 0,
      });
    }

    // New cooperative groups in the new communes.
    for (let i = 0; i < n(70); i++) {
      const founded = this.dayIn(first, last);
      const pattern = rng.weighted(GROUP_PATTERN_WEIGHTS);
      const commune = rng.pick(newCommunes);
      const hamlet = rng.pick(this.hamletsOf(commune));
      let name = `Tổ hợp tác ${pattern.activity} ${this.hamletLabel(commune, hamlet, false)}`;
      const key = (x: string) => `${commune.code}|${x}`;
      for (let k = 2; this.usedGroupNames.has(key(name)); k++) name = `Tổ hợp tác ${pattern.activity} ${this.hamletLabel(commune, hamlet, false)} số ${k}`;
      this.usedGroupNames.add(key(name));
      const id = rng.uuid();
      d.groups.push({ id, name, communeCode: commune.code, districtCode: null, sectorCode: pattern.sector, foundedOn: isoOf(founded), certifiedOn: isoOf(Math.min(founded + rng.int(0, 20), last)), status: GroupStatus.OPERATING, dissolvedOn: null, version: 1 });
      const size = rng.int(2, 12);
      d.memberPlans.push({
        orgId: id, isGroup: true, stream: stream + foundings + i, founded, joinLimit: last, end: null, aliveAtT: false, inForceAtT: size, lifetimeSize: size,
        foundingCount: Math.min(size, rng.int(2, 5)), representative: null, capitalPerMember: 0, associatesFrom: null, province: `${this.profile.label}after-reform`, closedOn: null, lateJoiners: 0,
      });
    }
  }

  /** A name of the pattern for a place, unique in the province. */
  private cooperativeName(pattern: CooperativeNamePattern, commune: CommuneRef): { name: string; place: string } {
    const rng = this.rng;
    const numberedWard = /^Phường \d+$/.test(commune.placeName);
    for (let attempt = 0; attempt < 12; attempt++) {
      const r = rng.next();
      let place: string;
      if (pattern.sector === "PEOPLES_CREDIT_FUND" || (r < 0.55 && !numberedWard)) place = commune.placeName;
      else if (r < 0.75 || numberedWard) place = rng.pick(AUSPICIOUS_NAMES);
      else {
        const named = this.hamletsOf(commune).filter((h) => !/^\d+$/.test(h));
        place = named.length > 0 ? rng.pick(named) : rng.pick(AUSPICIOUS_NAMES);
      }
      const name = pattern.name.replace("{P}", place);
      if (!this.usedCoopNames.has(name)) {
        this.usedCoopNames.add(name);
        return { name, place };
      }
    }
    const base = pattern.name.replace("{P}", commune.placeName);
    for (let k = this.nextNumber.get(base) ?? 2; ; k++) {
      const name = `${base} ${k}`;
      this.nextNumber.set(base, k + 1);
      if (!this.usedCoopNames.has(name)) {
        this.usedCoopNames.add(name);
        return { name, place: `${commune.placeName} ${k}` };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Members

/** Fictitious personal data: national IDs are Cà Mau-style (096…) but sequential per birth year. */
class PersonFactory {
  private readonly serials = new Map<string, number>();

  constructor(private readonly idPrefix: string) {}

  person(r: Random, kind: MemberKind, joined: number, fixed?: { fullName: string; male: boolean }) {
    if (kind === MemberKind.ORGANISATION) {
      const pattern = r.pick(ORGANISATION_NAME_PATTERNS);
      return {
        fullName: pattern.replace("{A}", r.chance(0.5) ? r.pick(AUSPICIOUS_NAMES) : r.pick(HAMLET_NAMES)),
        nationalId: null,
        dateOfBirth: null,
        phone: `0900${r.digits(6)}`,
      };
    }
    const male = fixed ? fixed.male : r.chance(kind === MemberKind.HOUSEHOLD ? 0.75 : 0.62);
    const name = fixed ? fixed.fullName : personName(r, male);
    // 18 or older when joining.
    const dob = r.int(DOB_MIN, Math.min(DOB_MAX, addYears(joined, -18)));
    const year = yearOf(dob);
    const centuryGender = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
    const key = `${centuryGender}${String(year % 100).padStart(2, "0")}`;
    const serial = (this.serials.get(key) ?? r.int(0, 999)) + r.int(1, 9);
    this.serials.set(key, serial);
    return {
      fullName: kind === MemberKind.HOUSEHOLD ? `Hộ ${male ? "ông" : "bà"} ${name}` : name,
      nationalId: `${this.idPrefix}${key}${String(serial % 1_000_000).padStart(6, "0")}`,
      dateOfBirth: isoOf(dob),
      phone: r.chance(0.92) ? `0900${r.digits(6)}` : null,
    };
  }
}

const FOUNDING_KINDS: ReadonlyArray<readonly [MemberKind, number]> = [[MemberKind.INDIVIDUAL, 88], [MemberKind.HOUSEHOLD, 12]];
const LATER_KINDS: ReadonlyArray<readonly [MemberKind, number]> = [[MemberKind.INDIVIDUAL, 82], [MemberKind.HOUSEHOLD, 14], [MemberKind.ORGANISATION, 4]];
const GROUP_KINDS: ReadonlyArray<readonly [MemberKind, number]> = [[MemberKind.INDIVIDUAL, 75], [MemberKind.HOUSEHOLD, 25]];
const ASSOCIATE_TYPES: ReadonlyArray<readonly [MembershipType, number]> = [
  [MembershipType.OFFICIAL, 78], [MembershipType.ASSOCIATE_WITH_CAPITAL, 12], [MembershipType.ASSOCIATE_WITHOUT_CAPITAL, 10],
];

/** Members of one province's organisations: the pre-2025 history first, then those who joined after it. */
function* generateMembers(seed: number, plans: readonly MemberPlan[], idPrefix: string): Generator<MemberRow> {
  const people = new PersonFactory(idPrefix);
  for (const plan of plans) yield* membersOf(seed, plan, people);
  for (const plan of plans) if (plan.lateJoiners > 0) yield* lateMembersOf(seed, plan, people);
}

function memberStream(seed: number, plan: MemberPlan, ...labels: string[]): Random {
  const kind = plan.isGroup ? "group-members" : "coop-members";
  return plan.province ? new Random(seed, plan.province, ...labels, kind, plan.stream) : new Random(seed, ...labels, kind, plan.stream);
}

/** Joined after the pre-2025 history, up to its end (an organisation still running then). */
function* lateMembersOf(seed: number, plan: MemberPlan, people: PersonFactory): Generator<MemberRow> {
  const r = memberStream(seed, plan, "late");
  const last = plan.closedOn !== null ? plan.closedOn - 1 : dayOf(HISTORY_END);
  if (last <= END) return;
  for (let i = 0; i < plan.lateJoiners; i++) {
    const joined = r.int(END + 1, last);
    const kind = r.weighted(plan.isGroup ? GROUP_KINDS : LATER_KINDS);
    const membershipType = !plan.isGroup && plan.associatesFrom !== null ? r.weighted(ASSOCIATE_TYPES) : MembershipType.OFFICIAL;
    const person = people.person(r, kind, joined);
    const capital = capitalOf(r, plan, kind, membershipType);
    yield memberRow(r, plan, { kind, membershipType, person, joined, left: plan.closedOn, capital });
  }
}

/** Capital a new member contributes: none for an associate without capital. */
function capitalOf(r: Random, plan: MemberPlan, kind: MemberKind, membershipType: MembershipType): number {
  if (membershipType === MembershipType.ASSOCIATE_WITHOUT_CAPITAL) return 0;
  return plan.isGroup ? r.int(1, 10) * 1_000_000 : roundTo(plan.capitalPerMember * r.float(0.5, 1.6) * (kind === MemberKind.ORGANISATION ? 3 : 1), 1_000_000);
}

/** A member row of the plan's organisation; its id is the stream's last draw for the member. */
function memberRow(
  r: Random,
  plan: MemberPlan,
  m: { kind: MemberKind; membershipType: MembershipType; person: ReturnType<PersonFactory["person"]>; joined: number; left: number | null; capital: number },
): MemberRow {
  return {
    id: r.uuid(),
    cooperativeId: plan.isGroup ? null : plan.orgId,
    groupId: plan.isGroup ? plan.orgId : null,
    kind: m.kind,
    fullName: m.person.fullName,
    membershipType: m.membershipType,
    joinedOn: isoOf(m.joined),
    leftOn: m.left !== null ? isoOf(m.left) : null,
    capitalContributed: m.capital,
    nationalId: m.person.nationalId,
    dateOfBirth: m.person.dateOfBirth,
    phone: m.person.phone,
  };
}

function* membersOf(seed: number, plan: MemberPlan, people: PersonFactory): Generator<MemberRow> {
  const r = memberStream(seed, plan);
  const { founded: F, joinLimit: J, end: E } = plan;
  const day = (from: number, to: number) => {
    if (from > to) throw new Error(`empty member date range ${isoOf(from)}..${isoOf(to)}`);
    return r.int(from, to);
  };
  /** Leaving day for a membership that must stay in force until `after` (exclusive of it). */
  const leaveAfter = (after: number): number | null => {
    if (E !== null) return r.chance(0.12) && E > after + 1 ? day(after + 1, E) : E;
    return r.chance(0.1) && END > after + 1 ? day(after + 1, END) : null;
  };
  let index = 0;
  const row = (joined: number, left: number | null, founding: boolean): MemberRow => {
    const isRepresentative = founding && index === 0 && plan.representative !== null;
    index++;
    const kind = isRepresentative ? MemberKind.INDIVIDUAL : r.weighted(plan.isGroup ? GROUP_KINDS : founding ? FOUNDING_KINDS : LATER_KINDS);
    const membershipType =
      !plan.isGroup && !founding && plan.associatesFrom !== null && joined >= Math.max(plan.associatesFrom, LAW_2023_START) ? r.weighted(ASSOCIATE_TYPES) : MembershipType.OFFICIAL;
    const person = people.person(r, kind, joined, isRepresentative ? plan.representative! : undefined);
    const capital = capitalOf(r, plan, kind, membershipType);
    // An organisation that ceased after the pre-2025 history ends the memberships still in force.
    const leftOn = plan.closedOn !== null && (left === null || left > plan.closedOn) ? plan.closedOn : left;
    return memberRow(r, plan, { kind, membershipType, person, joined, left: leftOn, capital });
  };

  if (plan.aliveAtT) {
    const n = plan.inForceAtT;
    // In force on the report date: the founders, then those who joined up to it.
    for (let i = 0; i < n; i++) {
      const founding = i < plan.foundingCount;
      const joined = founding ? F : day(F, Math.min(T, J));
      yield row(joined, leaveAfter(T), founding);
    }
    // Left before the report date.
    if (T - F > 365) {
      const leavers = Math.round(n * r.float(0, 0.2));
      for (let i = 0; i < leavers; i++) {
        const joined = day(F, Math.min(T - 31, J));
        yield row(joined, day(joined + 1, T - 1), false);
      }
    }
    // Joined after it.
    if (J > T) {
      const joiners = Math.round(n * r.float(0, 0.3));
      for (let i = 0; i < joiners; i++) {
        const joined = day(T + 1, J);
        yield row(joined, leaveAfter(joined), false);
      }
    }
  } else {
    for (let i = 0; i < plan.lifetimeSize; i++) {
      const founding = i < plan.foundingCount;
      const joined = founding ? F : day(F, J);
      yield row(joined, leaveAfter(joined), founding);
    }
  }
}

/** The registry's demo dataset for a seed and a scale (see the module comment). */
export function generateRegistry(options: GenerateOptions = {}): RegistryDataset {
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const used: UsedNames = { codes: new Set(), coopNames: new Set(), groupNames: new Set() };
  // Old Cà Mau first, exactly as before Bạc Liêu joined the dataset (its figures are calibrated on
  // its streams); then old Bạc Liêu, on streams of its own, sharing the codes and names in use.
  const caMau = new RegistryDataGenerator(seed, scale, CA_MAU_PROFILE, used).generate();
  const bacLieu = new RegistryDataGenerator(seed, scale, BAC_LIEU_PROFILE, used).generate();
  return {
    seed,
    scale,
    cooperatives: [...caMau.cooperatives, ...bacLieu.cooperatives],
    events: [...caMau.events, ...bacLieu.events],
    classifications: [...caMau.classifications, ...bacLieu.classifications],
    groups: [...caMau.groups, ...bacLieu.groups],
    unions: [...caMau.unions, ...bacLieu.unions],
    unionMemberships: [...caMau.unionMemberships, ...bacLieu.unionMemberships],
    memberPlans: [...caMau.memberPlans, ...bacLieu.memberPlans],
    members: function* () {
      yield* caMau.members();
      yield* bacLieu.members();
    },
  };
}
