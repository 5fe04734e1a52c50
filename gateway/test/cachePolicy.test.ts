import { expect } from "chai";
import { buildSchema, GraphQLSchema, isObjectType, parse } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cachePolicyOf, CacheTier } from "../src/cachePolicy";
import { cacheControlHeaderOf, cacheDecisionOf } from "../src/cacheControlPlugin";

const REPO = path.resolve(__dirname, "..", "..", "..");

/** A small schema with the shapes the policy walker meets: lists, restricted fields, an interface, a union, a mutation. */
const schema = buildSchema(`
  type Query {
    report: Report
    shops(first: Int): ShopConnection
    shop(id: ID!): Shop
    reference: [Ref!]!
    secret: String
    node(id: ID!): Node
    search: [Result!]!
  }
  type Mutation { rename(name: String!): Shop }
  type Report { total: Int, bySector: [Slice!]! }
  type Slice { code: String, count: Int }
  type ShopConnection { edges: [ShopEdge!]!, pageInfo: PageInfo! }
  type ShopEdge { node: Shop! }
  type PageInfo { hasNextPage: Boolean! }
  interface Node { id: ID! }
  type Shop implements Node { id: ID!, name: String, owners: [Person!]!, ref: Ref }
  type Person implements Node { id: ID!, name: String }
  type Ref { code: String }
  union Result = Shop | Ref
`);

const policy: Record<string, CacheTier> = {
  "Query.report": "report",
  "Report.*": "report",
  "Slice.*": "report",
  "Query.shops": "public",
  "Query.shop": "public",
  "Query.node": "public",
  "Query.search": "public",
  "Query.reference": "reference",
  "ShopConnection.*": "public",
  "ShopEdge.*": "public",
  "PageInfo.*": "inherit",
  "Shop.*": "public",
  "Shop.owners": "restricted",
  "Ref.*": "reference",
};
const settings = { policy, maxAges: { reference: 3600, report: 300, public: 60 } };

function decide(query: string, variables?: Record<string, unknown>, operationName?: string, s: GraphQLSchema = schema) {
  return cacheDecisionOf(s, parse(query), settings, { variables, operationName });
}

describe("gateway: HTTP cache policy walker", () => {
  it("gives a public answer the smallest max-age of its fields", () => {
    expect(decide("{ report { total bySector { code count } } }")).to.deep.equal({ cacheable: true, maxAge: 300 });
    expect(decide("{ reference { code } }")).to.deep.equal({ cacheable: true, maxAge: 3600 });
    expect(decide("{ report { total } reference { code } }")).to.deep.equal({ cacheable: true, maxAge: 300 });
    expect(decide("{ shops(first: 5) { edges { node { id name ref { code } } } pageInfo { hasNextPage } } }")).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(cacheControlHeaderOf(decide("{ report { total } }"))).to.equal("public, max-age=300");
  });

  it("refuses any field that is not public, wherever it is", () => {
    expect(decide("{ secret }")).to.deep.include({ cacheable: false, reason: "Query.secret is not public" });
    expect(decide("{ shops { edges { node { name owners { name } } } } }")).to.deep.include({ cacheable: false, reason: "Shop.owners is not public" });
    expect(cacheControlHeaderOf(decide("{ secret }"))).to.equal("no-store");
  });

  it("follows named and inline fragments, also nested and repeated", () => {
    const spread = `
      query Q { shop(id: "1") { ...A } other: shop(id: "2") { ...A } }
      fragment A on Shop { name ...B }
      fragment B on Shop { ... on Shop { owners { name } } }`;
    expect(decide(spread)).to.deep.include({ cacheable: false, reason: "Shop.owners is not public" });
    const clean = `query Q { shop(id: "1") { ...A ...A } } fragment A on Shop { ... { name } ref { ...R } } fragment R on Ref { code }`;
    expect(decide(clean)).to.deep.equal({ cacheable: true, maxAge: 60 });
  });

  it("decides @skip and @include with the request's variables and the operation's defaults", () => {
    const q = `query Q($secret: Boolean! = false) { shop(id: "1") { name owners @include(if: $secret) { name } } }`;
    expect(decide(q)).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide(q, { secret: false })).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide(q, { secret: true })).to.deep.include({ cacheable: false });
    expect(decide(`{ shop(id: "1") { owners @skip(if: true) { name } } }`)).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide(`query Q($s: Boolean!) { secret @skip(if: $s) report { total } }`, { s: true })).to.deep.equal({ cacheable: true, maxAge: 300 });
    expect(decide(`query Q($s: Boolean!) { secret @skip(if: $s) }`, {})).to.deep.include({ cacheable: false, reason: "invalid variables" });
  });

  it("checks a field on an interface or union for every type it may be", () => {
    // Node.id: Shop.id is public, Person.id is not listed.
    expect(decide(`{ node(id: "1") { id } }`)).to.deep.include({ cacheable: false, reason: "Person.id is not public" });
    expect(decide(`{ node(id: "1") { __typename ... on Shop { name } } }`)).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide(`{ search { ... on Shop { name } ... on Ref { code } } }`)).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide(`{ search { ... on Shop { owners { id } } } }`)).to.deep.include({ cacheable: false });
  });

  it("counts __typename as nothing and introspection as not cacheable", () => {
    expect(decide("{ __typename }")).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide("{ report { __typename total } }")).to.deep.equal({ cacheable: true, maxAge: 300 });
    expect(decide("{ __schema { queryType { name } } }")).to.deep.include({ cacheable: false, reason: "introspection" });
    expect(decide(`{ __type(name: "Shop") { name } report { total } }`)).to.deep.include({ cacheable: false, reason: "introspection" });
  });

  it("never caches mutations, and picks the operation named in a document with several", () => {
    expect(decide(`mutation { rename(name: "x") { name } }`)).to.deep.include({ cacheable: false, reason: "mutation" });
    const doc = `query A { report { total } } query B { secret }`;
    expect(decide(doc, {}, "A")).to.deep.equal({ cacheable: true, maxAge: 300 });
    expect(decide(doc, {}, "B")).to.deep.include({ cacheable: false });
    expect(decide(doc)).to.deep.include({ cacheable: false, reason: "no single operation to run" });
  });

  it("treats a tier configured to 0 seconds as not cacheable", () => {
    const zero = cacheDecisionOf(schema, parse("{ report { total } }"), { policy, maxAges: { ...settings.maxAges, report: 0 } });
    expect(zero.cacheable).to.equal(false);
  });
});

