import { expect } from "chai";
import { printSubgraphSchema } from "@apollo/subgraph";
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { buildSchema } from "../src/schema";

describe("trade subgraph schema", () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await buildSchema();
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("_") || /^(link|federation)__/.test(type.name) || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description && !["Query", "Mutation"].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith("_")) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).to.deep.equal([]);
  });

  it("extends the registry's entities by their keys only", () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).to.match(/type Cooperative\s+@key\(fields: "id"\)\s*\{/);
    expect(sdl).to.match(/type CollectiveEconomyReport\s+@key\(fields: "from to territory"\)\s*\{/);
    // (its own type also carries its cache hint)
    expect(sdl).to.match(/type Product implements Node\s+@key\(fields: "id"\)\s+@cacheControl\(maxAge: 60\)\s*\{/);
    const cooperative = schema.getType("Cooperative");
    expect(isObjectType(cooperative) && Object.keys(cooperative.getFields())).to.deep.equal(["id", "products", "participations", "ocopProductCount"]);
    const report = schema.getType("CollectiveEconomyReport");
    expect(isObjectType(report) && Object.keys(report.getFields())).to.deep.equal(["from", "to", "territory", "tradePromotionProgramCount", "tradePromotionSupportedCooperativeCount", "ocopProductCount"]);
    for (const scalar of ["Date", "DateTime", "Money"]) expect(schema.getType(scalar), scalar).to.not.equal(undefined);
  });
});
