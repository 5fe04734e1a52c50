import { InMemoryCooperativeDirectory, SubgraphUnderTest, testTokens } from "@camau/shared/testing";
import { Client } from "pg";
import { createOutreachSubgraph } from "../src/subgraph";

/** The deterministic cooperatives (`cooperativeId(0..N)`) the tests' registry knows. */
export const KNOWN_COOPERATIVES = 50;

/**
 * The outreach subgraph on a fresh database (optionally with the demo dataset), with an in-memory
 * registry that knows `cooperativeId(0)` to `cooperativeId(KNOWN_COOPERATIVES)`.
 */
export function startOutreach(options: { seed?: boolean } = {}): Promise<SubgraphUnderTest> {
  const known = Array.from({ length: KNOWN_COOPERATIVES + 1 }, (_, i) => ({
    id: cooperativeId(i),
    status: "ACTIVE",
    sectorCode: "AGRICULTURE",
    sectorName: "Nông nghiệp",
    districtCode: "966",
    districtName: "Huyện U Minh",
  }));
  return SubgraphUnderTest.start(createOutreachSubgraph({ directory: new InMemoryCooperativeDirectory(known) }), options);
}
export const tokens = testTokens;

export const CREATE = `mutation ($input: CreateTrainingClassInput!) {
  createTrainingClass(input: $input) { trainingClass { id kind title status version startDate endDate districtCode communeCode districtName participantCount coOrganisers } }
}`;

export const ATTEND = `mutation ($input: RecordAttendanceInput!) {
  recordTrainingClassAttendance(input: $input) { trainingClass { id status version participantCount cooperativeCount cooperatives { id } } }
}`;

export const CANCEL = `mutation ($input: CancelTrainingClassInput!) {
  cancelTrainingClass(input: $input) { trainingClass { id status version cancelledOn cancellationReason } }
}`;

export const UPDATE = `mutation ($input: UpdateTrainingClassInput!) {
  updateTrainingClass(input: $input) { trainingClass { id kind title version startDate endDate districtCode communeCode audience } }
}`;

export const REPORT = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on CollectiveEconomyReport { from to stateManagementClassCount outreachClassCount }
  }
}`;

/** A valid class input; override what a test needs. */
export function classInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "OUTREACH",
    title: "Tuyên truyền Luật Hợp tác xã năm 2012 tại huyện U Minh",
    organiser: "Liên minh Hợp tác xã tỉnh Cà Mau",
    coOrganisers: ["UBND huyện U Minh"],
    districtCode: "966",
    communeCode: "32047",
    startDate: "2022-03-10",
    endDate: "2022-03-11",
    audience: "COOPERATIVE_MEMBERS",
    ...overrides,
  };
}

/** Creates a class as an officer and returns it; fails the test on any error. */
export async function createClass(outreach: SubgraphUnderTest, overrides: Record<string, unknown> = {}) {
  const result = await outreach.query(CREATE, { input: classInput(overrides) }, tokens.officer());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createTrainingClass.trainingClass as { id: string; version: number; status: string; startDate: string; kind: string };
}

export async function cancelClass(outreach: SubgraphUnderTest, id: string, version: number) {
  const result = await outreach.query(CANCEL, { input: { id, version, reason: "Không đủ học viên đăng ký" } }, tokens.officer());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.cancelTrainingClass.trainingClass;
}

export async function attend(outreach: SubgraphUnderTest, id: string, version: number, participantCount: number, cooperativeIds: string[]) {
  const result = await outreach.query(ATTEND, { input: { id, version, participantCount, cooperativeIds } }, tokens.officer());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.recordTrainingClassAttendance.trainingClass;
}

/** A direct connection to the subgraph's database, for row counts. */
export async function connect(outreach: SubgraphUnderTest): Promise<Client> {
  const db = new Client({ connectionString: outreach.databaseUrl });
  await db.connect();
  return db;
}

export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM training_class) AS classes, (SELECT count(*) FROM training_class_attendance) AS attendance,
            (SELECT count(*) FROM published_figure) AS published, (SELECT coalesce(sum(version), 0) FROM training_class) AS versions`,
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

/** A deterministic cooperative id for tests (the registry's ids are UUIDs). */
export function cooperativeId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}
