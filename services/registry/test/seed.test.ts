import "reflect-metadata";
import { createHash } from "node:crypto";
import { expect } from "chai";
import { DataSource } from "typeorm";
import { canBeClassifiedForYear, createDataSource, dropDatabase, foundingMembersProblem, MIN_UNION_MEMBERS, ratingForScore } from "@camau/shared";
import { freshDatabase } from "@camau/shared/testing";
import { CooperativeEventKind, GoverningLaw, LegalStatus, MemberKind, MembershipType } from "../src/domain/enums";
import { canTransition, isTerminal } from "../src/domain/statusTransitions";
import { AdministrativeUnit } from "../src/entities/AdministrativeUnit";
import { AdministrativeUnitSuccession } from "../src/entities/AdministrativeUnitSuccession";
import { Classification } from "../src/entities/Classification";
import { Cooperative } from "../src/entities/Cooperative";
import { CooperativeEvent } from "../src/entities/CooperativeEvent";
import { CooperativeGroup } from "../src/entities/CooperativeGroup";
import { CooperativeUnion } from "../src/entities/CooperativeUnion";
import { Member } from "../src/entities/Member";
import { Sector } from "../src/entities/Sector";
import { UnionMembership } from "../src/entities/UnionMembership";
import { VsicSectorMapping } from "../src/entities/VsicSectorMapping";
import { InitialRegistry1700000000000 } from "../src/migrations/1700000000000-InitialRegistry";
import { Rollup1726000000000 } from "../src/migrations/1726000000000-Rollup";
import { ReportRollups1730000000000 } from "../src/migrations/1730000000000-ReportRollups";
import { Reform2025Units1760000000000 } from "../src/migrations/1760000000000-Reform2025Units";
import { ReferenceData1700000000001 } from "../src/migrations/1700000000001-ReferenceData";
import { ADMINISTRATIVE_UNITS, PRE_2025_DISTRICTS, placeInTerritory, SECTORS, Territory, unitOf } from "@camau/shared";
import { sectorForVsic, VSIC_SECTOR_MAPPING } from "../src/reference/vsicSectorMapping";
import { ARTICLE_FIGURES, DATASET_END, generateRegistry, HISTORY_END, MemberRow, RegistryDataset, REPORT_FROM, REPORT_TO } from "@camau/demo-data";
import { loadRegistry, seedIfEmpty } from "../src/seed";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The report's figures computed in memory with the same definitions as the SQL below, for a territory (old Cà Mau by default, as the report of 2021-H1). */
function figuresInMemory(all: RegistryDataset, members: readonly MemberRow[], from: string, to: string, territory = Territory.OLD_CA_MAU) {
  const inTerritory = (r: { districtCode: string | null; communeCode: string }) => placeInTerritory(territory, r.districtCode, r.communeCode);
  const unions = all.unions.filter(inTerritory);
  const unionIds = new Set(unions.map((u) => u.id));
  const ds = { ...all, cooperatives: all.cooperatives.filter(inTerritory), groups: all.groups.filter(inTerritory), unions, unionMemberships: all.unionMemberships.filter((m) => unionIds.has(m.unionId)) };
  const active = new Set<string>();
  const eventsByCoop = groupBy(ds.events, (e) => e.cooperativeId);
  for (const coop of ds.cooperatives) {
    const statusEvents = (eventsByCoop.get(coop.id) ?? [])
      .filter((e) => e.statusAfter !== null && e.effectiveOn <= to)
      .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    if (statusEvents.at(-1)?.statusAfter === LegalStatus.ACTIVE) active.add(coop.id);
  }
  const operatingGroups = new Set(ds.groups.filter((g) => g.foundedOn <= to && (g.dissolvedOn === null || g.dissolvedOn > to)).map((g) => g.id));
  return {
    cooperativeCount: active.size,
    cooperativeGroupCount: operatingGroups.size,
    memberCount: members.filter(
      (m) => m.joinedOn <= to && (m.leftOn === null || m.leftOn > to) && ((m.cooperativeId !== null && active.has(m.cooperativeId)) || (m.groupId !== null && operatingGroups.has(m.groupId))),
    ).length,
    unionCount: ds.unions.filter((u) => u.foundedOn <= to && u.status === LegalStatus.ACTIVE).length,
    unionMemberCooperativeCount: ds.unionMemberships.filter((m) => m.joinedOn <= to && (m.leftOn === null || m.leftOn > to)).length,
    newCooperativeCount: ds.cooperatives.filter((c) => c.foundedOn >= from && c.foundedOn <= to).length,
    newAllianceMemberCount: ds.cooperatives.filter((c) => c.allianceJoinedOn !== null && c.allianceJoinedOn >= from && c.allianceJoinedOn <= to).length,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(row);
  }
  return map;
}

