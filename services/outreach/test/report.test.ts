import { expect } from "chai";
import { Client } from "pg";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { REQUIRED_FIGURES } from "../src/report/CollectiveEconomyReport";
import { FIGURES } from "../src/domain/figures";
import { attend, cancelClass, connect, createClass, REPORT, rowCounts, startOutreach, tokens } from "./support";

/** A class of the test's own dataset: kind, first day, last day, and whether it gets cancelled. */
type Planned = [kind: "STATE_MANAGEMENT" | "OUTREACH" | "VOCATIONAL", start: string, end: string, cancelled?: boolean];

const DATASET: Planned[] = [
  ["OUTREACH", "2021-12-30", "2022-01-03"], // starts in 2021: counts there, not in 2022
  ["STATE_MANAGEMENT", "2022-01-01", "2022-01-02"],
  ["STATE_MANAGEMENT", "2022-01-15", "2022-01-15"],
  ["OUTREACH", "2022-01-20", "2022-01-21"],
  ["VOCATIONAL", "2022-01-25", "2022-02-20"], // straddles January and February: counts in January
  ["OUTREACH", "2022-01-31", "2022-01-31", true], // cancelled: never counts
  ["STATE_MANAGEMENT", "2022-02-10", "2022-02-11", true],
  ["VOCATIONAL", "2022-03-05", "2022-03-25"],
  ["OUTREACH", "2022-04-12", "2022-04-12"],
  ["STATE_MANAGEMENT", "2022-05-18", "2022-05-19"],
  ["OUTREACH", "2022-06-30", "2022-07-02"], // last day of the half-year: counts in it
  ["VOCATIONAL", "2022-07-01", "2022-07-30"],
  ["STATE_MANAGEMENT", "2022-09-09", "2022-09-10"],
  ["OUTREACH", "2022-11-11", "2022-11-11"],
  ["OUTREACH", "2022-12-31", "2023-01-01"], // last day of the year: counts in 2022
  ["VOCATIONAL", "2023-01-01", "2023-01-10"],
];

/** What the report must say for a period, computed from the dataset the test built. */
function expected(from: string, to: string) {
  const counted = DATASET.filter(([, start, , cancelled]) => !cancelled && start >= from && start <= to);
  return {
    stateManagementClassCount: counted.filter(([kind]) => kind === "STATE_MANAGEMENT").length,
    outreachClassCount: counted.filter(([kind]) => kind !== "STATE_MANAGEMENT").length,
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const month = String(i + 1).padStart(2, "0");
  const last = new Date(Date.UTC(2022, i + 1, 0)).getUTCDate();
  return [`2022-${month}-01`, `2022-${month}-${last}`] as const;
});

