import { AuditEntry, createDataSource, recordAudit, Role, signToken } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { Client } from "pg";
import { startRegistry, tokens } from "./support";

/**
 * Security at the registry's level: the role matrix of every protected field and mutation, a
 * COOPERATIVE_MANAGER kept to its own cooperative by every path, a bad-input catalogue of every
 * mutation (right code, nothing written), and the audit log.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = { data?: any; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };

const REGISTER = `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperative { id version } } }`;
const UPDATE = `mutation ($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { id version } } }`;
const STATUS = `mutation ($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { cooperative { id status } } }`;
const CLASSIFY = `mutation ($input: RecordClassificationInput!) { recordClassification(input: $input) { classification { id } } }`;
const ADMIT = `mutation ($input: AdmitToAllianceInput!) { admitToAlliance(input: $input) { cooperative { id } } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { member { id nationalId } } }`;
const END_MEMBERSHIP = `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { member { id leftOn } } }`;
const REGISTER_GROUP = `mutation ($input: RegisterCooperativeGroupInput!) { registerCooperativeGroup(input: $input) { cooperativeGroup { id } } }`;
const REGISTER_UNION = `mutation ($input: RegisterCooperativeUnionInput!) { registerCooperativeUnion(input: $input) { cooperativeUnion { id } } }`;
const CHANGE_UNION = `mutation ($input: ChangeUnionMembersInput!) { changeUnionMembers(input: $input) { cooperativeUnion { id } } }`;
const AUDIT = `query ($filter: AuditEntryFilter, $first: Int, $after: String) {
  registryAuditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id occurredAt service actorSubject actorRole operation entityType entityId before after } }
  }
}`;
const MEMBERS = `query ($id: ID!) { cooperative(id: $id) { id members(first: 50) { totalCount edges { node { id fullName nationalId dateOfBirth phone } } } } }`;

const MISSING = "00000000-0000-4000-8000-000000000000";

function person(i: number, prefix = "Thành viên") {
  return {
    kind: "INDIVIDUAL",
    fullName: `${prefix} ${i + 1}`,
    membershipType: "OFFICIAL",
    capitalContributed: 10_000_000,
    nationalId: `0960${String(i).padStart(8, "0")}`,
    dateOfBirth: "1980-05-01",
    phone: "0900000000",
  };
}

const ROLES = ["ANONYMOUS", "OFFICER", "FUND_OFFICER", "FUND_APPROVER", "COOPERATIVE_MANAGER", "ADMIN"] as const;
type RoleName = (typeof ROLES)[number];

describe("registry subgraph: security", function () {
  this.timeout(120_000);
  let registry: SubgraphUnderTest;
  let db: Client;
  let communeCode: string;
  let codeSeq = 3_000_000_000;
  const ids: Record<string, string> = {};
  const memberOf: Record<string, string> = {};

  const nextCode = () => String(++codeSeq);
  const cooperativeInput = (overrides: Record<string, unknown> = {}) => ({
    code: nextCode(),
    name: "Hợp tác xã Nông nghiệp Thử nghiệm",
    foundedOn: "2020-02-15",
    governingLaw: "LAW_2023",
    sectorCode: "AGRICULTURE",
    businessLines: ["0112"],
    address: { street: "Ấp 1", communeCode },
    charterCapital: 1_500_000_000,
    legalRepresentative: "Nguyễn Văn Thử",
    isNewModel: false,
    foundingMembers: Array.from({ length: 5 }, (_, i) => person(i)),
    ...overrides,
  });

  const tokenOf = (role: RoleName): string | undefined => {
    switch (role) {
      case "ANONYMOUS":
        return undefined;
      case "OFFICER":
        return tokens.officer();
      case "FUND_OFFICER":
        return tokens.fundOfficer();
      case "FUND_APPROVER":
        return tokens.fundApprover();
      case "COOPERATIVE_MANAGER":
        return tokens.manager(ids.A);
      case "ADMIN":
        return tokens.admin();
    }
  };

  async function ok(query: string, variables: Record<string, unknown>, token = tokens.officer()): Promise<Record<string, any>> {
    const result = await registry.query(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  /** Every table's row count, and sums that move when rows are updated. */
  async function snapshot(): Promise<Record<string, number>> {
    const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM cooperative) AS cooperatives, (SELECT coalesce(sum(version), 0) FROM cooperative) AS cooperative_versions,
      (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM member WHERE left_on IS NOT NULL) AS ended_members,
      (SELECT count(*) FROM cooperative_event) AS events, (SELECT count(*) FROM classification) AS classifications,
      (SELECT count(*) FROM cooperative_group) AS groups, (SELECT count(*) FROM cooperative_union) AS unions,
      (SELECT count(*) FROM union_membership) AS union_memberships, (SELECT count(*) FROM union_membership WHERE left_on IS NOT NULL) AS ended_union_memberships,
      (SELECT count(*) FROM audit_entry) AS audit_entries`);
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  const register = async (overrides: Record<string, unknown> = {}) => (await ok(REGISTER, { input: cooperativeInput(overrides) })).registerCooperative.cooperative as { id: string; version: number };

  before(async () => {
    registry = await startRegistry();
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
    const units = await registry.query(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`);
    communeCode = units.data!.administrativeUnits.find((u: { parentCode: string }) => u.parentCode === "968").code;
    for (const name of ["A", "B", "C", "D"]) ids[name] = (await register({ name: `Hợp tác xã Thử nghiệm ${name}` })).id;
    const union = await ok(REGISTER_UNION, {
      input: {
        code: nextCode(),
        name: "Liên hiệp HTX Thử nghiệm",
        foundedOn: "2021-01-10",
        governingLaw: "LAW_2023",
        address: { communeCode },
        charterCapital: 3_000_000_000,
        legalRepresentative: "Trần Thị Liên",
        memberCooperativeIds: [ids.A, ids.B, ids.C],
      },
    });
    ids.U = union.registerCooperativeUnion.cooperativeUnion.id;
    const group = await ok(REGISTER_GROUP, {
      input: { name: "Tổ hợp tác Thử nghiệm", communeCode, sectorCode: "AGRICULTURE", foundedOn: "2020-03-01", members: [person(0, "Tổ viên"), person(1, "Tổ viên")] },
    });
    ids.G = group.registerCooperativeGroup.cooperativeGroup.id;
    for (const name of ["A", "B"]) {
      const members = await ok(MEMBERS, { id: ids[name] });
      memberOf[name] = members.cooperative.members.edges[0].node.id;
    }
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  describe("role matrix: protected fields", () => {
    // Who may list members: officers, fund staff, and the cooperative's own manager.
    const LIST_MEMBERS: RoleName[] = ["OFFICER", "FUND_OFFICER", "FUND_APPROVER", "ADMIN"];
    const PERSONAL: RoleName[] = ["OFFICER", "ADMIN"];

    for (const role of ROLES) {
      it(`${role}: Cooperative.members and personal data of its members`, async () => {
        const own: Result = await registry.query(MEMBERS, { id: ids.A }, tokenOf(role));
        const other: Result = await registry.query(MEMBERS, { id: ids.B }, tokenOf(role));
        const mayListAny = LIST_MEMBERS.includes(role);
        const manager = role === "COOPERATIVE_MANAGER";
        for (const [result, mayList, mayReadPersonal] of [
          [own, mayListAny || manager, PERSONAL.includes(role) || manager],
          [other, mayListAny, PERSONAL.includes(role)],
        ] as [Result, boolean, boolean][]) {
          if (!mayList) {
            expect(result.data!.cooperative.members).to.equal(null);
            expect(result.errors![0].extensions!.code).to.equal(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
            continue;
          }
          expect(result.errors).to.equal(undefined);
          const node = result.data!.cooperative.members.edges[0].node;
          expect(node.fullName).to.be.a("string");
          if (mayReadPersonal) {
            expect(node.nationalId).to.match(/^0960\d{8}$/);
            expect(node).to.include({ dateOfBirth: "1980-05-01", phone: "0900000000" });
          }
          else expect(node).to.include({ nationalId: null, dateOfBirth: null, phone: null });
        }
      });

      it(`${role}: CooperativeGroup.members`, async () => {
        const result = await registry.query(`query ($id: ID!) { cooperativeGroup(id: $id) { members { totalCount edges { node { fullName nationalId } } } } }`, { id: ids.G }, tokenOf(role));
        if (LIST_MEMBERS.includes(role)) {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.cooperativeGroup.members.totalCount).to.equal(2);
          const nationalId = result.data!.cooperativeGroup.members.edges[0].node.nationalId;
          if (PERSONAL.includes(role)) expect(nationalId).to.match(/^0960\d{8}$/);
          else expect(nationalId).to.equal(null);
        } else {
          expect(result.data!.cooperativeGroup.members).to.equal(null);
          expect(result.errors![0].extensions!.code).to.equal(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
      });

      it(`${role}: registryAuditLog`, async () => {
        const result = await registry.query(AUDIT, { first: 1 }, tokenOf(role));
        if (role === "ADMIN") {
          expect(result.errors).to.equal(undefined);
          expect(result.data!.registryAuditLog.totalCount).to.be.greaterThan(0);
        } else {
          expect(result.data).to.equal(null);
          expect(result.errors![0].extensions!.code).to.equal(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
      });
    }
  });

  describe("role matrix: mutations", () => {
    // Each call is harmless for a role that passes authorisation: it names a record that does not
    // exist (NOT_FOUND) or an unknown sector (BAD_USER_INPUT). A refused role gets its code and
    // nothing is written.
    const WRITERS: RoleName[] = ["OFFICER", "ADMIN"];
    const cases: [string, string, () => Record<string, unknown>, RoleName[]][] = [
      ["registerCooperative", REGISTER, () => ({ input: cooperativeInput({ sectorCode: "NO_SUCH_SECTOR" }) }), WRITERS],
      ["updateCooperative", UPDATE, () => ({ input: { id: MISSING, version: 1, name: "Tên mới" } }), WRITERS],
      ["changeCooperativeStatus", STATUS, () => ({ input: { id: MISSING, status: "SUSPENDED", effectiveOn: "2022-01-01" } }), WRITERS],
      ["recordClassification", CLASSIFY, () => ({ input: { cooperativeId: MISSING, year: 2021, score: 80, classifiedOn: "2022-01-15" } }), WRITERS],
      ["admitToAlliance", ADMIT, () => ({ input: { cooperativeId: MISSING, joinedOn: "2022-01-01" } }), WRITERS],
      ["registerCooperativeGroup", REGISTER_GROUP, () => ({ input: { name: "Tổ hợp tác mới", communeCode, sectorCode: "NO_SUCH_SECTOR", foundedOn: "2020-03-01", members: [person(0), person(1)] } }), WRITERS],
      [
        "registerCooperativeUnion",
        REGISTER_UNION,
        () => ({ input: { code: nextCode(), name: "Liên hiệp mới", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1, legalRepresentative: "Trần Văn A", memberCooperativeIds: [MISSING, MISSING.replace(/0$/, "1"), MISSING.replace(/0$/, "2")] } }),
        WRITERS,
      ],
      ["changeUnionMembers", CHANGE_UNION, () => ({ input: { unionId: MISSING, add: [ids.D], remove: [], effectiveOn: "2022-01-01" } }), WRITERS],
      ["addMember to another cooperative", ADD_MEMBER, () => ({ input: { cooperativeId: MISSING, member: person(50) } }), WRITERS],
      ["addMember to a group", ADD_MEMBER, () => ({ input: { groupId: MISSING, member: person(51) } }), WRITERS],
      ["endMembership of another cooperative's member", END_MEMBERSHIP, () => ({ input: { memberId: memberOf.B, leftOn: "2019-01-01" } }), WRITERS],
    ];
    for (const [name, query, variables, allowed] of cases) {
      for (const role of ROLES) {
        const expected = allowed.includes(role) ? "allowed" : role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN";
        it(`${name} as ${role}: ${expected}`, async () => {
          const before = await snapshot();
          const result = await registry.query(query, variables(), tokenOf(role));
          const code = result.errors?.[0].extensions?.code;
          if (expected === "allowed") expect(["NOT_FOUND", "BAD_USER_INPUT", undefined], JSON.stringify(result.errors)).to.include(code);
          else expect(code, JSON.stringify(result.errors)).to.equal(expected);
          expect(await snapshot()).to.deep.equal(before);
        });
      }
    }

    it("a COOPERATIVE_MANAGER adds and ends memberships of its own cooperative only", async () => {
      const manager = tokens.manager(ids.A);
      const added = await registry.query(ADD_MEMBER, { input: { cooperativeId: ids.A, member: { ...person(60), joinedOn: "2021-05-01" } } }, manager);
      expect(added.errors).to.equal(undefined);
      expect(added.data!.addMember.member.nationalId).to.equal("096000000060");
      const ended = await registry.query(END_MEMBERSHIP, { input: { memberId: added.data!.addMember.member.id, leftOn: "2021-06-01" } }, manager);
      expect(ended.errors).to.equal(undefined);
      const before = await snapshot();
      const intruding = await registry.query(ADD_MEMBER, { input: { cooperativeId: ids.B, member: person(61) } }, manager);
      expect(intruding.errors![0].extensions!.code).to.equal("FORBIDDEN");
      const ending = await registry.query(END_MEMBERSHIP, { input: { memberId: memberOf.B, leftOn: "2021-06-01" } }, manager);
      expect(ending.errors![0].extensions!.code).to.equal("FORBIDDEN");
      expect(await snapshot()).to.deep.equal(before);
    });
  });

  describe("a COOPERATIVE_MANAGER cannot reach another cooperative's members by any path", () => {
    const manager = () => tokens.manager(ids.A);
    const MEMBER_FIELDS = "members { edges { node { fullName nationalId dateOfBirth phone } } }";

    it("not through an entity reference (_entities, as the gateway would ask)", async () => {
      const result = await registry.query(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id ${MEMBER_FIELDS} } } }`,
        { reps: [{ __typename: "Cooperative", id: ids.A }, { __typename: "Cooperative", id: ids.B }, { __typename: "Cooperative", id: ids.C.toUpperCase() }] },
        manager(),
      );
      expect(result.data!._entities[0].members.edges).to.have.length(5);
      expect(result.data!._entities[1].members).to.equal(null);
      expect(result.data!._entities[2].members).to.equal(null);
      expect(result.errors!.map((e) => e.extensions!.code)).to.deep.equal(["FORBIDDEN", "FORBIDDEN"]);
    });

    it("not through a Member reference (members are no entity)", async () => {
      const result = await registry.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { __typename } }`, { reps: [{ __typename: "Member", id: memberOf.B }] }, manager());
      expect(JSON.stringify(result.data ?? null)).not.to.contain("Thành viên");
      expect(result.errors).to.have.length.greaterThan(0);
    });

    it("not through aliases", async () => {
      const result = await registry.query(`query ($a: ID!, $b: ID!) { mine: cooperative(id: $a) { ${MEMBER_FIELDS} } theirs: cooperative(id: $b) { ${MEMBER_FIELDS} } again: cooperative(id: $b) { m: members(first: 1) { totalCount } } }`, { a: ids.A, b: ids.B }, manager());
      expect(result.data!.mine.members.edges).to.have.length(5);
      expect(result.data!.theirs.members).to.equal(null);
      expect(result.data!.again.m).to.equal(null);
      expect(result.errors!.every((e) => e.extensions!.code === "FORBIDDEN")).to.equal(true);
    });

    it("not through nested fields: union → memberships → cooperative → members, or the list", async () => {
      const nested = await registry.query(`query ($u: ID!) { cooperativeUnion(id: $u) { memberships { cooperative { id ${MEMBER_FIELDS} } } } }`, { u: ids.U }, manager());
      const seen = nested.data!.cooperativeUnion.memberships.filter((m: any) => m.cooperative.members !== null).map((m: any) => m.cooperative.id);
      expect(seen).to.deep.equal([ids.A]);
      const viaUnion = await registry.query(`query ($a: ID!) { cooperative(id: $a) { unionMembership { union { memberships { cooperative { id ${MEMBER_FIELDS} } } } } } }`, { a: ids.A }, manager());
      const reached = viaUnion.data!.cooperative.unionMembership.union.memberships.filter((m: any) => m.cooperative.members !== null).map((m: any) => m.cooperative.id);
      expect(reached).to.deep.equal([ids.A]);
      const list = await registry.query(`{ cooperatives(first: 50) { edges { node { id ${MEMBER_FIELDS} } } } }`, {}, manager());
      const listed = list.data!.cooperatives.edges.filter((e: any) => e.node.members !== null).map((e: any) => e.node.id);
      expect(listed).to.deep.equal([ids.A]);
      const names = JSON.stringify([nested.data, viaUnion.data, list.data]);
      expect(names).not.to.contain("096000000000\",\"dateOfBirth\":\"1980-05-01\",\"phone\":\"0900000000\"}},{\"node\":{\"fullName\":\"Tổ viên");
    });

    it("not by a token naming another cooperative than the one it manages", async () => {
      const forged = signToken({ sub: "manager-of-a", role: Role.COOPERATIVE_MANAGER, cooperativeId: ids.B }, { secret: "another-secret-of-at-least-32-characters!" });
      const result = await registry.query(MEMBERS, { id: ids.B }, forged);
      expect(result.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
      expect(result.data ?? null).to.equal(null);
    });
  });

  describe("bad-input catalogue: every mutation, the right code, nothing written", () => {
    let dissolved: string;
    before(async () => {
      dissolved = (await register({ name: "HTX Đã giải thể" })).id;
      await ok(STATUS, { input: { id: dissolved, status: "IN_DISSOLUTION", effectiveOn: "2021-01-10" } });
      await ok(STATUS, { input: { id: dissolved, status: "DISSOLVED", effectiveOn: "2021-03-01" } });
      await ok(CLASSIFY, { input: { cooperativeId: ids.D, year: 2021, score: 80, classifiedOn: "2022-01-15" } });
      await ok(ADMIT, { input: { cooperativeId: ids.D, joinedOn: "2021-05-01" } });
    });

    const version = async (id: string) => Number((await db.query(`SELECT version FROM cooperative WHERE id = $1`, [id])).rows[0].version);
    const existingCode = async () => String((await db.query(`SELECT code FROM cooperative LIMIT 1`)).rows[0].code);

    const catalogue: [string, string, () => Promise<Record<string, unknown>> | Record<string, unknown>, string][] = [
      // registerCooperative
      ["registerCooperative: a wrong type (capital as text)", REGISTER, () => ({ input: cooperativeInput({ charterCapital: "nhiều tiền" }) }), "BAD_USER_INPUT"],
      ["registerCooperative: negative money", REGISTER, () => ({ input: cooperativeInput({ charterCapital: -1 }) }), "BAD_USER_INPUT"],
      ["registerCooperative: money beyond 10^15", REGISTER, () => ({ input: cooperativeInput({ charterCapital: 2 ** 53 + 2 }) }), "BAD_USER_INPUT"],
      ["registerCooperative: a date that does not exist", REGISTER, () => ({ input: cooperativeInput({ foundedOn: "2021-02-30" }) }), "BAD_USER_INPUT"],
      ["registerCooperative: a date before 1900", REGISTER, () => ({ input: cooperativeInput({ foundedOn: "1850-01-01" }) }), "BAD_USER_INPUT"],
      ["registerCooperative: a date in the future", REGISTER, () => ({ input: cooperativeInput({ foundedOn: "2999-01-01" }) }), "BAD_USER_INPUT"],
      ["registerCooperative: an over-long name", REGISTER, () => ({ input: cooperativeInput({ name: "x".repeat(256) }) }), "BAD_USER_INPUT"],
      ["registerCooperative: an over-long street", REGISTER, () => ({ input: cooperativeInput({ address: { communeCode, street: "x".repeat(256) } }) }), "BAD_USER_INPUT"],
      ["registerCooperative: too many founding members", REGISTER, () => ({ input: cooperativeInput({ foundingMembers: Array.from({ length: 1001 }, (_, i) => person(i)) }) }), "BAD_USER_INPUT"],
      ["registerCooperative: a member under 18", REGISTER, () => ({ input: cooperativeInput({ foundingMembers: [...Array.from({ length: 4 }, (_, i) => person(i)), { ...person(4), dateOfBirth: "2010-01-01" }] }) }), "BAD_USER_INPUT"],
      ["registerCooperative: a duplicate code", REGISTER, async () => ({ input: cooperativeInput({ code: await existingCode() }) }), "CONFLICT"],
      // updateCooperative
      ["updateCooperative: a malformed id", UPDATE, () => ({ input: { id: "not-a-uuid", version: 1, name: "Tên mới" } }), "BAD_USER_INPUT"],
      ["updateCooperative: an unknown id", UPDATE, () => ({ input: { id: MISSING, version: 1, name: "Tên mới" } }), "NOT_FOUND"],
      ["updateCooperative: a stale version", UPDATE, async () => ({ input: { id: ids.D, version: (await version(ids.D)) - 1, name: "Tên mới" } }), "CONFLICT"],
      ["updateCooperative: a version of the wrong type", UPDATE, () => ({ input: { id: ids.D, version: "mới nhất", name: "Tên mới" } }), "BAD_USER_INPUT"],
      ["updateCooperative: negative money", UPDATE, async () => ({ input: { id: ids.D, version: await version(ids.D), charterCapital: -100 } }), "BAD_USER_INPUT"],
      ["updateCooperative: an over-long legal representative", UPDATE, async () => ({ input: { id: ids.D, version: await version(ids.D), legalRepresentative: "x".repeat(256) } }), "BAD_USER_INPUT"],
      ["updateCooperative: a future effective date", UPDATE, async () => ({ input: { id: ids.D, version: await version(ids.D), name: "Tên mới", effectiveOn: "2999-01-01" } }), "BAD_USER_INPUT"],
      ["updateCooperative: a dissolved cooperative", UPDATE, async () => ({ input: { id: dissolved, version: await version(dissolved), name: "Tên mới" } }), "CONFLICT"],
      // changeCooperativeStatus
      ["changeCooperativeStatus: a forbidden transition (DISSOLVED → ACTIVE)", STATUS, () => ({ input: { id: dissolved, status: "ACTIVE", effectiveOn: "2022-01-01" } }), "CONFLICT"],
      ["changeCooperativeStatus: an unknown status", STATUS, () => ({ input: { id: ids.D, status: "ASLEEP", effectiveOn: "2022-01-01" } }), "BAD_USER_INPUT"],
      ["changeCooperativeStatus: a date before the current status", STATUS, () => ({ input: { id: ids.D, status: "SUSPENDED", effectiveOn: "2019-01-01" } }), "BAD_USER_INPUT"],
      ["changeCooperativeStatus: an over-long reason", STATUS, () => ({ input: { id: ids.D, status: "SUSPENDED", effectiveOn: "2022-01-01", reason: "x".repeat(501) } }), "BAD_USER_INPUT"],
      ["changeCooperativeStatus: an unknown id", STATUS, () => ({ input: { id: MISSING, status: "SUSPENDED", effectiveOn: "2022-01-01" } }), "NOT_FOUND"],
      // recordClassification
      ["recordClassification: a score over 100", CLASSIFY, () => ({ input: { cooperativeId: ids.D, year: 2022, score: 101, classifiedOn: "2023-01-15" } }), "BAD_USER_INPUT"],
      ["recordClassification: a year out of range", CLASSIFY, () => ({ input: { cooperativeId: ids.D, year: 1999, score: 80, classifiedOn: "2023-01-15" } }), "BAD_USER_INPUT"],
      ["recordClassification: approved before the year ends", CLASSIFY, () => ({ input: { cooperativeId: ids.D, year: 2022, score: 80, classifiedOn: "2022-06-01" } }), "BAD_USER_INPUT"],
      ["recordClassification: a duplicate year", CLASSIFY, () => ({ input: { cooperativeId: ids.D, year: 2021, score: 70, classifiedOn: "2022-02-15" } }), "CONFLICT"],
      ["recordClassification: a malformed id", CLASSIFY, () => ({ input: { cooperativeId: "HTX-1", year: 2022, score: 80, classifiedOn: "2023-01-15" } }), "BAD_USER_INPUT"],
      // admitToAlliance
      ["admitToAlliance: twice", ADMIT, () => ({ input: { cooperativeId: ids.D, joinedOn: "2022-01-01" } }), "CONFLICT"],
      ["admitToAlliance: a dissolved cooperative", ADMIT, () => ({ input: { cooperativeId: dissolved, joinedOn: "2022-01-01" } }), "CONFLICT"],
      ["admitToAlliance: before its founding", ADMIT, () => ({ input: { cooperativeId: ids.C, joinedOn: "2019-01-01" } }), "BAD_USER_INPUT"],
      ["admitToAlliance: an unknown id", ADMIT, () => ({ input: { cooperativeId: MISSING, joinedOn: "2022-01-01" } }), "NOT_FOUND"],
      // addMember
      ["addMember: both a cooperative and a group", ADD_MEMBER, () => ({ input: { cooperativeId: ids.A, groupId: ids.G, member: person(70) } }), "BAD_USER_INPUT"],
      ["addMember: a malformed national id", ADD_MEMBER, () => ({ input: { cooperativeId: ids.A, member: { ...person(71), nationalId: "12ab" } } }), "BAD_USER_INPUT"],
      ["addMember: a malformed phone", ADD_MEMBER, () => ({ input: { cooperativeId: ids.A, member: { ...person(72), phone: "call me" } } }), "BAD_USER_INPUT"],
      ["addMember: negative capital", ADD_MEMBER, () => ({ input: { cooperativeId: ids.A, member: { ...person(73), capitalContributed: -1 } } }), "BAD_USER_INPUT"],
      ["addMember: an over-long name", ADD_MEMBER, () => ({ input: { cooperativeId: ids.A, member: { ...person(74), fullName: "x".repeat(256) } } }), "BAD_USER_INPUT"],
      ["addMember: to a dissolved cooperative", ADD_MEMBER, () => ({ input: { cooperativeId: dissolved, member: person(75) } }), "CONFLICT"],
      ["addMember: an unknown group", ADD_MEMBER, () => ({ input: { groupId: MISSING, member: person(76) } }), "NOT_FOUND"],
      // endMembership
      ["endMembership: an unknown member", END_MEMBERSHIP, () => ({ input: { memberId: MISSING, leftOn: "2022-01-01" } }), "NOT_FOUND"],
      ["endMembership: before it began", END_MEMBERSHIP, () => ({ input: { memberId: memberOf.A, leftOn: "2019-01-01" } }), "BAD_USER_INPUT"],
      ["endMembership: below the legal minimum", END_MEMBERSHIP, () => ({ input: { memberId: memberOf.B, leftOn: "2022-01-01" } }), "CONFLICT"],
      ["endMembership: a malformed date", END_MEMBERSHIP, () => ({ input: { memberId: memberOf.A, leftOn: "01/01/2022" } }), "BAD_USER_INPUT"],
      // registerCooperativeGroup
      ["registerCooperativeGroup: fewer than 2 members", REGISTER_GROUP, () => ({ input: { name: "Tổ hợp tác", communeCode, sectorCode: "AGRICULTURE", foundedOn: "2020-03-01", members: [person(0)] } }), "BAD_USER_INPUT"],
      ["registerCooperativeGroup: an unknown commune", REGISTER_GROUP, () => ({ input: { name: "Tổ hợp tác", communeCode: "99999", sectorCode: "AGRICULTURE", foundedOn: "2020-03-01", members: [person(0), person(1)] } }), "BAD_USER_INPUT"],
      ["registerCooperativeGroup: an over-long name", REGISTER_GROUP, () => ({ input: { name: "x".repeat(256), communeCode, sectorCode: "AGRICULTURE", foundedOn: "2020-03-01", members: [person(0), person(1)] } }), "BAD_USER_INPUT"],
      // registerCooperativeUnion
      ["registerCooperativeUnion: too few members", REGISTER_UNION, () => ({ input: { code: nextCode(), name: "Liên hiệp", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1, legalRepresentative: "Trần A", memberCooperativeIds: [ids.D] } }), "BAD_USER_INPUT"],
      ["registerCooperativeUnion: a cooperative already in a union", REGISTER_UNION, () => ({ input: { code: nextCode(), name: "Liên hiệp", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1, legalRepresentative: "Trần A", memberCooperativeIds: [ids.A, ids.D, ids.C] } }), "CONFLICT"],
      ["registerCooperativeUnion: the same cooperative twice", REGISTER_UNION, () => ({ input: { code: nextCode(), name: "Liên hiệp", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1, legalRepresentative: "Trần A", memberCooperativeIds: [ids.D, ids.D, ids.D] } }), "BAD_USER_INPUT"],
      ["registerCooperativeUnion: malformed ids", REGISTER_UNION, () => ({ input: { code: nextCode(), name: "Liên hiệp", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1, legalRepresentative: "Trần A", memberCooperativeIds: ["a", "b", "c"] } }), "BAD_USER_INPUT"],
      ["registerCooperativeUnion: oversized money", REGISTER_UNION, () => ({ input: { code: nextCode(), name: "Liên hiệp", foundedOn: "2021-01-10", governingLaw: "LAW_2023", address: { communeCode }, charterCapital: 1e16, legalRepresentative: "Trần A", memberCooperativeIds: [ids.D, ids.A, ids.B] } }), "BAD_USER_INPUT"],
      // changeUnionMembers
      ["changeUnionMembers: nothing to change", CHANGE_UNION, () => ({ input: { unionId: ids.U, add: [], remove: [], effectiveOn: "2022-01-01" } }), "BAD_USER_INPUT"],
      ["changeUnionMembers: below the minimum", CHANGE_UNION, () => ({ input: { unionId: ids.U, add: [], remove: [ids.A], effectiveOn: "2022-01-01" } }), "CONFLICT"],
      ["changeUnionMembers: removing a non-member", CHANGE_UNION, () => ({ input: { unionId: ids.U, add: [], remove: [ids.D], effectiveOn: "2022-01-01" } }), "BAD_USER_INPUT"],
      ["changeUnionMembers: adding a member twice", CHANGE_UNION, () => ({ input: { unionId: ids.U, add: [ids.A], remove: [], effectiveOn: "2022-01-01" } }), "CONFLICT"],
      ["changeUnionMembers: an unknown union", CHANGE_UNION, () => ({ input: { unionId: MISSING, add: [ids.D], remove: [], effectiveOn: "2022-01-01" } }), "NOT_FOUND"],
    ];

    for (const [what, query, variables, code] of catalogue) {
      it(`${what}: ${code}`, async () => {
        const before = await snapshot();
        const result = await registry.query(query, await variables(), tokens.officer());
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal(code);
        expect(JSON.stringify(result.errors)).not.to.match(/SELECT|INSERT|UPDATE .* SET|violates|\/work\/|\.ts:|\.js:|at .*\(/);
        expect(await snapshot()).to.deep.equal(before);
      });
    }
  });

  describe("hostile text, forged cursors, role before input, who changed what", () => {
    // One shared text rule (shared/src/graphql/textRules.ts) for every text argument of every field.
    const hostile: [string, string][] = [
      ["a NUL character", "Nguyễn\u0000Văn A"],
      ["a lone surrogate", "Nguyễn \ud800"],
      ["five spaces", "     "],
      ["only a right-to-left override", "\u202e"],
      ["only zero-width characters", "\u200b\u200c\u200d\ufeff"],
      ["spaces and bidi controls", " \u202e \u2066\u2069 "],
    ];
    for (const [what, fullName] of hostile) {
      it(`addMember refuses a full name of ${what}: BAD_USER_INPUT at input.member.fullName, nothing written`, async () => {
        const before = await snapshot();
        const result: Result = await registry.query(ADD_MEMBER, { input: { cooperativeId: ids.C, member: { ...person(90), fullName } } }, tokens.officer());
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal("BAD_USER_INPUT");
        expect((result.errors![0].extensions!.invalidInputs as { path: string }[]).map((i) => i.path)).to.deep.equal(["input.member.fullName"]);
        expect(await snapshot()).to.deep.equal(before);
      });
    }

    for (const [what, search] of hostile.slice(0, 2)) {
      it(`the cooperatives' search refuses ${what}: BAD_USER_INPUT`, async () => {
        const result: Result = await registry.query(`query ($s: String) { cooperatives(filter: { search: $s }) { totalCount } }`, { s: search });
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal("BAD_USER_INPUT");
      });
    }

    it("a scalar text argument too: cooperativeByCode with a NUL is BAD_USER_INPUT", async () => {
      const result: Result = await registry.query(`query ($c: String!) { cooperativeByCode(code: $c) { id } }`, { c: "12\u000034" });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal("BAD_USER_INPUT");
    });

    it("keeps ordinary Vietnamese text with line breaks", async () => {
      const result: Result = await registry.query(`query ($s: String) { cooperatives(filter: { search: $s }) { totalCount } }`, { s: "Hợp tác xã\nThử nghiệm" });
      expect(result.errors).to.equal(undefined);
    });

    const encode = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const cursors: [string, () => Promise<string>][] = [
      ["a forged cursor with an id that is no UUID", async () => "WyJ4Iiwibm90LWEtdXVpZCJd"],
      ["a forged cursor of the right shape", async () => encode(["x", ids.A])],
      ["a real cursor with its values edited", async () => {
        const page = await ok(`{ cooperatives(first: 1) { pageInfo { endCursor } } }`, {});
        const [payload, signature] = page.cooperatives.pageInfo.endCursor.split(".");
        const values = JSON.parse(Buffer.from(payload, "base64url").toString());
        return `${encode([values[0], "not-a-uuid"])}.${signature}`;
      }],
      ["a real cursor of another order (name where a date is expected)", async () => {
        const page = await ok(`{ cooperatives(first: 1, orderBy: [{ field: NAME, direction: ASC }]) { pageInfo { endCursor } } }`, {});
        return page.cooperatives.pageInfo.endCursor;
      }],
    ];
    for (const [what, cursor] of cursors) {
      it(`${what}: BAD_USER_INPUT before any SQL`, async () => {
        const after = await cursor();
        const result: Result = await registry.query(`query ($after: String) { cooperatives(first: 2, after: $after, orderBy: [{ field: FOUNDED_ON, direction: ASC }]) { totalCount } }`, { after });
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal("BAD_USER_INPUT");
        const nested: Result = await registry.query(`query ($id: ID!, $after: String) { cooperative(id: $id) { members(first: 2, after: $after) { totalCount } } }`, { id: ids.A, after }, tokens.officer());
        expect(nested.errors?.[0].extensions?.code, JSON.stringify(nested.errors)).to.equal("BAD_USER_INPUT");
      });
    }

    it("a real cursor still pages", async () => {
      const first = await ok(`{ cooperatives(first: 1) { edges { node { id } } pageInfo { endCursor } } }`, {});
      const next = await ok(`query ($after: String) { cooperatives(first: 1, after: $after) { edges { node { id } } } }`, { after: first.cooperatives.pageInfo.endCursor });
      expect(next.cooperatives.edges[0].node.id).not.to.equal(first.cooperatives.edges[0].node.id);
    });

    // The role check comes before input validation: without a token, invalid input is UNAUTHENTICATED.
    const invalid: [string, string, Record<string, unknown>][] = [
      ["addMember", ADD_MEMBER, { input: { cooperativeId: "not-a-uuid", member: { ...person(91), fullName: "\u202e", nationalId: "12" } } }],
      ["endMembership", END_MEMBERSHIP, { input: { memberId: "not-a-uuid", leftOn: "2021-01-01" } }],
    ];
    for (const [name, query, variables] of invalid) {
      it(`${name} with invalid input: UNAUTHENTICATED without a token, FORBIDDEN for FUND_OFFICER`, async () => {
        expect((await registry.query(query, variables)).errors?.[0].extensions?.code).to.equal("UNAUTHENTICATED");
        expect((await registry.query(query, variables, tokens.fundOfficer())).errors?.[0].extensions?.code).to.equal("FORBIDDEN");
      });
    }

    it("history: who made a change and which member it concerned are for staff only", async () => {
      const added = await ok(ADD_MEMBER, { input: { cooperativeId: ids.B, member: person(92) } }, signToken({ sub: "lan.nguyen@sonnptnt", role: Role.OFFICER }));
      const HISTORY = `query ($id: ID!) { cooperative(id: $id) { history(last: 3) { edges { node { kind actorSubject actorRole details } } } } }`;
      const lastOf = async (token?: string) => {
        const result: Result = await registry.query(HISTORY, { id: ids.B }, token);
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        return result.data!.cooperative.history.edges.at(-1).node;
      };
      for (const token of [undefined, tokens.manager(ids.B)]) {
        const node = await lastOf(token);
        expect(node).to.deep.equal({ kind: "MEMBER_ADDED", actorSubject: null, actorRole: "OFFICER", details: { membershipType: "OFFICIAL" } });
        expect(JSON.stringify(node)).not.to.contain(added.addMember.member.id);
      }
      for (const token of [tokens.officer(), tokens.fundOfficer(), tokens.admin()]) {
        expect(await lastOf(token)).to.deep.include({ actorSubject: "lan.nguyen@sonnptnt", details: { memberId: added.addMember.member.id, membershipType: "OFFICIAL" } });
      }
    });
  });

  describe("audit log", () => {
    it("records who, when, what and the change of a mutation, with personal data redacted", async () => {
      const admin = tokens.admin();
      const started = new Date(Date.now() - 1000).toISOString();
      const added = await ok(ADD_MEMBER, { input: { cooperativeId: ids.C, member: { ...person(80), joinedOn: "2021-05-01" } } }, signToken({ sub: "lan.nguyen", role: Role.OFFICER }));
      const memberId = added.addMember.member.id;
      const log = await registry.query(AUDIT, { filter: { entityType: "Member", entityId: memberId } }, admin);
      expect(log.errors).to.equal(undefined);
      const [entry] = log.data!.registryAuditLog.edges.map((e: any) => e.node);
      expect(entry).to.include({ service: "registry", actorSubject: "lan.nguyen", actorRole: "OFFICER", operation: "addMember", entityType: "Member", entityId: memberId, before: null });
      expect(entry.occurredAt >= started).to.equal(true);
      expect(entry.after).to.include({ fullName: "Thành viên 81", nationalId: "[REDACTED]", dateOfBirth: "[REDACTED]", phone: "[REDACTED]", cooperativeId: ids.C });
      // Nowhere in the table, not only in the API's answer.
      const { rows } = await db.query(`SELECT count(*) AS n FROM audit_entry WHERE before_state::text LIKE '%096000000080%' OR after_state::text LIKE '%096000000080%'`);
      expect(Number(rows[0].n)).to.equal(0);
    });

    it("records the fields before and after an update, and redacts founding members' personal data", async () => {
      const id = (await register({ name: "HTX Kiểm toán" })).id;
      const v = Number((await db.query(`SELECT version FROM cooperative WHERE id = $1`, [id])).rows[0].version);
      await ok(UPDATE, { input: { id, version: v, name: "HTX Kiểm toán Mới", charterCapital: 2_000_000_000 } });
      const log = await registry.query(AUDIT, { filter: { entityId: id } }, tokens.admin());
      const [update, creation] = log.data!.registryAuditLog.edges.map((e: any) => e.node);
      expect(update.operation).to.equal("updateCooperative");
      expect(update.before).to.deep.equal({ name: "HTX Kiểm toán", charterCapital: 1_500_000_000, version: v });
      expect(update.after).to.deep.equal({ name: "HTX Kiểm toán Mới", charterCapital: 2_000_000_000, version: v + 1 });
      expect(creation.operation).to.equal("registerCooperative");
      expect(creation.after.foundingMembers).to.have.length(5);
      for (const m of creation.after.foundingMembers) expect(m).to.include({ nationalId: "[REDACTED]", dateOfBirth: "[REDACTED]", phone: "[REDACTED]" });
    });

    it("writes the entry in the change's transaction: rolled back with it, refused outside one", async () => {
      const { dataSource } = createDataSource({ name: "registry", url: registry.databaseUrl, entities: [AuditEntry], migrations: [], poolSize: 1 });
      await dataSource.initialize();
      try {
        const before = await snapshot();
        const viewer = { subject: "officer-1", role: Role.OFFICER };
        const failed = await dataSource
          .transaction(async (manager) => {
            await recordAudit(manager, viewer, { operation: "updateCooperative", entityType: "Cooperative", entityId: ids.D, before: { name: "a" }, after: { name: "b" } });
            throw new Error("the change failed after its audit entry was written");
          })
          .then(() => undefined, (e: Error) => e.message);
        expect(failed).to.match(/change failed/);
        expect(await snapshot()).to.deep.equal(before);
        const outside = await recordAudit(dataSource.manager, viewer, { operation: "x", entityType: "Cooperative", entityId: ids.D }).then(() => undefined, (e: Error) => e.message);
        expect(outside).to.match(/inside the mutation's transaction/);
        expect(await snapshot()).to.deep.equal(before);
      } finally {
        await dataSource.destroy();
      }
    });

    it("filters by entity, id, subject, operation and period, and pages newest first", async () => {
      const admin = tokens.admin();
      const byOperation = await registry.query(AUDIT, { filter: { operation: "registerCooperative" } }, admin);
      const total = byOperation.data!.registryAuditLog.totalCount;
      expect(total).to.be.greaterThan(4);
      const bySubject = await registry.query(AUDIT, { filter: { subject: "lan.nguyen" } }, admin);
      expect(bySubject.data!.registryAuditLog.edges.every((e: any) => e.node.actorSubject === "lan.nguyen")).to.equal(true);
      const future = await registry.query(AUDIT, { filter: { from: "2999-01-01T00:00:00Z" } }, admin);
      expect(future.data!.registryAuditLog.totalCount).to.equal(0);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Result = await registry.query(AUDIT, { filter: { operation: "registerCooperative" }, first: 2, after }, admin);
        const nodes = page.data!.registryAuditLog.edges.map((e: any) => e.node);
        seen.push(...nodes.map((n: any) => n.occurredAt));
        after = page.data!.registryAuditLog.pageInfo.hasNextPage ? page.data!.registryAuditLog.pageInfo.endCursor : null;
      } while (after);
      expect(seen).to.have.length(total);
      expect([...seen].sort().reverse()).to.deep.equal(seen);
      const backwards = await registry.query(AUDIT, { filter: { from: "2999-01-01T00:00:00Z", to: "2000-01-01T00:00:00Z" } }, admin);
      expect(backwards.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("is append-only, even through SQL", async () => {
      const error = await db.query(`DELETE FROM audit_entry`).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(String(error)).to.match(/append-only/);
    });
  });
});