describe("gateway: the HTTP cache policy the subgraphs declare, against the API schema", () => {
  const api = buildSchema(readFileSync(path.join(REPO, "schema", "api.graphql"), "utf8"));
  const CACHE_POLICY = cachePolicyOf(readFileSync(path.join(REPO, "gateway", "supergraph.graphql"), "utf8"));
  const tier = (type: string, field: string): CacheTier => CACHE_POLICY[`${type}.${field}`] ?? CACHE_POLICY[`${type}.*`] ?? "restricted";

  it("names only types and fields that exist", () => {
    const unknown = Object.keys(CACHE_POLICY).filter((coordinate) => {
      const [typeName, field] = coordinate.split(".");
      const type = api.getType(typeName);
      if (!type || !isObjectType(type)) return true;
      return field !== "*" && !type.getFields()[field];
    });
    expect(unknown).to.deep.equal([]);
  });

  it("keeps role-restricted and personal fields out, and the public screens in", () => {
    for (const restricted of [
      "Cooperative.members",
      "Cooperative.loans",
      "Cooperative.loanApplications",
      "Cooperative.fundSummary",
      "CooperativeGroup.members",
      "Participation.salesRevenue",
      "Participation.agreements",
      "CooperativeEvent.actorSubject",
      "Member.fullName",
      "Member.nationalId",
      "Query.loans",
      "Query.loan",
      "Query.loanApplications",
      "Query.registryAuditLog",
      "Query.outreachAuditLog",
      "Mutation.registerCooperative",
    ]) {
      const [t, f] = restricted.split(".");
      expect(tier(t, f), restricted).to.equal("restricted");
    }
    expect(tier("Query", "collectiveEconomyReport")).to.equal("report");
    expect(tier("CollectiveEconomyReport", "publishedFigures")).to.equal("report");
    expect(tier("Query", "administrativeUnits")).to.equal("reference");
    expect(tier("Cooperative", "latestClassification")).to.equal("public");
  });

  // The subgraphs describe who may read a restricted field ("... own manager only", "null with a
  // FORBIDDEN error", "Personal data", "ADMIN only"): a field so described must not be public, so a
  // new restricted field under a wildcard (`Cooperative.*`) fails here instead of reaching a CDN.
  it("makes no field public whose description says it is restricted", () => {
    const RESTRICTED = /FORBIDDEN|personal data|null with an error|\bADMIN only|own manager|borrower's manager|applicant's manager|fund staff/i;
    const offenders: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (tier(type.name, field.name) !== "restricted" && RESTRICTED.test(field.description ?? "")) offenders.push(`${type.name}.${field.name}`);
      }
    }
    expect(offenders).to.deep.equal([]);
    // ...and the pattern does recognise the restricted fields this policy knows of.
    for (const coordinate of ["Cooperative.members", "Cooperative.loans", "Cooperative.fundSummary", "Participation.salesRevenue", "Participation.agreements"]) {
      const [t, f] = coordinate.split(".");
      const type = api.getType(t);
      expect(isObjectType(type) && RESTRICTED.test(type.getFields()[f].description ?? ""), coordinate).to.equal(true);
    }
  });
});