describe("outreach subgraph: the report's class counts", function () {
  let outreach: SubgraphUnderTest;

  const report = async (periods: (readonly [string, string])[]) => {
    const result = await outreach.query(REPORT, { reps: periods.map(([from, to]) => ({ __typename: "CollectiveEconomyReport", from, to, territory: "OLD_CA_MAU" })) });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!._entities as { from: string; to: string; stateManagementClassCount: number; outreachClassCount: number }[];
  };

  before(async function () {
    this.timeout(120_000);
    outreach = await startOutreach();
    for (const [kind, startDate, endDate, cancelled] of DATASET) {
      const c = await createClass(outreach, { kind, startDate, endDate, title: `${kind} ${startDate}` });
      if (cancelled) await cancelClass(outreach, c.id, c.version);
      else await attend(outreach, c.id, c.version, 30, []);
    }
  });

  after(async () => {
    await outreach?.stop();
  });

  it("counts the classes of a year by their first day, cancelled ones excluded", async () => {
    const [year] = await report([["2022-01-01", "2022-12-31"]]);
    expect(year).to.deep.include(expected("2022-01-01", "2022-12-31"));
    expect(year).to.deep.include({ stateManagementClassCount: 4, outreachClassCount: 8 });
  });

  it("counts a month and a half-year consistently with the records", async () => {
    const [january, half] = await report([["2022-01-01", "2022-01-31"], ["2022-01-01", "2022-06-30"]]);
    expect(january).to.deep.include({ from: "2022-01-01", to: "2022-01-31", stateManagementClassCount: 2, outreachClassCount: 2 });
    expect(half).to.deep.include(expected("2022-01-01", "2022-06-30"));
    expect(half).to.deep.include({ stateManagementClassCount: 3, outreachClassCount: 5 });
  });

  it("makes the twelve months add up to the year and the two halves add up to the year", async () => {
    const rows = await report([["2022-01-01", "2022-12-31"], ["2022-01-01", "2022-06-30"], ["2022-07-01", "2022-12-31"], ...MONTHS]);
    const [year, h1, h2, ...months] = rows;
    for (const [i, [from, to]] of MONTHS.entries()) expect(months[i]).to.deep.include({ from, to, ...expected(from, to) });
    for (const figure of ["stateManagementClassCount", "outreachClassCount"] as const) {
      expect(months.reduce((sum, m) => sum + m[figure], 0)).to.equal(year[figure]);
      expect(h1[figure] + h2[figure]).to.equal(year[figure]);
    }
  });

  it("agrees with the class list filtered to the same period", async () => {
    for (const [from, to] of [["2022-01-01", "2022-12-31"], ["2022-01-01", "2022-01-31"], ["2022-01-01", "2022-06-30"]] as const) {
      const list = await outreach.query(
        `query ($f: TrainingClassFilter, $g: TrainingClassFilter) {
           sm: trainingClasses(filter: $f) { totalCount }
           ov: trainingClasses(filter: $g) { totalCount } }`,
        {
          f: { from, to, kinds: ["STATE_MANAGEMENT"], statuses: ["SCHEDULED", "HELD"] },
          g: { from, to, kinds: ["OUTREACH", "VOCATIONAL"], statuses: ["SCHEDULED", "HELD"] },
        },
      );
      const [counts] = await report([[from, to]]);
      expect(counts.stateManagementClassCount).to.equal(list.data!.sm.totalCount);
      expect(counts.outreachClassCount).to.equal(list.data!.ov.totalCount);
    }
  });

  it("stops counting a class once it is cancelled, and counts a scheduled one", async () => {
    const [before] = await report([["2022-08-01", "2022-08-31"]]);
    const c = await createClass(outreach, { kind: "STATE_MANAGEMENT", startDate: "2022-08-08", endDate: "2022-08-09" });
    const [scheduled] = await report([["2022-08-01", "2022-08-31"]]);
    expect(scheduled.stateManagementClassCount).to.equal(before.stateManagementClassCount + 1);
    await cancelClass(outreach, c.id, c.version);
    const [after] = await report([["2022-08-01", "2022-08-31"]]);
    expect(after).to.deep.equal(before);
  });

  it("resolves a malformed or reversed period to null instead of sending it to SQL", async () => {
    const result = await outreach.query(REPORT, {
      reps: [
        { __typename: "CollectiveEconomyReport", from: "2022-13-01", to: "2022-12-31", territory: "OLD_CA_MAU" },
        { __typename: "CollectiveEconomyReport", from: "2022-12-31", to: "2022-01-01", territory: "OLD_CA_MAU" },
      ],
    });
    expect(result.errors).to.equal(undefined);
    expect(result.data!._entities).to.deep.equal([null, null]);
  });

  it("gives zero for a period without classes, and one statement for many periods", async () => {
    const statements = await outreach.sqlStatements();
    const rows = await report([["1999-01-01", "1999-12-31"], ...MONTHS]);
    expect(rows[0]).to.deep.include({ stateManagementClassCount: 0, outreachClassCount: 0 });
    expect((await outreach.sqlStatements()) - statements).to.equal(1);
  });
});

