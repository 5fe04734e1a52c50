import { expect } from "chai";
import { buildSchema, GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import {
  acceptedBreakingChanges,
  API_SCHEMA_FILE,
  apiSchemaOf,
  breakingChanges,
  printApiSchema,
  SUPERGRAPH_FILE,
  unacceptedBreakingChanges,
  undocumentedElements,
} from "../scripts/lib/apiSchema";

/**
 * The public schema as a contract: every element is described, the committed export is
 * current, and the breaking-change check of `npm run schema:check` does what it says.
 */
describe("public API schema contract", () => {
  const api: GraphQLSchema = apiSchemaOf(readFileSync(SUPERGRAPH_FILE, "utf8"));

  it("describes every type, field, argument, input field and enum value", () => {
    // Root operation types are exempt: type-graphql gives them no description, and their fields are described.
    const roots = new Set([api.getQueryType()?.name, api.getMutationType()?.name, api.getSubscriptionType()?.name]);
    const missing = undocumentedElements(api).filter((coordinate) => !roots.has(coordinate));
    expect(missing, `${missing.length} element(s) without a description:\n  ${missing.join("\n  ")}\n`).to.deep.equal([]);
  });

  it("has schema/api.graphql up to date with gateway/supergraph.graphql (npm run schema:export)", () => {
    const committed = readFileSync(API_SCHEMA_FILE, "utf8");
    expect(committed === printApiSchema(api), "schema/api.graphql is stale: run `npm run schema:export` and commit it").to.equal(true);
  });

  it("hides federation's machinery from clients", () => {
    const sdl = printApiSchema(api);
    for (const internal of ["join__", "link__", "_entities", "_service", "_Any"]) expect(sdl).to.not.include(internal);
  });

  describe("breaking-change check", () => {
    const before = buildSchema(`
      "Root" type Query { "a" cooperatives(first: Int): [String!]! "b" sectors: [String!]! }
      "Rating" enum Rating { "g" GOOD "f" FAIR }`);

    it("finds removed fields, removed enum values and new required arguments, and nothing in additions", async () => {
      const after = buildSchema(`
        "Root" type Query { "a" cooperatives(first: Int, region: String!): [String!]! "c" products: [String!]! }
        "Rating" enum Rating { "g" GOOD }`);
      const changes = await breakingChanges(before, after);
      expect(changes.map((c) => `${c.path} ${c.type}`)).to.have.members([
        "Query.sectors FIELD_REMOVED",
        "Query.cooperatives.region FIELD_ARGUMENT_ADDED",
        "Rating.FAIR ENUM_VALUE_REMOVED",
      ]);
      const additive = buildSchema(`
        "Root" type Query { "a" cooperatives(first: Int, after: String): [String!]! "b" sectors: [String!]! "c" products: [String!] }
        "Rating" enum Rating { "g" GOOD "f" FAIR "a" AVERAGE }`);
      expect(await breakingChanges(before, additive)).to.deep.equal([]);
    });

    it("accepts a breaking change only when Unreleased lists its path and type with a reason", async () => {
      const after = buildSchema(`"Root" type Query { "a" cooperatives(first: Int): [String!]! } "Rating" enum Rating { "g" GOOD }`);
      const changes = await breakingChanges(before, after);
      const changelog = [
        "# API changelog",
        "## Unreleased",
        "### Breaking changes",
        "- `Query.sectors` FIELD_REMOVED: replaced by `referenceData.sectors`; no client used it.",
        "- `Rating.FAIR` ENUM_VALUE_REMOVED:",
        "### Other changes",
        "- `Rating.GOOD` ENUM_VALUE_REMOVED: a line outside the breaking list does not count.",
        "## 2026-11-01",
        "### Breaking changes",
        "- `Rating.FAIR` ENUM_VALUE_REMOVED: an older release does not count either.",
      ].join("\n");
      const accepted = acceptedBreakingChanges(changelog);
      expect(accepted.map((e) => e.path)).to.deep.equal(["Query.sectors", "Rating.FAIR"]);
      const unaccepted = unacceptedBreakingChanges(changes, accepted);
      expect(unaccepted.map((c) => c.path)).to.deep.equal(["Rating.FAIR"]);
    });
  });
});
