import { expect } from "chai";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { ATTEND, attend, CANCEL, cancelClass, classInput, connect, cooperativeId, CREATE, createClass, rowCounts, startOutreach, tokens, UPDATE } from "./support";

describe("outreach subgraph: classes", function () {
  let outreach: SubgraphUnderTest;
  let db: Client;

  before(async function () {
    this.timeout(120_000);
    outreach = await startOutreach();
    db = await connect(outreach);
  });

  after(async () => {
    await db?.end();
    await outreach?.stop();
  });

  it("creates a class SCHEDULED, records its attendance (HELD) and reads it back", async () => {
    const created = await createClass(outreach, { title: "  Truyền nghề  đan đát lục bình ", kind: "VOCATIONAL", coOrganisers: ["Sở Lao động - Thương binh và Xã hội tỉnh Cà Mau"] });
    expect(created).to.include({ kind: "VOCATIONAL", status: "SCHEDULED", version: 1 });
    expect(created).to.deep.include({ title: "Truyền nghề đan đát lục bình", districtName: "Huyện U Minh", participantCount: null });
    const held = await attend(outreach, created.id, 1, 25, [cooperativeId(2), cooperativeId(1).toUpperCase()]);
    expect(held).to.deep.include({ status: "HELD", version: 2, participantCount: 25, cooperativeCount: 2 });
    expect(held.cooperatives.map((c: { id: string }) => c.id)).to.deep.equal([cooperativeId(1), cooperativeId(2)]);
    const read = await outreach.query(`query ($id: ID!) { trainingClass(id: $id) { title status codeSystem cooperatives { id } } }`, { id: created.id });
    expect(read.data!.trainingClass).to.deep.include({ title: "Truyền nghề đan đát lục bình", status: "HELD", codeSystem: "PRE_2025" });
    const corrected = await attend(outreach, created.id, 2, 30, [cooperativeId(3)]);
    expect(corrected).to.deep.include({ version: 3, participantCount: 30, cooperativeCount: 1 });
  });

  it("derives the district from the commune, and refuses a district after the 2025 reform", async () => {
    const derived = await outreach.query(CREATE, { input: classInput({ districtCode: null, communeCode: "32248" }) }, tokens.officer());
    expect(derived.data!.createTrainingClass.trainingClass).to.deep.include({ districtCode: "973", districtName: "Huyện Ngọc Hiển" });
    const after = await outreach.query(CREATE, { input: classInput({ startDate: "2025-08-01", endDate: "2025-08-02", districtCode: null, communeCode: "32044" }) }, tokens.officer());
    expect(after.errors).to.equal(undefined);
    expect(after.data!.createTrainingClass.trainingClass).to.deep.include({ districtCode: null, communeCode: "32044" });
  });

  it("returns null for an unknown class and BAD_USER_INPUT for a malformed id", async () => {
    const missing = await outreach.query(`{ trainingClass(id: "6f1c0f4e-0000-4000-8000-000000000000") { id } }`);
    expect(missing.data!.trainingClass).to.equal(null);
    const malformed = await outreach.query(`{ trainingClass(id: "42") { id } }`);
    expect(malformed.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
  });

  describe("who may change classes", () => {
    it("refuses every mutation without a token (UNAUTHENTICATED) or with a role other than OFFICER and ADMIN (FORBIDDEN), writing nothing", async () => {
      const c = await createClass(outreach);
      const before = await rowCounts(db);
      const attempts: [string, Record<string, unknown>][] = [
        [CREATE, { input: classInput() }],
        [UPDATE, { input: { id: c.id, version: 1, title: "Đổi tên lớp" } }],
        [CANCEL, { input: { id: c.id, version: 1, reason: "Không đủ học viên" } }],
        [ATTEND, { input: { id: c.id, version: 1, participantCount: 10, cooperativeIds: [] } }],
      ];
      for (const [mutation, variables] of attempts) {
        const anonymous = await outreach.query(mutation, variables);
        expect(anonymous.errors![0].extensions!.code, mutation).to.equal("UNAUTHENTICATED");
        for (const token of [tokens.fundOfficer(), tokens.fundApprover(), tokens.manager(cooperativeId(1))]) {
          const refused = await outreach.query(mutation, variables, token);
          expect(refused.errors![0].extensions!.code, mutation).to.equal("FORBIDDEN");
        }
      }
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    it("lets an ADMIN create a class", async () => {
      const result = await outreach.query(CREATE, { input: classInput() }, tokens.admin());
      expect(result.errors).to.equal(undefined);
    });
  });

  describe("bad input", () => {
    const badCreates: [string, Record<string, unknown>, string][] = [
      ["an end before the start", { startDate: "2022-03-10", endDate: "2022-03-09" }, "input.endDate"],
      ["a class longer than a year", { startDate: "2022-01-01", endDate: "2023-06-01" }, "input.endDate"],
      ["a district outside Cà Mau", { districtCode: "965" }, "input.districtCode"],
      ["a commune of another district", { districtCode: "966", communeCode: "32248" }, "input.communeCode"],
      ["a commune outside the province", { districtCode: null, communeCode: "99999" }, "input.communeCode"],
      ["a malformed commune code", { communeCode: "12" }, "input.communeCode"],
      ["a district after the 2025 reform", { startDate: "2025-07-01", endDate: "2025-07-01" }, "input.districtCode"],
      ["an empty title", { title: "" }, "input.title"],
      ["an over-long organiser", { organiser: "x".repeat(300) }, "input.organiser"],
      ["too many co-organisers", { coOrganisers: Array.from({ length: 21 }, (_, i) => `Đơn vị ${i}`) }, "input.coOrganisers"],
    ];
    for (const [what, overrides, path] of badCreates) {
      it(`refuses ${what} with BAD_USER_INPUT at ${path} and writes nothing`, async () => {
        const before = await rowCounts(db);
        const result = await outreach.query(CREATE, { input: classInput(overrides) }, tokens.officer());
        expect(result.errors, JSON.stringify(result)).to.have.length(1);
        expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
        expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include(path);
        expect(await rowCounts(db)).to.deep.equal(before);
      });
    }

    it("refuses an unknown kind or a malformed date as a bad variable", async () => {
      const before = await rowCounts(db);
      const kind = await outreach.query(CREATE, { input: classInput({ kind: "WORKSHOP" }) }, tokens.officer());
      expect(kind.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
      const date = await outreach.query(CREATE, { input: classInput({ startDate: "2022-02-30" }) }, tokens.officer());
      expect(date.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    it("refuses bad attendance (duplicates, malformed ids, fewer participants than cooperatives) and writes nothing", async () => {
      const c = await createClass(outreach);
      const before = await rowCounts(db);
      const cases: [Record<string, unknown>, string][] = [
        [{ participantCount: 1, cooperativeIds: [cooperativeId(1), cooperativeId(2)] }, "input.participantCount"],
        [{ participantCount: 5, cooperativeIds: [cooperativeId(1), cooperativeId(1).toUpperCase()] }, "input.cooperativeIds"],
        [{ participantCount: 5, cooperativeIds: ["not-a-uuid"] }, "input.cooperativeIds"],
        [{ participantCount: -1, cooperativeIds: [] }, "input.participantCount"],
      ];
      for (const [attendance, path] of cases) {
        const result = await outreach.query(ATTEND, { input: { id: c.id, version: 1, ...attendance } }, tokens.officer());
        expect(result.errors![0].extensions!.code, path).to.equal("BAD_USER_INPUT");
        expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include(path);
      }
      expect(await rowCounts(db)).to.deep.equal(before);
    });

    it("refuses an update that would put the end before the start, and writes nothing", async () => {
      const c = await createClass(outreach);
      const before = await rowCounts(db);
      const result = await outreach.query(UPDATE, { input: { id: c.id, version: 1, startDate: "2022-04-01" } }, tokens.officer());
      expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include("input.endDate");
      expect(await rowCounts(db)).to.deep.equal(before);
    });
  });

  describe("state and versions", () => {
    it("updates with the current version and refuses a stale one (CONFLICT)", async () => {
      const c = await createClass(outreach);
      const updated = await outreach.query(UPDATE, { input: { id: c.id, version: 1, title: "Tuyên truyền Luật Hợp tác xã năm 2023", kind: "OUTREACH", startDate: "2022-03-09" } }, tokens.officer());
      expect(updated.data!.updateTrainingClass.trainingClass).to.include({ version: 2, title: "Tuyên truyền Luật Hợp tác xã năm 2023", startDate: "2022-03-09" });
      const stale = await outreach.query(UPDATE, { input: { id: c.id, version: 1, title: "Tên khác" } }, tokens.officer());
      expect(stale.errors![0].extensions!.code).to.equal("CONFLICT");
      const unchanged = await outreach.query(UPDATE, { input: { id: c.id, version: 2, title: "Tuyên truyền Luật Hợp tác xã năm 2023" } }, tokens.officer());
      expect(unchanged.data!.updateTrainingClass.trainingClass.version).to.equal(2);
    });

    it("cancels a scheduled class, after which it no longer changes", async () => {
      const c = await createClass(outreach);
      const cancelled = await cancelClass(outreach, c.id, 1);
      expect(cancelled).to.include({ status: "CANCELLED", version: 2, cancellationReason: "Không đủ học viên đăng ký" });
      const again = await outreach.query(CANCEL, { input: { id: c.id, version: 2, reason: "Lần nữa" } }, tokens.officer());
      expect(again.errors![0].extensions!.code).to.equal("CONFLICT");
      const attendance = await outreach.query(ATTEND, { input: { id: c.id, version: 2, participantCount: 10, cooperativeIds: [] } }, tokens.officer());
      expect(attendance.errors![0].extensions!.code).to.equal("CONFLICT");
      const update = await outreach.query(UPDATE, { input: { id: c.id, version: 2, title: "Mở lại lớp" } }, tokens.officer());
      expect(update.errors![0].extensions!.code).to.equal("CONFLICT");
    });

    it("refuses to cancel a held class and to record attendance before a class starts", async () => {
      const held = await createClass(outreach);
      await attend(outreach, held.id, 1, 12, []);
      const cancel = await outreach.query(CANCEL, { input: { id: held.id, version: 2, reason: "Nhầm lẫn" } }, tokens.officer());
      expect(cancel.errors![0].extensions!.code).to.equal("CONFLICT");
      const future = await createClass(outreach, { startDate: "2999-01-01", endDate: "2999-01-02", districtCode: null, communeCode: null });
      const early = await outreach.query(ATTEND, { input: { id: future.id, version: 1, participantCount: 10, cooperativeIds: [] } }, tokens.officer());
      expect(early.errors![0].extensions!.code).to.equal("CONFLICT");
    });

    it("answers NOT_FOUND when changing a class that does not exist", async () => {
      const result = await outreach.query(CANCEL, { input: { id: "6f1c0f4e-0000-4000-8000-000000000000", version: 1, reason: "Không có" } }, tokens.officer());
      expect(result.errors![0].extensions!.code).to.equal("NOT_FOUND");
    });
  });

  describe("lists", () => {
    let listed: SubgraphUnderTest;
    const ids: string[] = [];

    before(async function () {
      this.timeout(120_000);
      listed = await startOutreach();
      // 30 held classes in 2023, each attended by 3 of 10 cooperatives; two cancelled ones.
      for (let i = 0; i < 30; i++) {
        const day = String(1 + (i % 28)).padStart(2, "0");
        const month = String(1 + Math.floor(i / 3) % 12).padStart(2, "0");
        const c = await createClass(listed, {
          kind: ["STATE_MANAGEMENT", "OUTREACH", "VOCATIONAL"][i % 3],
          districtCode: ["966", "970"][i % 2],
          communeCode: null,
          startDate: `2023-${month}-${day}`,
          endDate: `2023-${month}-${day}`,
          title: `Lớp số ${i + 1}`,
        });
        await attend(listed, c.id, 1, 20, [cooperativeId(i % 10), cooperativeId((i + 1) % 10), cooperativeId((i + 2) % 10)]);
        ids.push(c.id);
      }
      for (let i = 0; i < 2; i++) await cancelClass(listed, (await createClass(listed, { startDate: "2023-05-05", endDate: "2023-05-05" })).id, 1);
    });

    after(async () => {
      await listed?.stop();
    });

    it("filters by period, kind, district and status", async () => {
      const q = `query ($filter: TrainingClassFilter) { trainingClasses(filter: $filter, first: 100) { totalCount edges { node { kind districtCode startDate status } } } }`;
      const all = await listed.query(q, {});
      expect(all.data!.trainingClasses.totalCount).to.equal(32);
      const march = await listed.query(q, { filter: { from: "2023-03-01", to: "2023-03-31", statuses: ["HELD", "SCHEDULED"] } });
      for (const e of march.data!.trainingClasses.edges) expect(e.node.startDate >= "2023-03-01" && e.node.startDate <= "2023-03-31").to.equal(true);
      expect(march.data!.trainingClasses.totalCount).to.equal(3);
      const umMinhStateManagement = await listed.query(q, { filter: { kinds: ["STATE_MANAGEMENT"], districtCodes: ["966"] } });
      for (const e of umMinhStateManagement.data!.trainingClasses.edges) expect(e.node).to.include({ kind: "STATE_MANAGEMENT", districtCode: "966" });
      expect(umMinhStateManagement.data!.trainingClasses.totalCount).to.equal(5);
      const cancelled = await listed.query(q, { filter: { statuses: ["CANCELLED"] } });
      expect(cancelled.data!.trainingClasses.totalCount).to.equal(2);
      const backwards = await listed.query(q, { filter: { from: "2023-06-01", to: "2023-01-01" } });
      expect(backwards.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("pages forward and backward with stable cursors, and refuses more than 100 items", async () => {
      const q = `query ($first: Int, $after: String, $last: Int, $before: String) {
        trainingClasses(first: $first, after: $after, last: $last, before: $before, orderBy: [{ field: START_DATE, direction: DESC }]) {
          edges { cursor node { id startDate } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Record<string, any> = await listed.query(q, { first: 7, after });
        seen.push(...page.data!.trainingClasses.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!page.data!.trainingClasses.pageInfo.hasNextPage) break;
        after = page.data!.trainingClasses.pageInfo.endCursor;
      }
      expect(seen).to.have.length(32);
      expect(new Set(seen).size).to.equal(32);
      const last = await listed.query(q, { last: 5 });
      expect(last.data!.trainingClasses.edges.map((e: { node: { id: string } }) => e.node.id)).to.deep.equal(seen.slice(-5));
      const tooMany = await listed.query(q, { first: 101 });
      expect(tooMany.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("lists the classes a cooperative attended through the Cooperative entity, newest first, paged", async () => {
      const q = `query ($reps: [_Any!]!, $first: Int, $after: String) { _entities(representations: $reps) { ... on Cooperative { id trainingClasses(first: $first, after: $after) { totalCount edges { node { id startDate } } pageInfo { hasNextPage endCursor } } } } }`;
      const reps = [0, 1, 42].map((n) => ({ __typename: "Cooperative", id: cooperativeId(n) }));
      const first = await listed.query(q, { reps, first: 4 });
      expect(first.errors).to.equal(undefined);
      const [zero, one, unknown] = first.data!._entities;
      expect(zero.trainingClasses.totalCount).to.equal(9); // i % 10 ∈ {0, 8, 9}: i = 0, 8, 9, 10, 18, 19, 20, 28, 29
      expect(one.trainingClasses.totalCount).to.equal(9);
      expect(unknown.trainingClasses).to.deep.include({ totalCount: 0, edges: [] });
      const dates = zero.trainingClasses.edges.map((e: { node: { startDate: string } }) => e.node.startDate);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      const next = await listed.query(q, { reps: [reps[0]], first: 100, after: zero.trainingClasses.pageInfo.endCursor });
      expect(next.data!._entities[0].trainingClasses.edges).to.have.length(5);
      const all = await listed.query(q, { reps: reps.slice(0, 2), first: 100 });
      const back = `query ($reps: [_Any!]!, $before: String) { _entities(representations: $reps) { ... on Cooperative { trainingClasses(last: 4, before: $before) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage startCursor } } } } }`;
      const tail = await listed.query(back, { reps: reps.slice(0, 2) });
      expect(tail.errors).to.equal(undefined);
      const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);
      for (const n of [0, 1]) expect(ids(tail.data!._entities[n].trainingClasses)).to.deep.equal(ids(all.data!._entities[n].trainingClasses).slice(5));
      const head = await listed.query(back, { reps: [reps[0]], before: tail.data!._entities[0].trainingClasses.pageInfo.startCursor });
      expect(ids(head.data!._entities[0].trainingClasses)).to.deep.equal(ids(all.data!._entities[0].trainingClasses).slice(1, 5));
      expect(head.data!._entities[0].trainingClasses.pageInfo).to.deep.include({ hasPreviousPage: true, hasNextPage: true });
      const bad = await listed.query(q, { reps: [reps[0]], first: 2, after: "bm90LWEtY3Vyc29y" });
      expect(bad.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("sends the same number of SQL statements for a page of classes with their cooperatives, whatever the page size", async () => {
      const q = `query ($first: Int) { trainingClasses(first: $first) { edges { node { id title cooperativeCount cooperatives { id trainingClasses(first: 2) { totalCount edges { node { id } } } } } } } }`;
      const statementsFor = async (first: number) => {
        const before = await listed.sqlStatements();
        const result = await listed.query(q, { first });
        expect(result.errors).to.equal(undefined);
        expect(result.data!.trainingClasses.edges).to.have.length(first);
        return (await listed.sqlStatements()) - before;
      };
      const small = await statementsFor(2);
      const large = await statementsFor(30);
      expect(large).to.equal(small);
      expect(small).to.be.at.most(6);
    });
  });
});
