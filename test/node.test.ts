import { Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { graphql } from "./support/stack";

/**
 * Global object identification through the gateway on the demo data: every kind of id `node`
 * accepts finds its object, with the fields of the subgraph that owns it, and a protected object
 * gives through `node` no more than through its own field.
 */
describe("node(id:) and nodes(ids:) through the gateway", function () {
  this.timeout(240_000);
  const officer = signToken({ sub: "officer-node", role: Role.OFFICER });

  let ids: { cooperative: string; product: string; program: string; trainingClass: string; loan: string; loanCooperative: string; report: string };

  before(async () => {
    const publicIds = await graphql<{
      cooperatives: { edges: { node: { id: string } }[] };
      products: { edges: { node: { id: string } }[] };
      tradePromotionPrograms: { edges: { node: { id: string } }[] };
      trainingClasses: { edges: { node: { id: string } }[] };
      collectiveEconomyReport: { id: string };
    }>(`{
      cooperatives(first: 1) { edges { node { id } } }
      products(first: 1) { edges { node { id } } }
      tradePromotionPrograms(first: 1) { edges { node { id } } }
      trainingClasses(first: 1) { edges { node { id } } }
      collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { id }
    }`);
    expect(publicIds.errors).to.equal(undefined);
    const loans = await graphql<{ loans: { edges: { node: { id: string; cooperative: { id: string } } }[] } }>(`{ loans(first: 1) { edges { node { id cooperative { id } } } } }`, {}, officer);
    expect(loans.errors).to.equal(undefined);
    const d = publicIds.data!;
    ids = {
      cooperative: d.cooperatives.edges[0].node.id,
      product: d.products.edges[0].node.id,
      program: d.tradePromotionPrograms.edges[0].node.id,
      trainingClass: d.trainingClasses.edges[0].node.id,
      loan: loans.data!.loans.edges[0].node.id,
      loanCooperative: loans.data!.loans.edges[0].node.cooperative.id,
      report: d.collectiveEconomyReport.id,
    };
  });

  it("finds objects of every subgraph by the id they were given, with their owners' fields", async () => {
    const response = await graphql<{ nodes: ({ __typename: string; id: string; name?: string; title?: string; cooperativeCount?: number } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) {
        __typename id
        ... on Cooperative { name }
        ... on Product { name }
        ... on TradePromotionProgram { name }
        ... on TrainingClass { title }
        ... on CollectiveEconomyReport { cooperativeCount }
      } }`,
      { ids: [ids.cooperative, ids.product, ids.program, ids.trainingClass, ids.report] },
    );
    expect(response.errors).to.equal(undefined);
    const nodes = response.data!.nodes;
    expect(nodes.map((n) => n?.__typename)).to.deep.equal(["Cooperative", "Product", "TradePromotionProgram", "TrainingClass", "CollectiveEconomyReport"]);
    expect(nodes.map((n) => n?.id)).to.deep.equal([ids.cooperative, ids.product, ids.program, ids.trainingClass, ids.report]);
    for (const n of nodes.slice(0, 3)) expect(n?.name).to.be.a("string").and.not.equal("");
    expect(nodes[3]?.title).to.be.a("string");
    expect(nodes[4]?.cooperativeCount).to.equal(275);
  });

  it("gives a loan to whoever may read it through loan(id:), and nothing more to anyone else", async () => {
    const query = `query ($id: ID!) { node(id: $id) { __typename id ... on Loan { contractNumber } } }`;
    const asOfficer = await graphql<{ node: { __typename: string; id: string; contractNumber: string } | null }>(query, { id: ids.loan }, officer);
    expect(asOfficer.errors).to.equal(undefined);
    expect(asOfficer.data!.node).to.include({ __typename: "Loan", id: ids.loan });

    const ownManager = signToken({ sub: "manager-node", role: Role.COOPERATIVE_MANAGER, cooperativeId: ids.loanCooperative });
    expect((await graphql<{ node: { id: string } | null }>(query, { id: ids.loan }, ownManager)).data!.node?.id).to.equal(ids.loan);

    const otherManager = signToken({ sub: "manager-other", role: Role.COOPERATIVE_MANAGER, cooperativeId: "00000000-0000-4000-8000-000000000000" });
    for (const token of [undefined, otherManager]) {
      const response = await graphql<{ node: unknown }>(query, { id: ids.loan }, token);
      expect(response.data?.node ?? null, token ? "another cooperative's manager" : "anonymous").to.equal(null);
      expect(JSON.stringify(response)).to.not.include("Loan");
    }
  });

  it("finds reference data, classifications, loan products and published figures too", async () => {
    const lists = await graphql<{
      sectors: { id: string }[];
      administrativeUnits: { id: string }[];
      loanProducts: { id: string }[];
      publishedFigures: { edges: { node: { id: string } }[] };
      cooperatives: { edges: { node: { latestClassification: { id: string } | null } }[] };
    }>(`{
      sectors { id }
      administrativeUnits(asOf: "2021-06-30", level: DISTRICT) { id }
      loanProducts { id }
      publishedFigures(first: 1) { edges { node { id } } }
      cooperatives(first: 20) { edges { node { latestClassification { id } } } }
    }`);
    expect(lists.errors).to.equal(undefined);
    const d = lists.data!;
    const classification = d.cooperatives.edges.map((e) => e.node.latestClassification).find(Boolean)!;
    const wanted = [d.sectors[0].id, d.administrativeUnits[0].id, d.loanProducts[0].id, d.publishedFigures.edges[0].node.id, classification.id];
    const response = await graphql<{ nodes: ({ __typename: string; id: string } | null)[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: wanted });
    expect(response.errors).to.equal(undefined);
    expect(response.data!.nodes).to.deep.equal([
      { __typename: "Sector", id: wanted[0] },
      { __typename: "AdministrativeUnit", id: wanted[1] },
      { __typename: "LoanProduct", id: wanted[2] },
      { __typename: "PublishedFigure", id: wanted[3] },
      { __typename: "Classification", id: wanted[4] },
    ]);
  });

  it("gives a member to whoever may list the cooperative's members, and nothing to the public", async () => {
    const members = await graphql<{ cooperative: { members: { edges: { node: { id: string; fullName: string } }[] } } }>(
      `query ($id: ID!) { cooperative(id: $id) { members(first: 1) { edges { node { id fullName } } } } }`,
      { id: ids.loanCooperative },
      officer,
    );
    expect(members.errors).to.equal(undefined);
    const member = members.data!.cooperative.members.edges[0].node;
    const query = `query ($id: ID!) { node(id: $id) { __typename id ... on Member { fullName } } }`;
    expect((await graphql<{ node: unknown }>(query, { id: member.id }, officer)).data!.node).to.deep.equal({ __typename: "Member", id: member.id, fullName: member.fullName });
    const anonymous = await graphql<{ node: unknown }>(query, { id: member.id });
    expect(anonymous.data!.node).to.equal(null);
    expect(JSON.stringify(anonymous)).to.not.include(member.fullName);
  });

  it("is null for an id nobody gave out, a damaged id or a report id with a bad period", async () => {
    const response = await graphql<{ nodes: unknown[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ["00000000-0000-4000-8000-000000000000", "n1.garbage", "not an id", ids.report.slice(0, -2)],
    });
    expect(response.errors).to.equal(undefined);
    expect(response.data!.nodes).to.deep.equal([null, null, null, null]);
  });

  it("refuses more than 100 ids at once", async () => {
    const response = await graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => ids.cooperative) });
    expect(response.errors?.[0]?.extensions?.code).to.equal("BAD_USER_INPUT");
  });
});
