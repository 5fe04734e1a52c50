import { expect } from "chai";
import { Client } from "pg";
import { QueryRunner } from "typeorm";
import { NoDistrictAfterReform1786000000000 } from "../src/migrations/1786000000000-NoDistrictAfterReform";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { startRegistry, tokens } from "./support";

const REGISTER = `mutation ($input: RegisterCooperativeInput!) {
  registerCooperative(input: $input) { cooperative { id code name status version district { name } } event { kind effectiveOn } }
}`;

function members(n: number, prefix = "Thành viên") {
  return Array.from({ length: n }, (_, i) => ({
    kind: "INDIVIDUAL",
    fullName: `${prefix} ${i + 1}`,
    membershipType: "OFFICIAL",
    capitalContributed: 10_000_000,
    nationalId: `09600000000${i}`.slice(0, 12),
    dateOfBirth: "1980-05-01",
    phone: "0900000000",
  }));
}

describe("registry subgraph: cooperatives", function () {
  let registry: SubgraphUnderTest;
  let communeCode: string;
  let db: Client;

  const input = (overrides: Record<string, unknown> = {}) => ({
    code: "2001000001",
    name: "Hợp tác xã Nông nghiệp Khánh Bình Tây",
    foundedOn: "2020-02-15",
    governingLaw: "LAW_2012",
    sectorCode: "AGRICULTURE",
    businessLines: ["0112", "0118"],
    address: { street: "Ấp 1", communeCode },
    charterCapital: 1_500_000_000,
    legalRepresentative: "Nguyễn Văn Thử",
    isNewModel: true,
    foundingMembers: members(7),
    ...overrides,
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM cooperative) AS c, (SELECT count(*) FROM member) AS m, (SELECT count(*) FROM cooperative_event) AS e, (SELECT count(*) FROM classification) AS cl`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  before(async function () {
    this.timeout(120_000);
    registry = await startRegistry();
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
    const units = await registry.query(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`);
    communeCode = units.data!.administrativeUnits.find((u: { parentCode: string }) => u.parentCode === "968").code;
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  it("registers a cooperative with its founding members and a FOUNDED event", async () => {
    const result = await registry.query(REGISTER, { input: input() }, tokens.officer());
    expect(result.errors).to.equal(undefined);
    const payload = result.data!.registerCooperative;
    expect(payload.cooperative).to.include({ code: "2001000001", status: "ACTIVE", version: 1 });
    expect(payload.cooperative.district.name).to.match(/Trần Văn Thời/);
    expect(payload.event).to.deep.equal({ kind: "FOUNDED", effectiveOn: "2020-02-15" });
    const read = await registry.query(`query ($code: String!) { cooperativeByCode(code: $code) { name memberCount isAllianceMember } }`, { code: "2001000001" });
    expect(read.data!.cooperativeByCode).to.deep.equal({ name: "Hợp tác xã Nông nghiệp Khánh Bình Tây", memberCount: 7, isAllianceMember: false });
  });

  it("keeps no district for a place in a commune of the reformed province (districts ended in July 2025)", async () => {
    const units = await registry.query(`{ administrativeUnits(level: COMMUNE, asOf: "2025-09-01") { code codeSystem } }`);
    const newCommune = units.data!.administrativeUnits.find((u: { codeSystem: string }) => u.codeSystem === "POST_2025").code;
    const districtOf = async (table: string, id: string) => (await db.query(`SELECT district_code FROM ${table} WHERE id = $1`, [id])).rows[0].district_code;

    const registered = await registry.query(REGISTER, { input: input({ code: "2001000020", name: "Hợp tác xã Dịch vụ Sông Đốc", foundedOn: "2025-09-01", address: { street: "Ấp 2", communeCode: newCommune } }) }, tokens.officer());
    expect(registered.errors).to.equal(undefined);
    expect(registered.data!.registerCooperative.cooperative.district).to.equal(null);
    expect(await districtOf("cooperative", registered.data!.registerCooperative.cooperative.id)).to.equal(null);

    const old = await registry.query(REGISTER, { input: input({ code: "2001000021", name: "Hợp tác xã Dịch vụ Rạch Gốc" }) }, tokens.officer());
    const { id, version } = old.data!.registerCooperative.cooperative;
    const moved = await registry.query(
      `mutation ($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { district { code } commune { code } } } }`,
      { input: { id, version, effectiveOn: "2025-09-01", address: { street: "Ấp 3", communeCode: newCommune } } },
      tokens.officer(),
    );
    expect(moved.errors).to.equal(undefined);
    expect(moved.data!.updateCooperative.cooperative).to.deep.equal({ district: null, commune: { code: newCommune } });
    expect(await districtOf("cooperative", id)).to.equal(null);

    const group = await registry.query(
      `mutation ($input: RegisterCooperativeGroupInput!) { registerCooperativeGroup(input: $input) { cooperativeGroup { id } } }`,
      { input: { name: "Tổ hợp tác sau sắp xếp", communeCode: newCommune, sectorCode: "AGRICULTURE", foundedOn: "2025-09-01", members: members(2) } },
      tokens.officer(),
    );
    expect(group.errors).to.equal(undefined);
    expect(await districtOf("cooperative_group", group.data!.registerCooperativeGroup.cooperativeGroup.id)).to.equal(null);
  });

  it("repairs places written with the province as their district, and the report by territory follows", async () => {
    const id = (await db.query(`SELECT id FROM cooperative WHERE code = '2001000020'`)).rows[0].id;
    const newProvince = async () =>
      (await registry.query(`{ collectiveEconomyReport(from: "2025-07-01", to: "2025-12-31") { byDistrict { districtCode cooperativeCount } } }`)).data!.collectiveEconomyReport.byDistrict;
    const repaired = await newProvince();
    await db.query(`UPDATE cooperative SET district_code = '96' WHERE id = $1`, [id]); // as the registry used to write it
    expect(await newProvince()).to.not.deep.equal(repaired);
    const queryRunner = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as QueryRunner;
    await new NoDistrictAfterReform1786000000000().up(queryRunner);
    expect((await db.query(`SELECT district_code FROM cooperative WHERE id = $1`, [id])).rows[0].district_code).to.equal(null);
    expect(await newProvince()).to.deep.equal(repaired);
  });

  it("refuses registration without a token or with a role that may not register", async () => {
    const before = await rowCounts();
    const anonymous = await registry.query(REGISTER, { input: input({ code: "2001000099" }) });
    expect(anonymous.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
    const fund = await registry.query(REGISTER, { input: input({ code: "2001000099" }) }, tokens.fundOfficer());
    expect(fund.errors![0].extensions!.code).to.equal("FORBIDDEN");
    expect(await rowCounts()).to.deep.equal(before);
  });

  const badInputs: [string, Record<string, unknown>, string][] = [
    ["a code that is not 10 digits", { code: "12345" }, "input.code"],
    ["too few founding official members under the 2012 law", { code: "2001000002", foundingMembers: members(6) }, "input.foundingMembers"],
    ["an unknown commune", { code: "2001000003", address: { communeCode: "99999" } }, "input.address.communeCode"],
    ["a founding date in the future", { code: "2001000004", foundedOn: "2999-01-01" }, "input.foundedOn"],
    ["an over-long name", { code: "2001000005", name: "x".repeat(300) }, "input.name"],
    ["a malformed national id", { code: "2001000006", foundingMembers: [...members(6), { ...members(1)[0], nationalId: "12" }] }, "input.foundingMembers.6.nationalId"],
  ];
  for (const [what, overrides, path] of badInputs) {
    it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
      const before = await rowCounts();
      const result = await registry.query(REGISTER, { input: input(overrides) }, tokens.officer());
      expect(result.errors, JSON.stringify(result)).to.have.length(1);
      expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include(path);
      expect(await rowCounts()).to.deep.equal(before);
    });
  }

  it("refuses a negative charter capital as a bad variable", async () => {
    const result = await registry.query(REGISTER, { input: input({ code: "2001000007", charterCapital: -5 }) }, tokens.officer());
    expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    expect(result.errors![0].message).to.match(/negative/);
  });

  it("refuses a duplicate code with CONFLICT and writes nothing", async () => {
    const before = await rowCounts();
    const result = await registry.query(REGISTER, { input: input() }, tokens.officer());
    expect(result.errors![0].extensions!.code).to.equal("CONFLICT");
    expect(await rowCounts()).to.deep.equal(before);
  });

  it("allows only lawful status transitions and ends memberships on dissolution", async () => {
    const created = await registry.query(REGISTER, { input: input({ code: "2001000010", name: "HTX Thủy sản Đất Mũi" }) }, tokens.officer());
    const id = created.data!.registerCooperative.cooperative.id;
    const change = (status: string, effectiveOn: string) =>
      registry.query(`mutation ($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { cooperative { status statusSince } } }`, { input: { id, status, effectiveOn } }, tokens.officer());
    const skipped = await change("DISSOLVED", "2021-01-10");
    expect(skipped.errors![0].extensions!.code).to.equal("CONFLICT");
    expect((await change("IN_DISSOLUTION", "2021-01-10")).data!.changeCooperativeStatus.cooperative).to.deep.equal({ status: "IN_DISSOLUTION", statusSince: "2021-01-10" });
    expect((await change("DISSOLVED", "2021-03-01")).data!.changeCooperativeStatus.cooperative.status).to.equal("DISSOLVED");
    expect((await change("ACTIVE", "2021-04-01")).errors![0].extensions!.code).to.equal("CONFLICT");
    const { rows } = await db.query(`SELECT count(*) AS n FROM member WHERE cooperative_id = $1 AND left_on = '2021-03-01'`, [id]);
    expect(Number(rows[0].n)).to.equal(7);
  });

  it("finds cooperatives case- and diacritic-insensitively, also from NFD input and with đ as d", async () => {
    const search = (text: string) => registry.query(`query ($s: String) { cooperatives(filter: { search: $s }) { totalCount edges { node { code } } } }`, { s: text });
    expect((await search("hop tac xa nong nghiep")).data!.cooperatives.edges.map((e: any) => e.node.code)).to.deep.equal(["2001000001"]);
    expect((await search("HỢP TÁC XÃ NÔNG".normalize("NFD"))).data!.cooperatives.totalCount).to.equal(1);
    expect((await search("dat mui")).data!.cooperatives.edges.map((e: any) => e.node.code)).to.deep.equal(["2001000010"]);
    // Wildcards separate words like any punctuation: "7%" is the word 7, which no document holds.
    expect((await search("khanh binh 7%")).data!.cooperatives.totalCount).to.equal(0);
  });

  it("refuses first: 101 and a forged cursor with BAD_USER_INPUT", async () => {
    const tooMany = await registry.query(`{ cooperatives(first: 101) { totalCount } }`);
    expect(tooMany.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    const forged = await registry.query(`{ cooperatives(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(forged.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
  });

  it("records a classification with the rating derived from the score, once per year", async () => {
    const id = (await registry.query(`{ cooperativeByCode(code: "2001000001") { id } }`)).data!.cooperativeByCode.id;
    const record = (score: number) =>
      registry.query(`mutation ($input: RecordClassificationInput!) { recordClassification(input: $input) { classification { rating score } cooperative { latestClassification { year rating } } } }`, { input: { cooperativeId: id, year: 2021, score, classifiedOn: "2022-02-01" } }, tokens.officer());
    const first = await record(72);
    expect(first.data!.recordClassification.classification).to.deep.equal({ rating: "FAIR", score: 72 });
    expect((await record(90)).errors![0].extensions!.code).to.equal("CONFLICT");
  });

  describe("members and personal data", () => {
    let cooperativeId: string;
    let otherId: string;
    const MEMBERS = `query ($id: ID!) { cooperative(id: $id) { members(first: 3) { totalCount edges { node { fullName nationalId phone dateOfBirth } } } } }`;

    before(async () => {
      cooperativeId = (await registry.query(`{ cooperativeByCode(code: "2001000001") { id } }`)).data!.cooperativeByCode.id;
      otherId = (await registry.query(`{ cooperativeByCode(code: "2001000010") { id } }`)).data!.cooperativeByCode.id;
    });

    it("shows personal data to officers and to the cooperative's own manager", async () => {
      for (const token of [tokens.officer(), tokens.manager(cooperativeId)]) {
        const result = await registry.query(MEMBERS, { id: cooperativeId }, token);
        expect(result.errors).to.equal(undefined);
        expect(result.data!.cooperative.members.edges[0].node.nationalId).to.match(/^\d{12}$/);
      }
    });

    it("lists members without personal data to fund staff", async () => {
      const result = await registry.query(MEMBERS, { id: cooperativeId }, tokens.fundOfficer());
      const node = result.data!.cooperative.members.edges[0].node;
      expect(node.fullName).to.be.a("string");
      expect([node.nationalId, node.phone, node.dateOfBirth]).to.deep.equal([null, null, null]);
    });

    it("hides members from the public and from another cooperative's manager", async () => {
      const anonymous = await registry.query(MEMBERS, { id: cooperativeId });
      expect(anonymous.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
      expect(anonymous.data!.cooperative.members).to.equal(null);
      const other = await registry.query(MEMBERS, { id: cooperativeId }, tokens.manager(otherId));
      expect(other.errors![0].extensions!.code).to.equal("FORBIDDEN");
      const aliased = await registry.query(`query ($id: ID!) { a: cooperative(id: $id) { m: members { edges { node { nationalId } } } } }`, { id: cooperativeId }, tokens.manager(otherId));
      expect(aliased.errors![0].extensions!.code).to.equal("FORBIDDEN");
    });

    it("lets a manager add a member to its own cooperative only", async () => {
      const add = (target: string, token: string) =>
        registry.query(`mutation ($input: AddMemberInput!) { addMember(input: $input) { member { fullName joinedOn } } }`, { input: { cooperativeId: target, member: { ...members(1, "Người mới")[0], joinedOn: "2022-01-05" } } }, token);
      expect((await add(cooperativeId, tokens.manager(cooperativeId))).data!.addMember.member).to.deep.equal({ fullName: "Người mới 1", joinedOn: "2022-01-05" });
      expect((await add(cooperativeId, tokens.manager(otherId))).errors![0].extensions!.code).to.equal("FORBIDDEN");
    });
  });

  it("derives the period report from the records", async () => {
    const report = await registry.query(`{ r: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount newCooperativeCount dissolvedCooperativeCount memberCount } }`);
    // 2001000001 active since 2020; 2001000010 founded 2020 and dissolved on 2021-03-01.
    expect(report.data!.r).to.deep.equal({ cooperativeCount: 1, newCooperativeCount: 0, dissolvedCooperativeCount: 1, memberCount: 7 });
    const earlier = await registry.query(`{ r: collectiveEconomyReport(from: "2020-01-01", to: "2020-12-31") { cooperativeCount newCooperativeCount memberCount } }`);
    expect(earlier.data!.r).to.deep.equal({ cooperativeCount: 2, newCooperativeCount: 2, memberCount: 14 });
    const reversed = await registry.query(`{ collectiveEconomyReport(from: "2021-06-30", to: "2021-01-01") { cooperativeCount } }`);
    expect(reversed.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
  });
});
