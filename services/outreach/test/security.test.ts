import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { Client } from "pg";
import { ATTEND, CANCEL, classInput, connect, cooperativeId, CREATE, createClass, startOutreach, tokens, UPDATE } from "./support";

/**
 * Security at the outreach subgraph's level: the role matrix of its mutations and audit log, a
 * bad-input catalogue of every mutation (right code, nothing written), and the audit entries.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = { data?: any; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };

const RECORD_FIGURES = `mutation ($input: RecordPublishedFiguresInput!) { recordPublishedFigures(input: $input) { publishedFigures { id version } } }`;
const CORRECT_FIGURE = `mutation ($input: CorrectPublishedFigureInput!) { correctPublishedFigure(input: $input) { publishedFigure { id version value } } }`;
const REMOVE_FIGURE = `mutation ($input: RemovePublishedFigureInput!) { removePublishedFigure(input: $input) { id } }`;
const AUDIT = `query ($filter: AuditEntryFilter) {
  outreachAuditLog(filter: $filter, first: 50) { totalCount edges { node { service actorSubject actorRole operation entityType entityId before after } } }
}`;

const MISSING = "00000000-0000-4000-8000-000000000000";
const ROLES = ["ANONYMOUS", "OFFICER", "FUND_OFFICER", "FUND_APPROVER", "COOPERATIVE_MANAGER", "ADMIN"] as const;
type RoleName = (typeof ROLES)[number];

const figuresInput = (overrides: Record<string, unknown> = {}) => ({
  reportTitle: "Báo cáo tình hình KTTT 6 tháng đầu năm 2022",
  publisher: "Liên minh Hợp tác xã tỉnh Cà Mau",
  from: "2022-01-01",
  to: "2022-06-30",
  publishedOn: "2022-07-15",
  figures: [{ figure: "COOPERATIVE_COUNT", value: 280 }],
  ...overrides,
});

describe("outreach subgraph: security", function () {
  this.timeout(120_000);
  let outreach: SubgraphUnderTest;
  let db: Client;
  let reportSeq = 0;

  const tokenOf = (role: RoleName): string | undefined =>
    ({
      ANONYMOUS: undefined,
      OFFICER: tokens.officer(),
      FUND_OFFICER: tokens.fundOfficer(),
      FUND_APPROVER: tokens.fundApprover(),
      COOPERATIVE_MANAGER: tokens.manager(cooperativeId(1)),
      ADMIN: tokens.admin(),
    })[role];

  async function snapshot(): Promise<Record<string, number>> {
    const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM training_class) AS classes, (SELECT coalesce(sum(version), 0) FROM training_class) AS class_versions,
      (SELECT count(*) FROM training_class_attendance) AS attendance,
      (SELECT count(*) FROM published_figure) AS figures, (SELECT coalesce(sum(version), 0) FROM published_figure) AS figure_versions,
      (SELECT count(*) FROM audit_entry) AS audit_entries`);
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  async function recordFigure(): Promise<{ id: string; version: number }> {
    const result = await outreach.query(RECORD_FIGURES, { input: figuresInput({ reportTitle: `Báo cáo số ${++reportSeq}` }) }, tokens.officer());
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.recordPublishedFigures.publishedFigures[0];
  }

  before(async () => {
    outreach = await startOutreach();
    db = await connect(outreach);
  });
  after(async () => {
    await db?.end();
    await outreach?.stop();
  });

  describe("role matrix", () => {
    const WRITERS: RoleName[] = ["OFFICER", "ADMIN"];
    // Harmless for a role that passes authorisation: the record does not exist (NOT_FOUND) or the input is refused.
    const cases: [string, string, () => Record<string, unknown>][] = [
      ["createTrainingClass", CREATE, () => ({ input: classInput({ endDate: "2022-03-01" }) })],
      ["updateTrainingClass", UPDATE, () => ({ input: { id: MISSING, version: 1, title: "Lớp mới" } })],
      ["cancelTrainingClass", CANCEL, () => ({ input: { id: MISSING, version: 1, reason: "Không đủ học viên" } })],
      ["recordTrainingClassAttendance", ATTEND, () => ({ input: { id: MISSING, version: 1, participantCount: 10, cooperativeIds: [] } })],
      ["recordPublishedFigures", RECORD_FIGURES, () => ({ input: figuresInput({ to: "2021-01-01" }) })],
      ["correctPublishedFigure", CORRECT_FIGURE, () => ({ input: { id: MISSING, version: 1, value: 1 } })],
      ["removePublishedFigure", REMOVE_FIGURE, () => ({ input: { id: MISSING, version: 1 } })],
    ];
    for (const [name, query, variables] of cases) {
      for (const role of ROLES) {
        const expected = WRITERS.includes(role) ? "allowed" : role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN";
        it(`${name} as ${role}: ${expected}`, async () => {
          const before = await snapshot();
          const result = await outreach.query(query, variables(), tokenOf(role));
          const code = result.errors?.[0].extensions?.code;
          if (expected === "allowed") expect(["NOT_FOUND", "BAD_USER_INPUT"], JSON.stringify(result.errors)).to.include(code);
          else expect(code, JSON.stringify(result.errors)).to.equal(expected);
          expect(await snapshot()).to.deep.equal(before);
        });
      }
    }
    for (const role of ROLES) {
      it(`outreachAuditLog as ${role}: ${role === "ADMIN" ? "allowed" : role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN"}`, async () => {
        const result = await outreach.query(AUDIT, {}, tokenOf(role));
        if (role === "ADMIN") expect(result.errors).to.equal(undefined);
        else expect(result.errors![0].extensions!.code).to.equal(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
      });
    }
    it("reading classes and published figures is public", async () => {
      const result = await outreach.query(`{ trainingClasses(first: 1) { totalCount } publishedFigures(first: 1) { totalCount } }`);
      expect(result.errors).to.equal(undefined);
    });
  });

  describe("bad-input catalogue: every mutation, the right code, nothing written", () => {
    let scheduled: { id: string; version: number };
    let held: { id: string; version: number };
    let cancelled: { id: string; version: number };
    let figure: { id: string; version: number };

    before(async () => {
      scheduled = await createClass(outreach);
      const toHold = await createClass(outreach, { title: "Lớp đã tổ chức" });
      const attended = await outreach.query(ATTEND, { input: { id: toHold.id, version: toHold.version, participantCount: 30, cooperativeIds: [cooperativeId(1)] } }, tokens.officer());
      held = attended.data!.recordTrainingClassAttendance.trainingClass;
      const toCancel = await createClass(outreach, { title: "Lớp đã hủy" });
      const c = await outreach.query(CANCEL, { input: { id: toCancel.id, version: toCancel.version, reason: "Không đủ học viên" } }, tokens.officer());
      cancelled = c.data!.cancelTrainingClass.trainingClass;
      figure = await recordFigure();
    });

    const catalogue: [string, string, () => Record<string, unknown>, string][] = [
      ["createTrainingClass: a wrong type (kind as a number)", CREATE, () => ({ input: classInput({ kind: 3 }) }), "BAD_USER_INPUT"],
      ["createTrainingClass: a date that does not exist", CREATE, () => ({ input: classInput({ startDate: "2022-02-29" }) }), "BAD_USER_INPUT"],
      ["createTrainingClass: a date out of range", CREATE, () => ({ input: classInput({ startDate: "3022-03-10", endDate: "3022-03-11" }) }), "BAD_USER_INPUT"],
      ["createTrainingClass: an over-long title", CREATE, () => ({ input: classInput({ title: "x".repeat(501) }) }), "BAD_USER_INPUT"],
      ["createTrainingClass: an end before the start", CREATE, () => ({ input: classInput({ endDate: "2022-03-01" }) }), "BAD_USER_INPUT"],
      ["updateTrainingClass: a malformed id", UPDATE, () => ({ input: { id: "lop-1", version: 1, title: "Lớp mới" } }), "BAD_USER_INPUT"],
      ["updateTrainingClass: an unknown id", UPDATE, () => ({ input: { id: MISSING, version: 1, title: "Lớp mới" } }), "NOT_FOUND"],
      ["updateTrainingClass: a stale version", UPDATE, () => ({ input: { id: scheduled.id, version: scheduled.version + 5, title: "Lớp mới" } }), "CONFLICT"],
      ["updateTrainingClass: a version out of range", UPDATE, () => ({ input: { id: scheduled.id, version: 2 ** 31, title: "Lớp mới" } }), "BAD_USER_INPUT"],
      ["updateTrainingClass: a cancelled class", UPDATE, () => ({ input: { id: cancelled.id, version: cancelled.version, title: "Lớp mới" } }), "CONFLICT"],
      ["updateTrainingClass: an over-long organiser", UPDATE, () => ({ input: { id: scheduled.id, version: scheduled.version, organiser: "x".repeat(256) } }), "BAD_USER_INPUT"],
      ["cancelTrainingClass: a held class (forbidden transition)", CANCEL, () => ({ input: { id: held.id, version: held.version, reason: "Nhầm lẫn" } }), "CONFLICT"],
      ["cancelTrainingClass: twice", CANCEL, () => ({ input: { id: cancelled.id, version: cancelled.version, reason: "Nhầm lẫn" } }), "CONFLICT"],
      ["cancelTrainingClass: a future date", CANCEL, () => ({ input: { id: scheduled.id, version: scheduled.version, reason: "Hoãn", cancelledOn: "2999-01-01" } }), "BAD_USER_INPUT"],
      ["cancelTrainingClass: a reason too short", CANCEL, () => ({ input: { id: scheduled.id, version: scheduled.version, reason: "x" } }), "BAD_USER_INPUT"],
      ["recordTrainingClassAttendance: negative participants", ATTEND, () => ({ input: { id: scheduled.id, version: scheduled.version, participantCount: -1, cooperativeIds: [] } }), "BAD_USER_INPUT"],
      ["recordTrainingClassAttendance: participants beyond Int", ATTEND, () => ({ input: { id: scheduled.id, version: scheduled.version, participantCount: 2 ** 40, cooperativeIds: [] } }), "BAD_USER_INPUT"],
      ["recordTrainingClassAttendance: a malformed cooperative id", ATTEND, () => ({ input: { id: scheduled.id, version: scheduled.version, participantCount: 3, cooperativeIds: ["HTX-1"] } }), "BAD_USER_INPUT"],
      ["recordTrainingClassAttendance: a duplicate cooperative", ATTEND, () => ({ input: { id: scheduled.id, version: scheduled.version, participantCount: 3, cooperativeIds: [cooperativeId(2), cooperativeId(2)] } }), "BAD_USER_INPUT"],
      ["recordTrainingClassAttendance: a cancelled class", ATTEND, () => ({ input: { id: cancelled.id, version: cancelled.version, participantCount: 3, cooperativeIds: [] } }), "CONFLICT"],
      ["recordPublishedFigures: a negative value", RECORD_FIGURES, () => ({ input: figuresInput({ figures: [{ figure: "COOPERATIVE_COUNT", value: -1 }] }) }), "BAD_USER_INPUT"],
      ["recordPublishedFigures: an unknown figure", RECORD_FIGURES, () => ({ input: figuresInput({ figures: [{ figure: "HAPPINESS", value: 1 }] }) }), "BAD_USER_INPUT"],
      ["recordPublishedFigures: a period that ends before it starts", RECORD_FIGURES, () => ({ input: figuresInput({ to: "2021-12-31" }) }), "BAD_USER_INPUT"],
      ["recordPublishedFigures: a figure twice", RECORD_FIGURES, () => ({ input: figuresInput({ figures: [{ figure: "COOPERATIVE_COUNT", value: 1 }, { figure: "COOPERATIVE_COUNT", value: 2 }] }) }), "BAD_USER_INPUT"],
      ["recordPublishedFigures: an over-long note", RECORD_FIGURES, () => ({ input: figuresInput({ figures: [{ figure: "COOPERATIVE_COUNT", value: 1, note: "x".repeat(1001) }] }) }), "BAD_USER_INPUT"],
      ["recordPublishedFigures: a duplicate of a recorded figure", RECORD_FIGURES, () => ({ input: figuresInput({ reportTitle: "Báo cáo số 1" }) }), "CONFLICT"],
      ["correctPublishedFigure: a stale version", CORRECT_FIGURE, () => ({ input: { id: figure.id, version: figure.version + 1, value: 281 } }), "CONFLICT"],
      ["correctPublishedFigure: a value beyond Int", CORRECT_FIGURE, () => ({ input: { id: figure.id, version: figure.version, value: 2 ** 31 } }), "BAD_USER_INPUT"],
      ["correctPublishedFigure: a malformed id", CORRECT_FIGURE, () => ({ input: { id: "x", version: 1, value: 1 } }), "BAD_USER_INPUT"],
      ["removePublishedFigure: an unknown id", REMOVE_FIGURE, () => ({ input: { id: MISSING, version: 1 } }), "NOT_FOUND"],
      ["removePublishedFigure: a stale version", REMOVE_FIGURE, () => ({ input: { id: figure.id, version: figure.version + 1 } }), "CONFLICT"],
    ];
    for (const [what, query, variables, code] of catalogue) {
      it(`${what}: ${code}`, async () => {
        const before = await snapshot();
        const result = await outreach.query(query, variables(), tokens.officer());
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal(code);
        expect(JSON.stringify(result.errors)).not.to.match(/SELECT|INSERT|violates|\/work\/|\.ts:|\.js:|at .*\(/);
        expect(await snapshot()).to.deep.equal(before);
      });
    }
  });

  describe("audit log", () => {
    it("records every mutation with who, what and the change", async () => {
      const created = await createClass(outreach, { title: "Lớp kiểm toán" });
      const updated: Result = await outreach.query(UPDATE, { input: { id: created.id, version: created.version, title: "Lớp kiểm toán (sửa)" } }, tokens.admin());
      const v = updated.data!.updateTrainingClass.trainingClass.version;
      await outreach.query(ATTEND, { input: { id: created.id, version: v, participantCount: 12, cooperativeIds: [cooperativeId(7)] } }, tokens.officer());
      const f = await recordFigure();
      const corrected: Result = await outreach.query(CORRECT_FIGURE, { input: { id: f.id, version: f.version, value: 281 } }, tokens.officer());
      await outreach.query(REMOVE_FIGURE, { input: { id: f.id, version: corrected.data!.correctPublishedFigure.publishedFigure.version } }, tokens.officer());

      const classLog: Result = await outreach.query(AUDIT, { filter: { entityType: "TrainingClass", entityId: created.id } }, tokens.admin());
      const operations = classLog.data!.outreachAuditLog.edges.map((e: any) => e.node);
      expect(operations.map((o: any) => o.operation)).to.deep.equal(["recordTrainingClassAttendance", "updateTrainingClass", "createTrainingClass"]);
      expect(operations[1]).to.deep.include({ actorSubject: "admin-1", actorRole: "ADMIN", service: "outreach" });
      expect(operations[1].before).to.deep.equal({ title: "Lớp kiểm toán", version: created.version });
      expect(operations[1].after).to.deep.equal({ title: "Lớp kiểm toán (sửa)", version: v });
      expect(operations[0].after).to.deep.include({ status: "HELD", participantCount: 12, cooperativeIds: [cooperativeId(7)] });

      const figureLog: Result = await outreach.query(AUDIT, { filter: { entityId: f.id } }, tokens.admin());
      const figureOps = figureLog.data!.outreachAuditLog.edges.map((e: any) => e.node);
      expect(figureOps.map((o: any) => o.operation)).to.deep.equal(["removePublishedFigure", "correctPublishedFigure", "recordPublishedFigures"]);
      expect(figureOps[0].after).to.equal(null);
      expect(figureOps[0].before).to.include({ value: 281 });
      expect(figureOps[1].before).to.deep.equal({ value: 280, version: f.version });
    });
  });

  describe("references to the registry, hostile text", () => {
    it("refuses attendance of a cooperative the registry does not know (NOT_FOUND), writing nothing", async () => {
      const held = await createClass(outreach, { startDate: "2022-05-10", endDate: "2022-05-11" });
      const before = await snapshot();
      const result = await outreach.query(ATTEND, { input: { id: held.id, version: held.version, participantCount: 5, cooperativeIds: [cooperativeId(1), "11111111-1111-4111-8111-111111111111"] } }, tokens.officer());
      expect(result.errors?.map((e) => e.extensions?.code)).to.deep.equal(["NOT_FOUND"]);
      expect(await snapshot()).to.deep.equal(before);
    });

    for (const [what, title] of [
      ["a NUL character", "Lớp\u0000 tập huấn"],
      ["a lone surrogate", "Lớp \ud800"],
      ["blanks only", "     "],
      ["invisible characters only", "\u202e\u200b"],
    ]) {
      it(`createTrainingClass refuses a title of ${what}: BAD_USER_INPUT at input.title, nothing written`, async () => {
        const before = await snapshot();
        const result = await outreach.query(CREATE, { input: classInput({ title }) }, tokens.officer());
        expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal("BAD_USER_INPUT");
        expect(result.errors![0].extensions!.invalidInputs!.map((p) => p.path)).to.deep.equal(["input.title"]);
        expect(await snapshot()).to.deep.equal(before);
      });
    }
  });
});