function digest(ds: RegistryDataset, members: readonly MemberRow[]): string {
  const hash = createHash("sha256");
  for (const part of [ds.cooperatives, ds.events, ds.classifications, ds.groups, ds.unions, ds.unionMemberships, members]) hash.update(JSON.stringify(part));
  return hash.digest("hex");
}

describe("registry demo dataset (in memory)", function () {
  this.timeout(60_000);
  let ds: RegistryDataset;
  let members: MemberRow[];

  before(() => {
    ds = generateRegistry({ scale: 1 });
    members = [...ds.members()];
  });

  it("gives the article's figures for 2021-01-01..2021-06-30", () => {
    expect(figuresInMemory(ds, members, REPORT_FROM, REPORT_TO)).to.deep.equal(ARTICLE_FIGURES);
  });

  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    const again = generateRegistry({ scale: 1 });
    expect(digest(again, [...again.members()])).to.equal(digest(ds, members));
    expect([...ds.members()]).to.have.length(members.length);
    const other = generateRegistry({ scale: 1, seed: 7 });
    expect(digest(other, [...other.members()])).to.not.equal(digest(ds, members));
  });

  it("still gives the exact figures with another seed", () => {
    const other = generateRegistry({ scale: 1, seed: 12345 });
    expect(figuresInMemory(other, [...other.members()], REPORT_FROM, REPORT_TO)).to.deep.equal(ARTICLE_FIGURES);
  });

  it("has unique 10-digit codes and unique v4 UUIDs", () => {
    const codes = [...ds.cooperatives.map((c) => c.code), ...ds.unions.map((u) => u.code)];
    for (const code of codes) expect(code).to.match(/^[0-9]{10}$/);
    expect(new Set(codes).size).to.equal(codes.length);
    const ids = [
      ...ds.cooperatives, ...ds.events, ...ds.classifications, ...ds.groups, ...ds.unions, ...ds.unionMemberships, ...members,
    ].map((r) => r.id);
    for (const id of ids) expect(id).to.match(UUID_V4);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(new Set(ds.cooperatives.map((c) => c.name)).size).to.equal(ds.cooperatives.length);
  });

  it("gives every cooperative its founding official members (5 under LAW_2023, 7 under LAW_2012)", () => {
    const byCoop = groupBy(members, (m) => m.cooperativeId);
    for (const coop of ds.cooperatives) {
      const founders = (byCoop.get(coop.id) ?? []).filter((m) => m.joinedOn === coop.foundedOn).map((m) => m.membershipType);
      expect(foundingMembersProblem(coop.governingLaw as string as GoverningLaw, founders as string[] as MembershipType[]), coop.name).to.equal(null);
      // Founded under the 2012 law: its rule applied at founding, whatever the law now.
      expect(foundingMembersProblem(GoverningLaw.LAW_2012, founders as string[] as MembershipType[]), coop.name).to.equal(null);
      expect(founders.length).to.be.at.least(7);
    }
    const representatives = new Set(members.filter((m) => m.cooperativeId !== null).map((m) => `${m.cooperativeId}|${m.fullName}`));
    for (const coop of ds.cooperatives) expect(representatives.has(`${coop.id}|${coop.legalRepresentative}`), coop.name).to.equal(true);
  });

  it("gives every union enough member cooperatives, active while they are members", () => {
    const coops = new Map(ds.cooperatives.map((c) => [c.id, c]));
    for (const union of ds.unions) {
      const founding = ds.unionMemberships.filter((m) => m.unionId === union.id && m.joinedOn === union.foundedOn);
      expect(founding.length).to.be.at.least(Math.max(3, MIN_UNION_MEMBERS[union.governingLaw]));
    }
    const first = ds.unions[0];
    expect(first.foundedOn).to.equal("2021-03-15");
    expect(first.status).to.equal(LegalStatus.ACTIVE);
    for (const m of ds.unionMemberships) {
      const coop = coops.get(m.cooperativeId)!;
      expect(coop.foundedOn < m.joinedOn).to.equal(true);
      expect(coop.status).to.equal(LegalStatus.ACTIVE);
      expect(ds.events.some((e) => e.cooperativeId === coop.id && e.kind === CooperativeEventKind.JOINED_UNION && e.effectiveOn === m.joinedOn)).to.equal(true);
    }
    expect(new Set(ds.unionMemberships.map((m) => m.cooperativeId)).size).to.equal(ds.unionMemberships.length);
  });

  it("keeps every membership within its organisation's life", () => {
    const eventsByCoop = groupBy(ds.events, (e) => e.cooperativeId);
    const life = new Map<string, { founded: string; stop: string | null; end: string | null }>();
    for (const c of ds.cooperatives) {
      const statusEvents = (eventsByCoop.get(c.id) ?? []).filter((e) => e.statusAfter !== null);
      const stop = statusEvents.find((e) => e.statusAfter === LegalStatus.IN_DISSOLUTION || isTerminal(e.statusAfter as string as LegalStatus));
      const end = statusEvents.find((e) => isTerminal(e.statusAfter as string as LegalStatus));
      life.set(c.id, { founded: c.foundedOn, stop: stop?.effectiveOn ?? null, end: end?.effectiveOn ?? null });
    }
    for (const g of ds.groups) life.set(g.id, { founded: g.foundedOn, stop: g.dissolvedOn, end: g.dissolvedOn });
    for (const m of members) {
      const org = life.get((m.cooperativeId ?? m.groupId)!)!;
      expect(org, m.id).to.not.equal(undefined);
      expect(m.joinedOn >= org.founded, `${m.id} joined before founding`).to.equal(true);
      expect(m.joinedOn <= HISTORY_END).to.equal(true);
      if (org.stop !== null) expect(m.joinedOn < org.stop, `${m.id} joined after proceedings began`).to.equal(true);
      if (m.leftOn !== null) expect(m.leftOn >= m.joinedOn && m.leftOn <= HISTORY_END, m.id).to.equal(true);
      if (org.end !== null) expect(m.leftOn !== null && m.leftOn <= org.end, `${m.id} outlives its organisation`).to.equal(true);
      expect((m.cooperativeId === null) !== (m.groupId === null)).to.equal(true);
    }
  });

  it("sizes cooperatives 7–150 and groups 2–15 members on the report date", () => {
    const to = REPORT_TO;
    const inForce = members.filter((m) => m.joinedOn <= to && (m.leftOn === null || m.leftOn > to));
    const coopSizes = groupBy(inForce, (m) => m.cooperativeId);
    const groupSizes = groupBy(inForce, (m) => m.groupId);
    for (const [, list] of coopSizes) expect(list.length).to.be.within(7, 150);
    for (const [, list] of groupSizes) expect(list.length).to.be.within(2, 15);
    const groupsAtT = ds.groups.filter((g) => g.foundedOn <= to && (g.dissolvedOn === null || g.dissolvedOn > to));
    for (const g of groupsAtT) expect(groupSizes.get(g.id)?.length ?? 0, g.name).to.be.within(2, 15);
  });

  it("keeps status histories legal and consistent with the current status", () => {
    const eventsByCoop = groupBy(ds.events, (e) => e.cooperativeId);
    for (const coop of ds.cooperatives) {
      const events = eventsByCoop.get(coop.id) ?? [];
      const founded = events.filter((e) => e.kind === CooperativeEventKind.FOUNDED);
      expect(founded, coop.name).to.have.length(1);
      expect(founded[0]).to.include({ effectiveOn: coop.foundedOn, statusAfter: LegalStatus.ACTIVE, actorSubject: "seed", actorRole: "ADMIN" });
      const statusEvents = events
        .filter((e) => e.statusAfter !== null)
        .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
      expect(statusEvents[0].kind).to.equal(CooperativeEventKind.FOUNDED);
      for (let i = 1; i < statusEvents.length; i++) {
        expect(statusEvents[i].kind).to.equal(CooperativeEventKind.STATUS_CHANGED);
        expect(canTransition(statusEvents[i - 1].statusAfter as string as LegalStatus, statusEvents[i].statusAfter as string as LegalStatus), coop.name).to.equal(true);
      }
      const last = statusEvents.at(-1)!;
      expect(coop.status).to.equal(last.statusAfter);
      expect(coop.statusSince).to.equal(last.effectiveOn);
      for (const e of events) expect(e.effectiveOn >= coop.foundedOn && e.effectiveOn <= HISTORY_END).to.equal(true);
    }
    const foundedYears = ds.cooperatives.map((c) => Number(c.foundedOn.slice(0, 4)));
    expect(Math.min(...foundedYears)).to.be.at.most(1998);
    expect(Math.max(...foundedYears)).to.equal(2026);
    expect(ds.cooperatives.filter((c) => c.foundedOn > REPORT_TO).length).to.be.greaterThan(50);
  });

  it("rates classifications by the scheme, only after 12 months of operation", () => {
    const coops = new Map(ds.cooperatives.map((c) => [c.id, c]));
    const classified = new Set(ds.events.filter((e) => e.kind === CooperativeEventKind.CLASSIFIED).map((e) => `${e.cooperativeId}|${e.effectiveOn}`));
    for (const c of ds.classifications) {
      expect(c.rating).to.equal(ratingForScore(c.score));
      expect(c.scheme).to.equal("TT01-2020");
      expect(c.year).to.be.at.least(2017);
      expect(canBeClassifiedForYear(coops.get(c.cooperativeId)!.foundedOn, c.year)).to.equal(true);
      expect(c.classifiedOn >= `${c.year + 1}-01-01` && c.classifiedOn <= `${c.year + 1}-03-31`).to.equal(true);
      expect(classified.has(`${c.cooperativeId}|${c.classifiedOn}`)).to.equal(true);
    }
    expect(new Set(ds.classifications.map((c) => `${c.cooperativeId}|${c.year}`)).size).to.equal(ds.classifications.length);
  });

  it("matches sectors to business lines, addresses up to 2025-06-30 to the pre-2025 trees and later ones to the new communes", () => {
    /** The district of a commune in the code system of the address; null for a new commune (no district level). */
    const districtOf = (codeSystem: string, communeCode: string) => {
      const unit = unitOf(codeSystem, communeCode);
      return unit?.level === "COMMUNE" ? (codeSystem === "PRE_2025" ? unit.parentCode : null) : undefined;
    };
    const groupSystem = (g: { districtCode: string | null }) => (g.districtCode ? "PRE_2025" : "POST_2025");
    for (const coop of ds.cooperatives) {
      expect(sectorForVsic(coop.businessLines[0]), coop.name).to.equal(coop.sectorCode);
      for (const line of coop.businessLines) expect(line).to.match(/^[0-9]{4}$/);
      expect(districtOf(coop.addressCodeSystem, coop.communeCode), coop.name).to.equal(coop.districtCode);
      expect(coop.addressCodeSystem === "POST_2025", coop.name).to.equal(coop.foundedOn > DATASET_END);
      expect(coop.charterCapital).to.be.within(50_000_000, 10_000_000_000);
      expect(coop.charterCapital % 1_000_000).to.equal(0);
    }
    for (const g of ds.groups) {
      expect(districtOf(groupSystem(g), g.communeCode), g.name).to.equal(g.districtCode);
      expect(groupSystem(g) === "POST_2025", g.name).to.equal(g.foundedOn > DATASET_END);
    }
    // Both old provinces, and the new communes of both after the reform.
    for (const territory of [Territory.OLD_CA_MAU, Territory.OLD_BAC_LIEU]) {
      const own = ds.cooperatives.filter((c) => placeInTerritory(territory, c.districtCode, c.communeCode));
      expect(own.filter((c) => c.addressCodeSystem === "PRE_2025").length, territory).to.be.greaterThan(200);
      expect(own.filter((c) => c.addressCodeSystem === "POST_2025").length, territory).to.be.greaterThan(10);
    }
    const bySector = groupBy(ds.cooperatives, (c) => c.sectorCode);
    const count = (s: string) => bySector.get(s)?.length ?? 0;
    expect(count("AGRICULTURE")).to.be.greaterThan(count("FISHERIES"));
    expect(count("FISHERIES")).to.be.greaterThan(count("TRADE_SERVICES"));
    for (const s of SECTORS) expect(count(s.code), s.code).to.be.greaterThan(0);
    const share = (pred: (c: RegistryDataset["cooperatives"][number]) => boolean) => ds.cooperatives.filter(pred).length / ds.cooperatives.length;
    expect(share((c) => c.isNewModel)).to.be.within(0.15, 0.35);
    expect(share((c) => c.allianceJoinedOn !== null)).to.be.within(0.5, 0.7);
    const current = ds.cooperatives.filter((c) => !isTerminal(c.status as string as LegalStatus));
    expect(current.filter((c) => c.governingLaw === GoverningLaw.LAW_2012).length / current.length).to.be.within(0.2, 0.4);
  });

  it("records Alliance admissions as events while the cooperative operates", () => {
    const alliance = new Set(ds.events.filter((e) => e.kind === CooperativeEventKind.JOINED_ALLIANCE).map((e) => `${e.cooperativeId}|${e.effectiveOn}`));
    const members = ds.cooperatives.filter((c) => c.allianceJoinedOn !== null);
    expect(alliance.size).to.equal(members.length);
    for (const c of members) {
      expect(c.allianceJoinedOn! >= c.foundedOn).to.equal(true);
      expect(alliance.has(`${c.id}|${c.allianceJoinedOn}`)).to.equal(true);
    }
  });

  it("gives members plausible, obviously fictitious personal data", () => {
    const ids = new Set<string>();
    for (const m of members) {
      if (m.kind === MemberKind.ORGANISATION) {
        expect(m.nationalId).to.equal(null);
        expect(m.dateOfBirth).to.equal(null);
      } else {
        // Cà Mau (096) and Bạc Liêu (095) style.
        expect(m.nationalId).to.match(/^09[56][0-9]{9}$/);
        expect(ids.has(m.nationalId!)).to.equal(false);
        ids.add(m.nationalId!);
        expect(m.dateOfBirth! >= "1950-01-01" && m.dateOfBirth! <= "2003-12-31").to.equal(true);
        const eighteenth = `${Number(m.dateOfBirth!.slice(0, 4)) + 18}${m.dateOfBirth!.slice(4)}`;
        expect(eighteenth <= m.joinedOn, `${m.fullName} under 18 when joining`).to.equal(true);
      }
      if (m.phone !== null) expect(m.phone).to.match(/^0900[0-9]{6}$/);
      if (m.membershipType === MembershipType.ASSOCIATE_WITHOUT_CAPITAL) expect(m.capitalContributed).to.equal(0);
      else expect(m.capitalContributed).to.be.greaterThan(0);
      expect(m.capitalContributed % 1_000_000).to.equal(0);
    }
    const official = members.filter((m) => m.membershipType === MembershipType.OFFICIAL).length;
    expect(official / members.length).to.be.greaterThan(0.9);
    const individuals = members.filter((m) => m.kind === MemberKind.INDIVIDUAL).length;
    expect(individuals / members.length).to.be.greaterThan(0.7);
  });

  it("scales organisations and members, with the figures scaled", () => {
    const big = generateRegistry({ scale: 3 });
    const figures = figuresInMemory(big, [...big.members()], REPORT_FROM, REPORT_TO);
    expect(figures).to.include({ cooperativeCount: 825, cooperativeGroupCount: 2883, memberCount: 42570, newCooperativeCount: 48, newAllianceMemberCount: 21 });
    expect(big.cooperatives.length).to.be.greaterThan(3 * 900);
    // Old Bạc Liêu scales too.
    const bacLieu = figuresInMemory(big, [...big.members()], REPORT_FROM, REPORT_TO, Territory.OLD_BAC_LIEU);
    expect(bacLieu.cooperativeCount).to.equal(Math.round(ARTICLE_FIGURES.cooperativeCount * (3 * 0.7)));
  });
});

