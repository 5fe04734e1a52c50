import { ARTICLE_FIGURES } from "@camau/demo-data";
import { expect } from "chai";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { startRegistry, tokens } from "./support";

describe("registry subgraph on the demo dataset", function () {
  let registry: SubgraphUnderTest;

  before(async function () {
    this.timeout(180_000);
    registry = await startRegistry({ seed: true });
  });
  after(() => registry?.stop());

  it("reproduces the article's registry figures for the first half of 2021", async () => {
    const result = await registry.query(`{
      collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") {
        cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount newCooperativeCount newAllianceMemberCount
        bySector { cooperativeCount } byDistrict { cooperativeCount } byRating { goodOrFairCount byRating { cooperativeCount } }
      } }`);
    expect(result.errors).to.equal(undefined);
    const report = result.data!.collectiveEconomyReport;
    // The article's figures: 275, 961, 14190, 1, 5, 16 and 7.
    expect(report).to.include(ARTICLE_FIGURES);
    const sum = (rows: { cooperativeCount: number }[]) => rows.reduce((s, r) => s + r.cooperativeCount, 0);
    expect(sum(report.bySector)).to.equal(275);
    expect(sum(report.byDistrict)).to.equal(275);
    expect(sum(report.byRating.byRating)).to.equal(275);
    expect(report.byRating.goodOrFairCount).to.be.greaterThan(0);
  });

  it("finds 'Hợp tác xã Nông nghiệp ...' cooperatives when searching 'hop tac xa nong nghiep'", async () => {
    const result = await registry.query(`{ cooperatives(filter: { search: "hop tac xa nong nghiep" }, first: 100) { totalCount edges { node { name } } } }`);
    const names: string[] = result.data!.cooperatives.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(name.toLowerCase()).to.include("nông nghiệp");
    // Unaccented words match accented names: "Hợp tác xã Nông nghiệp …", "Hợp tác xã Dịch vụ Nông nghiệp …".
    expect(names.some((n) => n.startsWith("Hợp tác xã ") && n.includes("Nông nghiệp"))).to.equal(true);
  });

  it("pages through every cooperative with cursors, without gaps or repeats", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page++) {
      const result: any = await registry.query(`query ($after: String) { cooperatives(first: 100, after: $after, orderBy: [{ field: FOUNDED_ON, direction: DESC }]) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      const connection = result.data.cooperatives;
      total = connection.totalCount;
      for (const edge of connection.edges) {
        expect(seen.has(edge.node.id)).to.equal(false);
        seen.add(edge.node.id);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.size).to.equal(total);
  });

  it("serves a page of 50 cooperatives with district, sector, latest classification and union in as many SQL statements as a page of 5", async () => {
    const PAGE = `query ($first: Int) { cooperatives(first: $first) { edges { node {
      name district { name } commune { name } sector { name } latestClassification { year rating } memberCount
      unionMembership { joinedOn union { name } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const before = await registry.sqlStatements();
      const result = await registry.query(PAGE, { first });
      expect(result.errors).to.equal(undefined);
      expect(result.data!.cooperatives.edges).to.have.length(first);
      return (await registry.sqlStatements()) - before;
    };
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).to.be.at.most(five);
  });

  it("serves the members of a page of 50 cooperatives, current or all, in as many SQL statements as for 5", async () => {
    const PAGE = `query ($first: Int) { cooperatives(first: $first) { edges { node {
      members(first: 3) { totalCount edges { node { fullName joinedOn } } pageInfo { hasNextPage endCursor } }
      all: members(first: 2, includeFormer: true) { totalCount edges { node { fullName } } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const before = await registry.sqlStatements();
      const result = await registry.query(PAGE, { first }, tokens.officer());
      expect(result.errors).to.equal(undefined);
      expect(result.data!.cooperatives.edges).to.have.length(first);
      return { statements: (await registry.sqlStatements()) - before, edges: result.data!.cooperatives.edges };
    };
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty.statements).to.be.at.most(five.statements);
    // The batched pages are the same as each cooperative's own, page after page.
    const first = fifty.edges.find((e: { node: { members: { totalCount: number } } }) => e.node.members.totalCount > 3)!.node.members;
    expect(first.pageInfo.hasNextPage).to.equal(true);
    expect(first.edges).to.have.length(3);
    const joined = first.edges.map((e: { node: { joinedOn: string } }) => e.node.joinedOn);
    expect([...joined].sort()).to.deep.equal(joined);
  });
});
