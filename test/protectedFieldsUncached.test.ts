import { ProtectedField, SUBGRAPHS } from "@camau/shared";
import { apiSchemaOf, cachePolicyOf } from "@camau/gateway";
import { expect } from "chai";
import { getNamedType, GraphQLNamedType, GraphQLSchema, isAbstractType, isObjectType } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../scripts/lib/paths";
import { protectedFieldsOfSubgraph } from "./support/protectedFields";

/**
 * Public caching follows authorization, checked over the committed supergraph: a field that needs
 * a role (@Authorized in its subgraph) is never covered by a public `@cacheControl` hint, even one
 * on its type declared by another subgraph, so no shared cache keeps what a role protects; and
 * every field an anonymous caller can reach is hinted, public or restricted, so each is a decision.
 */
describe("cache hints against @Authorized", function () {
  this.timeout(120_000);
  const supergraph = readFileSync(path.join(REPO_ROOT, "gateway", "supergraph.graphql"), "utf8");
  const policy = cachePolicyOf(supergraph);
  const api: GraphQLSchema = apiSchemaOf(supergraph);
  const tierOf = (type: string, field: string) => policy[`${type}.${field}`] ?? policy[`${type}.*`];
  let protectedFields: ProtectedField[] = [];
  const isProtected = (type: string, field: string) => protectedFields.some((p) => p.typeName === type && p.fieldName === field);

  before(async () => {
    protectedFields = (await Promise.all(SUBGRAPHS.map((s) => protectedFieldsOfSubgraph(s.dir)))).flat();
  });

  it("finds protected reads to check", () => {
    expect(protectedFields.filter((p) => p.typeName !== "Mutation")).to.not.be.empty;
  });

  it("gives no field that needs a role a public cache hint", () => {
    const cached = protectedFields
      .filter((p) => p.typeName !== "Mutation")
      .map((p) => ({ coordinate: `${p.typeName}.${p.fieldName}`, tier: tierOf(p.typeName, p.fieldName) }))
      .filter(({ tier }) => tier !== undefined && tier !== "restricted")
      .map(({ coordinate, tier }) => `${coordinate} (${tier})`);
    expect(cached, "protected fields a shared cache could keep: hint them CacheHint.restricted").to.deep.equal([]);
  });

  it("hints every field an anonymous caller reaches from Query", () => {
    const unhinted = new Set<string>();
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (isAbstractType(type)) return api.getPossibleTypes(type).forEach(visit);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        if (isProtected(type.name, field.name)) continue;
        const tier = tierOf(type.name, field.name);
        if (tier === undefined) unhinted.add(`${type.name}.${field.name}`);
        // What lies behind a field no shared cache may keep is not reached by a public answer.
        else if (tier !== "restricted") visit(getNamedType(field.type));
      }
    };
    visit(api.getQueryType()!);
    expect([...unhinted].sort(), "fields without a hint on them or their type: declare them public or restricted").to.deep.equal([]);
  });
});