describe("registry demo dataset (in PostgreSQL)", function () {
  this.timeout(180_000);
  let url: string;
  let ds: DataSource;
  const lines: string[] = [];

  before(async () => {
    url = await freshDatabase("registry_seed");
    ds = createDataSource({
      name: "registry-seed-test",
      url,
      entities: [AdministrativeUnit, AdministrativeUnitSuccession, Classification, Cooperative, CooperativeEvent, CooperativeGroup, CooperativeUnion, Member, Sector, UnionMembership, VsicSectorMapping],
      migrations: [InitialRegistry1700000000000, ReferenceData1700000000001, Rollup1726000000000, ReportRollups1730000000000, Reform2025Units1760000000000],
    }).dataSource;
    await ds.initialize();
    await ds.runMigrations();
    await seedIfEmpty(ds, (line) => lines.push(line));
  });

  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (url) await dropDatabase(url);
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await ds.query(sql, params))[0].count);
  /** Old Cà Mau's districts: the report of 2021-H1 covers that province. */
  const caMau = PRE_2025_DISTRICTS.map((d) => d.code);

  /** Cooperatives ACTIVE at $1: the latest status event on or before it. */
  const ACTIVE_AT = `
    SELECT c.id FROM cooperative c
    WHERE (SELECT e.status_after FROM cooperative_event e
           WHERE e.cooperative_id = c.id AND e.status_after IS NOT NULL AND e.effective_on <= $1
           ORDER BY e.effective_on DESC, e.recorded_at DESC LIMIT 1) = 'ACTIVE'`;
  const GROUPS_AT = `SELECT g.id FROM cooperative_group g WHERE g.founded_on <= $1 AND (g.dissolved_on IS NULL OR g.dissolved_on > $1)`;

  it("loads the reference data through the migration", async () => {
    expect(await count(`SELECT count(*) FROM sector`)).to.equal(11);
    expect(await count(`SELECT count(*) FROM vsic_sector_mapping`)).to.equal(VSIC_SECTOR_MAPPING.length);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'PRE_2025' AND level = 'DISTRICT' AND parent_code = '96'`)).to.equal(9);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'PRE_2025' AND level = 'COMMUNE' AND parent_code IN (SELECT code FROM administrative_unit WHERE parent_code = '96')`)).to.equal(101);
    expect(await count(`SELECT count(*) FROM administrative_unit`)).to.equal(ADMINISTRATIVE_UNITS.length);
    const [u] = await ds.query(`SELECT name, valid_to::text AS valid_to FROM administrative_unit WHERE code_system = 'PRE_2025' AND code = '966'`);
    expect(u).to.deep.equal({ name: "Huyện U Minh", valid_to: "2025-06-30" });
  });

  it("gives the article's figures for 2021-01-01..2021-06-30 with the report's SQL definitions", async () => {
    const from = REPORT_FROM;
    const to = REPORT_TO;
    const coopsIn = `SELECT id FROM cooperative WHERE district_code = ANY($2)`;
    const figures = {
      cooperativeCount: await count(`SELECT count(*) FROM (${ACTIVE_AT}) a WHERE a.id IN (${coopsIn})`, [to, caMau]),
      cooperativeGroupCount: await count(`SELECT count(*) FROM (${GROUPS_AT}) g WHERE g.id IN (SELECT id FROM cooperative_group WHERE district_code = ANY($2))`, [to, caMau]),
      memberCount: await count(
        `SELECT count(*) FROM member m
         WHERE m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on > $1)
           AND (m.cooperative_id IN (${ACTIVE_AT} AND c.district_code = ANY($2)) OR m.group_id IN (${GROUPS_AT} AND g.district_code = ANY($2)))`,
        [to, caMau],
      ),
      unionCount: await count(`SELECT count(*) FROM cooperative_union WHERE founded_on <= $1 AND status = 'ACTIVE' AND status_since <= $1 AND district_code = ANY($2)`, [to, caMau]),
      unionMemberCooperativeCount: await count(
        `SELECT count(*) FROM union_membership WHERE joined_on <= $1 AND (left_on IS NULL OR left_on > $1) AND union_id IN (SELECT id FROM cooperative_union WHERE district_code = ANY($2))`,
        [to, caMau],
      ),
      newCooperativeCount: await count(`SELECT count(*) FROM cooperative WHERE founded_on BETWEEN $1 AND $2 AND district_code = ANY($3)`, [from, to, caMau]),
      newAllianceMemberCount: await count(`SELECT count(*) FROM cooperative WHERE alliance_joined_on BETWEEN $1 AND $2 AND district_code = ANY($3)`, [from, to, caMau]),
    };
    expect(figures).to.deep.equal(ARTICLE_FIGURES);
    // The union's members and the period's new cooperatives are all active at the period's end.
    expect(await count(`SELECT count(*) FROM union_membership um WHERE um.cooperative_id NOT IN (${ACTIVE_AT})`, [to])).to.equal(0);
    expect(await count(`SELECT count(*) FROM cooperative c WHERE c.founded_on BETWEEN $2 AND $1 AND c.id NOT IN (${ACTIVE_AT})`, [to, from])).to.equal(0);
  });

  it("agrees with the reference data: communes, districts and the VSIC mapping", async () => {
    expect(
      await count(`
        SELECT count(*) FROM cooperative c
        WHERE NOT EXISTS (SELECT 1 FROM administrative_unit u
                          WHERE u.code_system = c.address_code_system AND u.code = c.commune_code AND u.parent_code = coalesce(c.district_code, '96'))`),
    ).to.equal(0);
    expect(
      await count(`
        SELECT count(*) FROM cooperative c
        WHERE c.sector_code <> coalesce((SELECT m.sector_code FROM vsic_sector_mapping m
                                         WHERE c.business_lines[1] LIKE m.vsic_prefix || '%'
                                         ORDER BY length(m.vsic_prefix) DESC LIMIT 1), 'OTHER')`),
    ).to.equal(0);
  });

  it("finds cooperatives by an unaccented search", async () => {
    const rows = await ds.query(`SELECT name FROM cooperative WHERE search_document LIKE '%' || search_key($1) || '%' LIMIT 5`, ["hop tac xa nong nghiep"]);
    expect(rows.length).to.be.greaterThan(0);
    for (const r of rows) expect(r.name.startsWith("Hợp tác xã Nông nghiệp")).to.equal(true);
  });

  it("reports progress and loads nothing when data is present", async () => {
    expect(lines.some((l) => /member: .* rows inserted/.test(l))).to.equal(true);
    const before = await count(`SELECT count(*) FROM member`);
    await seedIfEmpty(ds, (line) => lines.push(line));
    expect(await count(`SELECT count(*) FROM member`)).to.equal(before);
  });

  it("rolls back completely when a load fails", async () => {
    const before = await count(`SELECT count(*) FROM cooperative`);
    // A small dataset whose members fail half-way, after the organisations went in.
    const broken = generateRegistry({ scale: 0.05, seed: 99 });
    const members = broken.members;
    broken.members = function* () {
      let n = 0;
      for (const m of members()) {
        if (++n > 200) throw new Error("interrupted");
        yield m;
      }
    };
    let failed = false;
    try {
      await loadRegistry(ds, broken, () => undefined);
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    expect(await count(`SELECT count(*) FROM cooperative`)).to.equal(before);
  });
});

describe("ReferenceData migration", function () {
  this.timeout(60_000);

  it("reverts and re-applies cleanly", async () => {
    const url = await freshDatabase("registry_refdata");
    const { dataSource } = createDataSource({ name: "registry-refdata-test", url, entities: [], migrations: [InitialRegistry1700000000000, ReferenceData1700000000001] });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      await dataSource.undoLastMigration();
      for (const table of ["sector", "vsic_sector_mapping", "administrative_unit"]) {
        expect(Number((await dataSource.query(`SELECT count(*) FROM ${table}`))[0].count), table).to.equal(0);
      }
      await dataSource.runMigrations();
      expect(Number((await dataSource.query(`SELECT count(*) FROM sector`))[0].count)).to.equal(SECTORS.length);
    } finally {
      await dataSource.destroy();
      await dropDatabase(url);
    }
  });
});
