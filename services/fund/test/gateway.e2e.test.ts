import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSchema as buildRegistrySchema } from "@camau/registry/dist/src/schema.js";
import { registrySubgraph } from "@camau/registry/dist/src/subgraph.js";
import { HttpCooperativeDirectory } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { parse } from "graphql";
import { buildSchema as buildFundSchema } from "../src/schema";
import { createFundSubgraph } from "../src/subgraph";
import { code, SUBMIT, tokens } from "./support";

/** The gateway package, loaded at run time (it is built by the root build; the fund does not compile against it). */
interface Gateway {
  url: string;
  stop(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startGateway } = require("@camau/gateway") as { startGateway(options: { port: number; supergraphSdl: string; subgraphUrls: Record<string, string> }): Promise<Gateway> };

/**
 * The fund as clients meet it: the real gateway in front of the registry and the fund (both with
 * their demo data), on a supergraph composed from the two subgraphs' SDL.
 */
describe("end to end: registry and fund behind the gateway", function () {
  this.timeout(300_000);
  let registry: SubgraphUnderTest;
  let fund: SubgraphUnderTest;
  let gateway: Gateway;

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };

  before(async () => {
    registry = await SubgraphUnderTest.start(registrySubgraph, { seed: true });
    fund = await SubgraphUnderTest.start(createFundSubgraph({ directory: new HttpCooperativeDirectory(registry.server.url) }), { seed: true });
    const composition = composeServices([
      { name: "registry", url: registry.server.url, typeDefs: parse(printSubgraphSchema(await buildRegistrySchema())) },
      { name: "fund", url: fund.server.url, typeDefs: parse(printSubgraphSchema(await buildFundSchema())) },
    ]);
    expect(composition.errors, JSON.stringify(composition.errors?.map((e) => e.message))).to.equal(undefined);
    gateway = await startGateway({ port: 0, supergraphSdl: composition.supergraphSdl!, subgraphUrls: { registry: registry.server.url, fund: fund.server.url } });
  });
  after(async () => {
    await gateway?.stop();
    await fund?.stop();
    await registry?.stop();
  });

  it("reads a cooperative from the registry with its loans, schedules and summary from the fund in one query", async () => {
    const { rows } = await fund.query(`{ loans(first: 1, filter: { firstDisbursedFrom: "2021-01-01", firstDisbursedTo: "2021-06-30" }) { edges { node { cooperative { id } } } } }`, {}, tokens.officer()).then((r) => ({ rows: r.data!.loans.edges }));
    const id = rows[0].node.cooperative.id;
    const result = await post(
      `query ($id: ID!) { cooperative(id: $id) {
        id code name status sector { name } district { name }
        fundSummary(asOf: "2021-06-30") { outstandingPrincipal activeLoanCount overdueAmount }
        loans(first: 5) { totalCount edges { node {
          contractNumber principal firstDisbursedOn status(asOf: "2021-06-30")
          borrower { sectorName districtName }
          position(asOf: "2021-06-30") { outstandingPrincipal daysPastDue debtGroup }
          schedule(asOf: "2021-06-30") { totalPrincipal maturityDate installments { number dueDate principal interest status } }
          cooperative { name }
        } } }
      } }`,
      { id },
      tokens.fundOfficer(),
    );
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const c = result.data.cooperative;
    expect(c.code).to.match(/^\d{10}$/);
    expect(c.loans.totalCount).to.be.greaterThan(0);
    const loan = c.loans.edges.find((e: any) => e.node.firstDisbursedOn >= "2021-01-01" && e.node.firstDisbursedOn <= "2021-06-30").node;
    expect(loan.cooperative.name).to.equal(c.name);
    expect(loan.borrower.sectorName).to.equal(c.sector.name);
    expect(loan.borrower.districtName).to.equal(c.district.name);
    expect(loan.schedule.installments.length).to.be.greaterThan(0);
    expect(loan.schedule.installments.reduce((s: number, i: any) => s + i.principal, 0)).to.equal(loan.schedule.totalPrincipal);
    expect(c.fundSummary.outstandingPrincipal).to.be.at.least(loan.position.outstandingPrincipal);
  });

  it("gives the article's figures for the first half of 2021, fund and registry in one report", async () => {
    const result = await post(`{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount newCooperativeCount fundedProjectCount fundDisbursedAmount fundOutstandingPrincipal } }`);
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.data.collectiveEconomyReport).to.include({ cooperativeCount: 275, newCooperativeCount: 16, fundedProjectCount: 22 });
    expect(result.data.collectiveEconomyReport.fundDisbursedAmount).to.be.greaterThan(22 * 100_000_000);
  });

  it("shows the public the registry's data and the portfolio, not the loans", async () => {
    const { rows } = await fund.query(`{ loans(first: 1) { edges { node { cooperative { id } } } } }`, {}, tokens.officer()).then((r) => ({ rows: r.data!.loans.edges }));
    const result = await post(`query ($id: ID!) { cooperative(id: $id) { name loans { totalCount } } fundPortfolio(asOf: "2021-06-30") { loansOutstanding par30Ratio } }`, { id: rows[0].node.cooperative.id });
    expect(code(result)).to.equal("UNAUTHENTICATED");
    expect(result.data.cooperative.name).to.be.a("string");
    expect(result.data.cooperative.loans).to.equal(null);
    expect(result.data.fundPortfolio.loansOutstanding).to.be.greaterThan(0);
  });

  it("takes an application through the gateway, checking the cooperative in the registry", async () => {
    const { data } = await post(`{ cooperatives(first: 1, filter: { statuses: [ACTIVE] }) { edges { node { id sector { code } } } } loanProducts { id code } }`);
    const cooperative = data.cooperatives.edges[0].node;
    const productId = data.loanProducts.find((p: any) => p.code === "PHUONG-AN-SXKD").id;
    const result = await post(SUBMIT, { input: { cooperativeId: cooperative.id, productId, projectName: "Mua máy sấy", purpose: "Sấy lúa cho thành viên", requestedAmount: 300_000_000, requestedTermMonths: 24 } }, tokens.manager(cooperative.id));
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.data.submitLoanApplication.application.borrower.sectorCode).to.equal(cooperative.sector.code);
  });
});
