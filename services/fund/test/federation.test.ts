import { expect } from "chai";
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from "graphql";
import { buildSchema } from "../src/schema";
import { code, FundUnderTest, startFund, tokens } from "./support";

const COOPERATIVES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative {
  id
  fundSummary(asOf: "2023-06-30") { outstandingPrincipal activeLoanCount overdueAmount worstDebtGroup }
  loanApplications(first: 3) { totalCount edges { node { status submittedOn product { code } loan { contractNumber } } } }
  loans(first: 5) { totalCount pageInfo { hasNextPage } edges { node {
    contractNumber principal status(asOf: "2023-06-30")
    position(asOf: "2023-06-30") { outstandingPrincipal daysPastDue debtGroup overdueInterest }
    schedule(asOf: "2023-06-30") { version totalPrincipal installments { number dueDate status } }
    disbursements { trancheNumber amount }
    repayments(first: 3) { totalCount edges { node { paidOn amount principalPart } } }
    restructurings { effectiveOn }
    application { status decision { decidedBy } }
    product { code }
    cooperative { id }
  } } }
} } }`;

describe("fund subgraph: federation contracts and SQL statement counts", function () {
  this.timeout(180_000);
  let t: FundUnderTest;
  let borrowers: string[];
  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => t.fund.query(query, variables, token);

  before(async () => {
    t = await startFund([], { seed: true });
    const { rows } = await t.db.query(`SELECT cooperative_id FROM loan GROUP BY cooperative_id ORDER BY count(*) DESC, cooperative_id LIMIT 50`);
    borrowers = rows.map((r: { cooperative_id: string }) => r.cooperative_id);
  });
  after(() => t?.stop());

  async function statementsFor(ids: string[]): Promise<{ statements: number; data: any }> {
    const before = await t.fund.sqlStatements();
    const result = await q(COOPERATIVES, { reps: ids.map((id) => ({ __typename: "Cooperative", id })) }, tokens.fundOfficer());
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return { statements: (await t.fund.sqlStatements()) - before, data: result.data };
  }

  it("resolves 50 cooperative references with their loans in no more SQL statements than 5", async () => {
    expect(borrowers).to.have.length(50);
    const five = await statementsFor(borrowers.slice(0, 5));
    const fifty = await statementsFor(borrowers);
    expect(fifty.data._entities).to.have.length(50);
    const loans = fifty.data._entities.reduce((n: number, c: any) => n + c.loans.edges.length, 0);
    expect(loans).to.be.greaterThan(50);
    if (process.env.FUND_LOG_STATEMENTS) process.stdout.write(`      SQL statements: 5 cooperatives → ${five.statements}, 50 → ${fifty.statements}\n`);
    expect(fifty.statements, `5 → ${five.statements}, 50 → ${fifty.statements}`).to.be.at.most(five.statements);
    expect(five.statements).to.be.at.most(16);
  });

  it("answers a reference without a database lookup, and unknown cooperatives with empty lists", async () => {
    const before = await t.fund.sqlStatements();
    const bare = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id } } }`, { reps: [{ __typename: "Cooperative", id: borrowers[0] }] });
    expect(bare.data!._entities).to.deep.equal([{ id: borrowers[0] }]);
    expect(await t.fund.sqlStatements()).to.equal(before);
    const unknown = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id loans { totalCount } fundSummary { loanCount } } } }`, { reps: [{ __typename: "Cooperative", id: "00000000-0000-4000-8000-000000000000" }, { __typename: "Cooperative", id: "not-a-uuid" }] }, tokens.officer());
    expect(unknown.errors).to.equal(undefined);
    expect(unknown.data!._entities.map((c: any) => [c.loans.totalCount, c.fundSummary.loanCount])).to.deep.equal([[0, 0], [0, 0]]);
  });

  it("hides a cooperative's loans from the public and from other managers, but not from its own manager", async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Cooperative { id loans { totalCount } fundSummary { loanCount } } } }`;
    const reps = [{ __typename: "Cooperative", id: borrowers[0] }];
    const anonymous = await q(query, { reps });
    expect(code(anonymous)).to.equal("UNAUTHENTICATED");
    expect(anonymous.data!._entities[0]).to.deep.equal({ id: borrowers[0], loans: null, fundSummary: null });
    expect(code(await q(query, { reps }, tokens.manager(borrowers[1])))).to.equal("FORBIDDEN");
    const own = await q(query, { reps }, tokens.manager(borrowers[0]));
    expect(own.errors).to.equal(undefined);
    expect(own.data!._entities[0].loans.totalCount).to.be.greaterThan(0);
  });

  it("pages a cooperative's loans with stable cursors", async () => {
    const page = async (after: string | null) =>
      (await q(`query ($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Cooperative { loans(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { contractNumber } } } } } }`, { reps: [{ __typename: "Cooperative", id: borrowers[0] }], after }, tokens.officer())).data!._entities[0].loans;
    const first = await page(null);
    const seen = [first.edges[0].node.contractNumber];
    let cursor = first.pageInfo.endCursor;
    let more = first.pageInfo.hasNextPage;
    while (more) {
      const next = await page(cursor);
      seen.push(...next.edges.map((e: any) => e.node.contractNumber));
      cursor = next.pageInfo.endCursor;
      more = next.pageInfo.hasNextPage;
    }
    expect(seen).to.have.length(first.totalCount);
    expect(new Set(seen).size).to.equal(seen.length);
  });

  describe("paging backward", () => {
    type Connection = { pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null }; edges: { node: { id: string } }[] };
    const PAGE = "pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { id } }";
    const lists: { field: string; selection: (args: string) => string; connectionOf: (cooperative: any) => Connection }[] = [
      { field: "Cooperative.loans", selection: (args) => `loans(${args}) { ${PAGE} }`, connectionOf: (c) => c.loans },
      { field: "Cooperative.loanApplications", selection: (args) => `loanApplications(${args}) { ${PAGE} }`, connectionOf: (c) => c.loanApplications },
      {
        field: "Loan.repayments",
        selection: (args) => `loans(first: 1) { edges { node { repayments(${args}) { ${PAGE} } } } }`,
        connectionOf: (c) => c.loans.edges[0].node.repayments,
      },
    ];

    for (const list of lists) {
      it(`walks ${list.field} with last/before to the same items as forward, for several parents at once`, async () => {
        const reps = borrowers.slice(0, 3).map((id) => ({ __typename: "Cooperative", id }));
        const fetch = async (of: typeof reps, args: string, variables: Record<string, unknown> = {}) => {
          const result = await q(
            `query ($reps: [_Any!]!, $before: String) { _entities(representations: $reps) { ... on Cooperative { ${list.selection(args)} } } }`,
            { reps: of, ...variables },
            tokens.fundOfficer(),
          );
          expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
          return result.data!._entities.map(list.connectionOf) as Connection[];
        };
        const idsOf = (page: Connection) => page.edges.map((e) => e.node.id);
        const forward = (await fetch(reps, "first: 100, before: $before")).map(idsOf);
        expect(forward.some((ids) => ids.length > 2), "a parent with more than one page of two").to.equal(true);

        const lastPages = await fetch(reps, "last: 2, before: $before");
        for (const [i, rep] of reps.entries()) {
          const walked: string[] = [];
          let page = lastPages[i];
          for (;;) {
            walked.unshift(...idsOf(page));
            expect(page.pageInfo.hasPreviousPage).to.equal(walked.length < forward[i].length);
            if (!page.pageInfo.hasPreviousPage) break;
            [page] = await fetch([rep], "last: 2, before: $before", { before: page.pageInfo.startCursor });
            expect(page.pageInfo.hasNextPage).to.equal(true);
          }
          expect(walked).to.deep.equal(forward[i]);
        }
      });
    }
  });

  it("resolves a malformed or reversed report period to null instead of sending it to SQL", async () => {
    const result = await q(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollectiveEconomyReport { fundedProjectCount } } }`, {
      reps: [
        { __typename: "CollectiveEconomyReport", from: "2021-13-01", to: "2021-12-31" },
        { __typename: "CollectiveEconomyReport", from: "2021-12-31", to: "2021-01-01" },
      ],
    });
    expect(result.errors).to.equal(undefined);
    expect(result.data!._entities).to.deep.equal([null, null]);
  });

  it("extends the report by its period key and answers the public", async () => {
    const result = await q(`{ _entities(representations: [{ __typename: "CollectiveEconomyReport", from: "2021-01-01", to: "2021-06-30", territory: "OLD_CA_MAU" }, { __typename: "CollectiveEconomyReport", from: "2017-01-01", to: "2017-12-31", territory: "OLD_CA_MAU" }]) {
      ... on CollectiveEconomyReport { from to fundedProjectCount fundDisbursedAmount fundOutstandingPrincipal } } }`);
    expect(result.errors).to.equal(undefined);
    expect(result.data!._entities.map((r: any) => r.fundedProjectCount)).to.deep.equal([22, 12]);
  });

  describe("schema", () => {
    let schema: GraphQLSchema;
    before(async () => {
      schema = await buildSchema();
    });

    it("describes every type, field, argument and enum value", () => {
      const missing: string[] = [];
      const federation = new Set(["_Service", "_Any", "_Entity", "FieldSet", "link__Import", "link__Purpose", "federation__Scope", "federation__Policy", "federation__ContextFieldValue", "federation__FieldSet"]);
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith("__") || federation.has(type.name) || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
        // The root operation types carry no description in any subgraph (shared's schema builder).
        if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType()) missing.push(type.name);
        if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (field.name.startsWith("_")) continue;
            if (!field.description) missing.push(`${type.name}.${field.name}`);
            if ("args" in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
        if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
        if (isScalarType(type) || isUnionType(type)) continue;
      }
      expect(missing).to.deep.equal([]);
    });

    it("declares the registry's entities with exactly their keys", () => {
      const { printSubgraphSchema } = require("@apollo/subgraph") as typeof import("@apollo/subgraph");
      const sdl = printSubgraphSchema(schema);
      expect(sdl).to.match(/type Cooperative\s+@key\(fields: "id"\)\s*\{\s*"""Stable identifier \(UUID\)\."""\s*id: ID!/);
      expect(sdl).to.match(/type CollectiveEconomyReport\s+@key\(fields: "from to territory"\)/);
      expect(sdl).to.match(/from: Date!/);
      expect(sdl).to.match(/fundDisbursedAmount: Money!/);
      expect(sdl).to.match(/scalar Money/);
    });
  });
});