describe("outreach subgraph: published figures beside derived ones", function () {
  let outreach: SubgraphUnderTest;
  let db: Client;

  const RECORD = `mutation ($input: RecordPublishedFiguresInput!) { recordPublishedFigures(input: $input) { publishedFigures { id figure value province version } } }`;
  const COMPARE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollectiveEconomyReport {
    from to stateManagementClassCount
    publishedFigures { figure derivedField publishedValue derivedValue difference status publishedFigure { publisher reportTitle province } } } } }`;
  const period = { from: "2022-01-01", to: "2022-06-30" };
  const key = { ...period, territory: "OLD_CA_MAU" };
  const recordInput = (figures: Record<string, unknown>[], overrides: Record<string, unknown> = {}) => ({
    reportTitle: "Báo cáo tình hình KTTT 6 tháng đầu năm 2022",
    publisher: "Liên minh Hợp tác xã tỉnh Cà Mau",
    ...period,
    figures,
    ...overrides,
  });
  /** What the gateway would put in the representation: the figures owned by the other subgraphs. */
  const derivedElsewhere: Record<string, number> = {
    cooperativeCount: 281,
    cooperativeGroupCount: 961,
    memberCount: 14500,
    unionCount: 1,
    unionMemberCooperativeCount: 5,
    newCooperativeCount: 12,
    newAllianceMemberCount: 4,
    fundedProjectCount: 20,
  };
  const representation = () => ({
    __typename: "CollectiveEconomyReport",
    ...key,
    ...Object.fromEntries(REQUIRED_FIGURES.map((f) => [FIGURES[f].field, derivedElsewhere[FIGURES[f].field]])),
  });

  before(async function () {
    this.timeout(120_000);
    outreach = await startOutreach();
    db = await connect(outreach);
    for (const [kind, startDate] of [["STATE_MANAGEMENT", "2022-02-01"], ["STATE_MANAGEMENT", "2022-03-01"], ["OUTREACH", "2022-03-02"], ["VOCATIONAL", "2022-07-02"]]) {
      await createClass(outreach, { kind, startDate, endDate: startDate });
    }
  });

  after(async () => {
    await db?.end();
    await outreach?.stop();
  });

  it("records published figures (OFFICER) and compares each with the derived value", async () => {
    const recorded = await outreach.query(
      RECORD,
      {
        input: recordInput([
          { figure: "STATE_MANAGEMENT_CLASS_COUNT", value: 2 },
          { figure: "OUTREACH_CLASS_COUNT", value: 3, note: "mở 03 lớp tuyên truyền, truyền nghề" },
          { figure: "COOPERATIVE_COUNT", value: 275 },
          { figure: "COOPERATIVE_GROUP_COUNT", value: 961 },
          { figure: "TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT", value: 10, province: "Hà Nội" },
          { figure: "FUNDED_PROJECT_COUNT", value: 22 },
        ]),
      },
      tokens.officer(),
    );
    expect(recorded.errors, JSON.stringify(recorded.errors)).to.equal(undefined);
    expect(recorded.data!.recordPublishedFigures.publishedFigures).to.have.length(6);

    const result = await outreach.query(COMPARE, { reps: [representation()] });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const [r] = result.data!._entities;
    const byFigure = Object.fromEntries(r.publishedFigures.map((p: { figure: string }) => [p.figure, p]));
    expect(r.publishedFigures.map((p: { figure: string }) => p.figure)).to.deep.equal([
      "COOPERATIVE_COUNT",
      "COOPERATIVE_GROUP_COUNT",
      "STATE_MANAGEMENT_CLASS_COUNT",
      "OUTREACH_CLASS_COUNT",
      "TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT",
      "FUNDED_PROJECT_COUNT",
    ]);
    expect(byFigure.STATE_MANAGEMENT_CLASS_COUNT).to.deep.include({ publishedValue: 2, derivedValue: 2, difference: 0, status: "MATCHES", derivedField: "stateManagementClassCount" });
    expect(byFigure.OUTREACH_CLASS_COUNT).to.deep.include({ publishedValue: 3, derivedValue: 1, difference: -2, status: "DIFFERS" });
    expect(byFigure.COOPERATIVE_COUNT).to.deep.include({ publishedValue: 275, derivedValue: 281, difference: 6, status: "DIFFERS", derivedField: "cooperativeCount" });
    expect(byFigure.COOPERATIVE_GROUP_COUNT).to.deep.include({ publishedValue: 961, derivedValue: 961, difference: 0, status: "MATCHES" });
    expect(byFigure.TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT).to.deep.include({
      publishedValue: 10,
      derivedValue: null,
      difference: null,
      status: "NOT_DERIVED",
      derivedField: 'tradePromotionSupportedCooperativeCount(province: "Hà Nội")',
    });
    expect(byFigure.TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT.publishedFigure.province).to.equal("Hà Nội");
    // The fund's figure is derived through @requires only once the fund subgraph is in the catalog.
    if (REQUIRED_FIGURES.includes("FUNDED_PROJECT_COUNT" as never)) {
      expect(byFigure.FUNDED_PROJECT_COUNT).to.deep.include({ derivedValue: 20, difference: -2, status: "DIFFERS" });
    } else {
      expect(byFigure.FUNDED_PROJECT_COUNT).to.deep.include({ derivedValue: null, status: "NOT_DERIVED", derivedField: "fundedProjectCount" });
    }
  });

  it("shows only the figures published for exactly the report's period, from every publisher", async () => {
    const other = await outreach.query(
      RECORD,
      { input: recordInput([{ figure: "STATE_MANAGEMENT_CLASS_COUNT", value: 3 }], { publisher: "Sở Kế hoạch và Đầu tư tỉnh Cà Mau", reportTitle: "Báo cáo KTTT quý II năm 2022" }) },
      tokens.admin(),
    );
    expect(other.errors).to.equal(undefined);
    const year = await outreach.query(
      RECORD,
      { input: recordInput([{ figure: "STATE_MANAGEMENT_CLASS_COUNT", value: 5 }], { from: "2022-01-01", to: "2022-12-31", reportTitle: "Báo cáo tổng kết năm 2022" }) },
      tokens.officer(),
    );
    expect(year.errors).to.equal(undefined);
    const result = await outreach.query(COMPARE, { reps: [representation(), { ...representation(), from: "2022-01-01", to: "2022-12-31" }] });
    const [half, full] = result.data!._entities;
    const stateManagement = half.publishedFigures.filter((p: { figure: string }) => p.figure === "STATE_MANAGEMENT_CLASS_COUNT");
    expect(stateManagement.map((p: { publishedValue: number; status: string }) => [p.publishedValue, p.status])).to.have.deep.members([
      [2, "MATCHES"],
      [3, "DIFFERS"],
    ]);
    expect(full.publishedFigures.map((p: { publishedValue: number; derivedValue: number; difference: number }) => [p.publishedValue, p.derivedValue, p.difference])).to.deep.equal([[5, 2, -3]]);
  });

  it("treats a representation without the required figures as not derived rather than failing", async () => {
    const result = await outreach.query(COMPARE, { reps: [{ __typename: "CollectiveEconomyReport", ...key }] });
    expect(result.errors).to.equal(undefined);
    const cooperatives = result.data!._entities[0].publishedFigures.find((p: { figure: string }) => p.figure === "COOPERATIVE_COUNT");
    expect(cooperatives).to.deep.include({ derivedValue: null, status: "NOT_DERIVED" });
  });

  it("refuses to record the same figure of the same report twice (CONFLICT), writing nothing", async () => {
    const before = await rowCounts(db);
    const result = await outreach.query(RECORD, { input: recordInput([{ figure: "MEMBER_COUNT", value: 1 }, { figure: "STATE_MANAGEMENT_CLASS_COUNT", value: 2 }]) }, tokens.officer());
    expect(result.errors![0].extensions!.code).to.equal("CONFLICT");
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  it("refuses recording without a token or with another role, writing nothing", async () => {
    const before = await rowCounts(db);
    const input = recordInput([{ figure: "UNION_COUNT", value: 1 }]);
    expect((await outreach.query(RECORD, { input })).errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
    expect((await outreach.query(RECORD, { input }, tokens.fundOfficer())).errors![0].extensions!.code).to.equal("FORBIDDEN");
    expect(await rowCounts(db)).to.deep.equal(before);
  });

  const badRecords: [string, Record<string, unknown>, string][] = [
    ["a period ending before it starts", recordInput([{ figure: "UNION_COUNT", value: 1 }], { from: "2022-06-30", to: "2022-01-01" }), "input.to"],
    ["a province on a figure that is not about one", recordInput([{ figure: "UNION_COUNT", value: 1, province: "Hà Nội" }]), "input.figures.0.province"],
    ["the same figure twice", recordInput([{ figure: "UNION_COUNT", value: 1 }, { figure: "UNION_COUNT", value: 2 }]), "input.figures.1.figure"],
    ["a negative value", recordInput([{ figure: "UNION_COUNT", value: -1 }]), "input.figures.0.value"],
    ["no figures", recordInput([]), "input.figures"],
    ["an empty publisher", recordInput([{ figure: "UNION_COUNT", value: 1 }], { publisher: "" }), "input.publisher"],
    ["a publication date in the future", recordInput([{ figure: "UNION_COUNT", value: 1 }], { publishedOn: "2999-01-01" }), "input.publishedOn"],
  ];
  for (const [what, input, path] of badRecords) {
    it(`refuses ${what} with BAD_USER_INPUT at ${path}, writing nothing`, async () => {
      const before = await rowCounts(db);
      const result = await outreach.query(RECORD, { input }, tokens.officer());
      expect(result.errors, JSON.stringify(result)).to.have.length(1);
      expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.invalidInputs!.map((i) => i.path)).to.include(path);
      expect(await rowCounts(db)).to.deep.equal(before);
    });
  }

  it("refuses a figure name outside the report's figures", async () => {
    const result = await outreach.query(RECORD, { input: recordInput([{ figure: "GOOD_COOPERATIVE_COUNT", value: 1 }]) }, tokens.officer());
    expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
  });

  it("corrects and removes a published figure with its version", async () => {
    const recorded = await outreach.query(RECORD, { input: recordInput([{ figure: "NEW_COOPERATIVE_COUNT", value: 61 }], { reportTitle: "Bản tin KTTT tháng 6/2022" }) }, tokens.officer());
    const { id } = recorded.data!.recordPublishedFigures.publishedFigures[0];
    const correct = `mutation ($input: CorrectPublishedFigureInput!) { correctPublishedFigure(input: $input) { publishedFigure { value version note } } }`;
    const corrected = await outreach.query(correct, { input: { id, version: 1, value: 16, note: "đọc nhầm 61" } }, tokens.officer());
    expect(corrected.data!.correctPublishedFigure.publishedFigure).to.deep.equal({ value: 16, version: 2, note: "đọc nhầm 61" });
    const stale = await outreach.query(correct, { input: { id, version: 1, value: 17 } }, tokens.officer());
    expect(stale.errors![0].extensions!.code).to.equal("CONFLICT");
    const remove = `mutation ($input: RemovePublishedFigureInput!) { removePublishedFigure(input: $input) { id } }`;
    expect((await outreach.query(remove, { input: { id, version: 2 } }, tokens.manager("6f1c0f4e-0000-4000-8000-000000000000"))).errors![0].extensions!.code).to.equal("FORBIDDEN");
    expect((await outreach.query(remove, { input: { id, version: 2 } }, tokens.officer())).data!.removePublishedFigure.id).to.equal(id);
    expect((await outreach.query(`query ($id: ID!) { publishedFigure(id: $id) { id } }`, { id })).data!.publishedFigure).to.equal(null);
  });

  it("lists published figures by period and figure", async () => {
    const result = await outreach.query(`{ publishedFigures(filter: { from: "2022-01-01", to: "2022-06-30", figures: [STATE_MANAGEMENT_CLASS_COUNT] }) { totalCount edges { node { value publisher from to } } } }`);
    expect(result.data!.publishedFigures.totalCount).to.equal(2);
  });
});
