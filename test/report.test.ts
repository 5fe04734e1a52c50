import { expect } from "chai";
import { e2eStack, graphql } from "./support/stack";

/** The README's headline query: every figure of the provincial article in one request. */
export const ARTICLE_QUERY = `query ArticleFigures {
  collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") {
    cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount
    newCooperativeCount stateManagementClassCount outreachClassCount newAllianceMemberCount
    tradePromotionSupportedCooperativeCount(province: "Hà Nội")
    fundedProjectCount
    publishedFigures { figure publishedValue derivedValue difference status derivedField }
  }
}`;

describe("end to end: the semi-annual report through the gateway", function () {
  before(async function () {
    this.timeout(240_000);
    await e2eStack();
  });

  it("returns the article's eleven figures for 2021-01-01..2021-06-30, each matching its published value", async () => {
    const result = await graphql<{ collectiveEconomyReport: Record<string, any> }>(ARTICLE_QUERY);
    expect(result.errors).to.equal(undefined);
    const report = result.data!.collectiveEconomyReport;
    const figures = [
      report.cooperativeCount, report.cooperativeGroupCount, report.memberCount, report.unionCount,
      report.unionMemberCooperativeCount, report.newCooperativeCount, report.stateManagementClassCount,
      report.outreachClassCount, report.newAllianceMemberCount, report.tradePromotionSupportedCooperativeCount,
      report.fundedProjectCount,
    ];
    expect(figures).to.deep.equal([275, 961, 14190, 1, 5, 16, 9, 56, 7, 10, 22]);
    const published = report.publishedFigures as { figure: string; publishedValue: number; derivedValue: number | null; status: string; derivedField: string }[];
    expect(published).to.have.length(11);
    for (const row of published) {
      // A figure derived outside this comparison (the province-specific one) is read beside it.
      const derived = row.status === "NOT_DERIVED" ? report[row.derivedField.replace(/\(.*$/, "")] : row.derivedValue;
      expect(derived, row.figure).to.equal(row.publishedValue);
      if (row.status !== "NOT_DERIVED") expect(row.status, row.figure).to.equal("MATCHES");
    }
  });

  it("finds 'Hợp tác xã Nông nghiệp ...' through the gateway when searching without diacritics", async () => {
    const result = await graphql<{ cooperatives: { edges: { node: { name: string } }[] } }>(
      `{ cooperatives(filter: { search: "hop tac xa nong nghiep" }, first: 10) { edges { node { name } } } }`,
    );
    expect(result.errors).to.equal(undefined);
    const names = result.data!.cooperatives.edges.map((e) => e.node.name);
    expect(names.length).to.be.greaterThan(0);
    expect(names.every((n) => n.startsWith("Hợp tác xã Nông nghiệp") || n.toLowerCase().includes("nông nghiệp"))).to.equal(true);
  });

  it("gives any other period consistent figures: the two halves of 2021 add up to the year's flows", async () => {
    const flows = `newCooperativeCount newAllianceMemberCount stateManagementClassCount outreachClassCount fundedProjectCount`;
    const query = `{ h1: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { ${flows} }
      h2: collectiveEconomyReport(from: "2021-07-01", to: "2021-12-31") { ${flows} }
      y: collectiveEconomyReport(from: "2021-01-01", to: "2021-12-31") { ${flows} } }`;
    const result = await graphql<Record<string, Record<string, number>>>(query);
    expect(result.errors).to.equal(undefined);
    const { h1, h2, y } = result.data!;
    for (const key of Object.keys(y)) expect(h1[key] + h2[key], key).to.equal(y[key]);
  });
});
