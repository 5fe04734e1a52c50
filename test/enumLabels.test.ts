import { expect } from "chai";
import { GraphQLEnumType, isEnumType } from "graphql";
import { readFileSync } from "node:fs";
import { apiSchemaOf, SUPERGRAPH_FILE } from "../scripts/lib/apiSchema";
import { e2eStack, graphql } from "./support/stack";

/**
 * Every enum value of the public schema has an English and a Vietnamese label, served by
 * `enumLabels` through the gateway (each subgraph answers for its own enums) and written at the
 * start of the value's description, from the same table.
 */
const schema = apiSchemaOf(readFileSync(SUPERGRAPH_FILE, "utf8"));
const enums = Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => isEnumType(t) && !t.name.startsWith("__"));
const fieldOf = (e: GraphQLEnumType) => e.name.charAt(0).toLowerCase() + e.name.slice(1);

describe("enum labels in English and Vietnamese", function () {
  this.timeout(240_000);

  it("gives both labels of every value of every enum of the public schema, as its description does", async () => {
    expect(enums.length).to.be.greaterThan(30);
    const response = await graphql<{ enumLabels: Record<string, { value: string; en: string; vi: string }[]> & { id: string } }>(
      `{ enumLabels { id ${enums.map((e) => `${fieldOf(e)} { value en vi }`).join(" ")} } }`,
    );
    expect(response.errors).to.equal(undefined);
    const labels = response.data!.enumLabels;
    expect(labels.id).to.equal("EnumLabels");
    for (const enumType of enums) {
      const rows = labels[fieldOf(enumType)];
      expect(rows.map((r) => r.value), enumType.name).to.deep.equal(enumType.getValues().map((v) => v.name));
      for (const value of enumType.getValues()) {
        const row = rows.find((r) => r.value === value.name)!;
        expect(row.en.trim(), `${enumType.name}.${value.name} en`).to.not.equal("");
        expect(row.vi.trim(), `${enumType.name}.${value.name} vi`).to.not.equal("");
        expect(value.description, `${enumType.name}.${value.name} description`).to.match(new RegExp(`^${escape(row.en)} \\(${escape(row.vi)}\\)[:.]`));
      }
    }
  });

  it("is public reference data, cached like the sectors", async () => {
    const response = await fetch((await e2eStack()).gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ enumLabels { id loanStatus { value en vi } legalStatus { value vi } } sectors { code name } }" }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get("cache-control")).to.match(/^public, max-age=\d+$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
