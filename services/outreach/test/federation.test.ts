import { composeServices } from "@apollo/composition";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { RunningGateway, startGateway } from "@camau/gateway";
import { registrySubgraph } from "@camau/registry/dist/src/subgraph";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { parse } from "graphql";
import { FIGURES, ReportFigure } from "../src/domain/figures";
import { REQUIRED_FIGURES } from "../src/report/CollectiveEconomyReport";
import { buildSchema } from "../src/schema";
import { startOutreach } from "./support";

/** The figures of subgraphs other than the registry that this subgraph requires, served by a stub. */
const STUB_VALUES: Partial<Record<ReportFigure, number>> = { [ReportFigure.FUNDED_PROJECT_COUNT]: 22 };

/**
 * The registry (demo data) and the outreach subgraph (demo data) behind the project's gateway,
 * composed from their SDL as `npm run compose` does, to check the published-versus-derived design
 * through federation: `publishedFigures` @requires the registry's figures and gets them from it.
 */
describe("outreach subgraph: published figures through the gateway (@requires)", function () {
  let registry: SubgraphUnderTest;
  let outreach: SubgraphUnderTest;
  let stub: { url: string; stop: () => Promise<void> } | undefined;
  let gateway: RunningGateway;

  const query = async (text: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: text, variables }) });
    return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  before(async function () {
    this.timeout(300_000);
    [registry, outreach] = await Promise.all([SubgraphUnderTest.start(registrySubgraph, { seed: true }), startOutreach({ seed: true })]);
    const services = [
      { name: "registry", url: registry.server.url, typeDefs: parse(printSubgraphSchema(await registrySubgraph.buildSchema())) },
      { name: "outreach", url: outreach.server.url, typeDefs: parse(printSubgraphSchema(await buildSchema())) },
    ];
    // Figures this subgraph requires from subgraphs not started here (e.g. the fund once it is in
    // the catalog) come from a stub declaring them exactly as the outreach SDL expects them.
    const stubbed = REQUIRED_FIGURES.filter((f) => FIGURES[f].owner !== "registry");
    if (stubbed.length) {
      const typeDefs = parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        scalar Date
        enum Territory { CA_MAU OLD_CA_MAU OLD_BAC_LIEU }
        type CollectiveEconomyReport @key(fields: "from to territory") { from: Date! to: Date! territory: Territory! ${stubbed.map((f) => `${FIGURES[f].field}: Int!`).join(" ")} }`);
      const resolvers = {
        CollectiveEconomyReport: {
          __resolveReference: (ref: { from: string; to: string }) => ({ ...ref, ...Object.fromEntries(stubbed.map((f) => [FIGURES[f].field, STUB_VALUES[f] ?? 0])) }),
        },
      };
      const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]) });
      const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
      stub = { url, stop: () => server.stop() };
      for (const owner of new Set(stubbed.map((f) => FIGURES[f].owner))) services.push({ name: owner, url, typeDefs });
    }
    const composition = composeServices(services);
    if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join("\n"));
    gateway = await startGateway({
      port: 0,
      supergraphSdl: composition.supergraphSdl,
      subgraphUrls: Object.fromEntries(services.map((s) => [s.name, s.url])),
    });
  });

  after(async () => {
    await gateway?.stop();
    await stub?.stop();
    await registry?.stop();
    await outreach?.stop();
  });

  const REPORT = `query ($from: Date!, $to: Date!) {
    collectiveEconomyReport(from: $from, to: $to) {
      cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount newCooperativeCount newAllianceMemberCount
      stateManagementClassCount outreachClassCount
      publishedFigures { figure derivedField publishedValue derivedValue difference status publishedFigure { publisher reportTitle province } }
    }
  }`;

  it("hands the registry's figures to publishedFigures: each derived value is the report's own field", async () => {
    const result = await query(REPORT, { from: "2021-01-01", to: "2021-06-30" });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const report = result.data!.collectiveEconomyReport;
    expect(report.publishedFigures).to.have.length(11);
    for (const p of report.publishedFigures) {
      const { field, derivation } = FIGURES[p.figure as ReportFigure];
      if (derivation === "BESIDE" || !(field in report)) continue;
      expect(p.derivedValue, p.figure).to.equal(report[field]);
      expect(p.difference, p.figure).to.equal(report[field] - p.publishedValue);
    }
  });

  it("reproduces the article: every figure derivable in federation matches its published value", async () => {
    const result = await query(REPORT, { from: "2021-01-01", to: "2021-06-30" });
    const figures = result.data!.collectiveEconomyReport.publishedFigures as { figure: ReportFigure; publishedValue: number; status: string }[];
    expect(figures.map((f) => f.publishedValue)).to.deep.equal([275, 961, 14190, 1, 5, 16, 9, 56, 7, 10, 22]);
    const derivable = figures.filter((f) => FIGURES[f.figure].derivation !== "BESIDE" && (FIGURES[f.figure].derivation === "LOCAL" || REQUIRED_FIGURES.includes(f.figure)));
    expect(derivable.length).to.be.at.least(9);
    for (const f of derivable) expect(f.status, f.figure).to.equal("MATCHES");
  });

  it("answers a period without published figures with an empty list", async () => {
    const result = await query(REPORT, { from: "2021-01-01", to: "2021-12-31" });
    expect(result.errors).to.equal(undefined);
    expect(result.data!.collectiveEconomyReport.publishedFigures).to.deep.equal([]);
  });

  it("joins classes and registry cooperatives both ways", async () => {
    const result = await query(`{
      trainingClasses(filter: { kinds: [VOCATIONAL], from: "2021-01-01", to: "2021-06-30" }, first: 5) {
        edges { node { title cooperatives { id name trainingClasses(first: 1) { totalCount } } } } } }`);
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    const cooperatives = result.data!.trainingClasses.edges.flatMap((e: { node: { cooperatives: { name: string; trainingClasses: { totalCount: number } }[] } }) => e.node.cooperatives);
    expect(cooperatives.length).to.be.greaterThan(0);
    for (const c of cooperatives) {
      expect(c.name).to.be.a("string"); // the seed's attendance names cooperatives the registry knows
      expect(c.trainingClasses.totalCount).to.be.greaterThan(0);
    }
  });
});
