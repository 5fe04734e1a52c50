import { expect } from "chai";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { DEFAULT_SEED as DEFAULT_REGISTRY_SEED, generateRegistry } from "@camau/demo-data";
import { successorCodes } from "@camau/shared";
import { ARTICLE_PUBLISHED_FIGURES, generateOutreach, registryCooperativePool, REPORT_FROM, REPORT_TO } from "../src/seed";
import { candidatesOf, CooperativePool } from "../src/seed/generateOutreach";
import { startOutreach } from "./support";

describe("outreach subgraph: demo dataset", function () {
  let outreach: SubgraphUnderTest;

  before(async function () {
    this.timeout(180_000);
    outreach = await startOutreach({ seed: true });
  });

  after(async () => {
    await outreach?.stop();
  });

  it("is deterministic", () => {
    expect(JSON.stringify(generateOutreach())).to.equal(JSON.stringify(generateOutreach()));
  });

  it("draws each class's attendance from the registry's pool as Random.sample draws from the list of its active cooperatives", async () => {
    const registry = generateRegistry({ seed: DEFAULT_REGISTRY_SEED, scale: 2 });
    // A cooperative's status on a date: that of its last status change on or before it (the one recorded last on a day).
    const changes = new Map<string, { on: string; at: string; status: string }[]>();
    for (const e of registry.events) if (e.statusAfter) changes.set(e.cooperativeId, [...(changes.get(e.cooperativeId) ?? []), { on: e.effectiveOn, at: e.recordedAt, status: e.statusAfter }]);
    for (const list of changes.values()) list.sort((a, b) => (a.on === b.on ? (a.at < b.at ? -1 : 1) : a.on < b.on ? -1 : 1));
    const active = (id: string, date: string) => (changes.get(id) ?? []).filter((e) => e.on <= date).pop()?.status === "ACTIVE";
    const listed: CooperativePool = {
      activeOn: (date, district) => candidatesOf(registry.cooperatives.filter((c) => c.districtCode === district && active(c.id, date)).map((c) => c.id)),
      activeInNewCommune: (date, commune) =>
        candidatesOf(registry.cooperatives.filter((c) => (c.districtCode ? successorCodes(c.communeCode) : [c.communeCode]).includes(commune) && active(c.id, date)).map((c) => c.id)),
    };
    const drawn = generateOutreach({ pool: await registryCooperativePool(() => undefined, registry), scale: 2 });
    expect(drawn.classes.filter((c) => c.cooperativeIds.length > 0).length).to.be.greaterThan(1000);
    expect(JSON.stringify(drawn)).to.equal(JSON.stringify(generateOutreach({ pool: listed, scale: 2 })));
  });

  it("holds the article's 9 state-management and 56 outreach and vocational classes in the first half of 2021", async () => {
    const result = await outreach.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollectiveEconomyReport { stateManagementClassCount outreachClassCount } } }`,
      { reps: [{ __typename: "CollectiveEconomyReport", from: REPORT_FROM, to: REPORT_TO, territory: "OLD_CA_MAU" }] },
    );
    expect(result.data!._entities[0]).to.deep.equal({ stateManagementClassCount: 9, outreachClassCount: 56 });
  });

  it("has classes from 2019 on, some cancelled, with Vietnamese titles and organisers", async () => {
    const first = await outreach.query(`{ trainingClasses(first: 1) { totalCount edges { node { startDate title organiser coOrganisers } } } }`);
    const { totalCount, edges } = first.data!.trainingClasses;
    expect(totalCount).to.be.greaterThan(500);
    expect(edges[0].node.startDate.slice(0, 4)).to.equal("2019");
    expect(edges[0].node.organiser).to.match(/Liên minh Hợp tác xã tỉnh Cà Mau|UBND/);
    const cancelled = await outreach.query(`{ trainingClasses(filter: { statuses: [CANCELLED], from: "2021-01-01", to: "2021-06-30" }) { totalCount } }`);
    expect(cancelled.data!.trainingClasses.totalCount).to.equal(2);
  });

  it("records the article's eleven figures as published for 2021-01-01..2021-06-30, and the local ones match the records", async () => {
    const result = await outreach.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollectiveEconomyReport {
         publishedFigures { figure publishedValue derivedValue status publishedFigure { publisher reportTitle province } } } } }`,
      { reps: [{ __typename: "CollectiveEconomyReport", from: REPORT_FROM, to: REPORT_TO, territory: "OLD_CA_MAU" }] },
    );
    const figures = result.data!._entities[0].publishedFigures as { figure: string; publishedValue: number; derivedValue: number | null; status: string; publishedFigure: { publisher: string; reportTitle: string } }[];
    expect(figures.map((f) => f.publishedValue)).to.deep.equal([275, 961, 14190, 1, 5, 16, 9, 56, 7, 10, 22]);
    expect(figures.map((f) => f.figure)).to.deep.equal(ARTICLE_PUBLISHED_FIGURES.map((f) => f.figure));
    for (const f of figures) expect(f.publishedFigure).to.deep.include({ publisher: "Liên minh Hợp tác xã tỉnh Cà Mau", reportTitle: "Báo cáo tình hình KTTT 6 tháng đầu năm 2021" });
    expect(figures.filter((f) => f.status === "MATCHES").map((f) => f.figure)).to.deep.equal(["STATE_MANAGEMENT_CLASS_COUNT", "OUTREACH_CLASS_COUNT"]);
  });

  it("names registry cooperatives in attendance, and lists a cooperative's classes", async () => {
    const result = await outreach.query(`{ trainingClasses(filter: { kinds: [VOCATIONAL], from: "2021-01-01", to: "2021-06-30" }, first: 50) { edges { node { cooperatives { id } } } } }`);
    const ids = result.data!.trainingClasses.edges.flatMap((e: { node: { cooperatives: { id: string }[] } }) => e.node.cooperatives.map((c) => c.id));
    expect(ids.length).to.be.greaterThan(0);
    const cooperative = await outreach.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { trainingClasses(first: 3) { totalCount edges { node { id } } } } } }`,
      { reps: [{ __typename: "Cooperative", id: ids[0] }] },
    );
    expect(cooperative.data!._entities[0].trainingClasses.totalCount).to.be.greaterThan(0);
  });
});
