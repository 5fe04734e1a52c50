import { Role, signToken } from "@camau/shared";
import { readExamples, type ExampleOperation } from "@camau/graphiql-ui";
import { expect } from "chai";
import { GraphQLSchema, parse, validate } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { apiSchemaOf, SUPERGRAPH_FILE } from "../scripts/lib/apiSchema";
import { REPO_ROOT } from "../scripts/lib/paths";
import { graphql } from "./support/stack";

/**
 * The example operations GraphiQL offers (docs/examples/*.graphql) and the GraphQL examples of
 * README.md and docs/frontend.md are valid against the public schema and run through the gateway
 * over the demo dataset without errors. An example whose `# subgraphs:` are not all composed into
 * gateway/supergraph.graphql yet is pending (skipped, with the reason), not failed.
 */
const supergraph = readFileSync(SUPERGRAPH_FILE, "utf8");
const composed = new Set([...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]));
const schema: GraphQLSchema = apiSchemaOf(supergraph);

function missingSubgraphs(example: Pick<ExampleOperation, "subgraphs">): string[] {
  return example.subgraphs.filter((s) => !composed.has(s));
}

function validationErrors(query: string): string[] {
  return validate(schema, parse(query)).map((e) => e.message);
}

/** ```graphql blocks of a Markdown file. */
function markdownExamples(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("example operations (docs/examples, README.md, docs/frontend.md)", function () {
  this.timeout(240_000);
  const examples = readExamples();

  it("has the examples of the real screens", () => {
    const ids = examples.map((e) => e.id).join(" ");
    for (const screen of ["collective-economy-report", "cooperative-list", "cooperative-profile", "ocop-products", "fund-portfolio"]) {
      expect(ids).to.include(screen);
    }
    for (const example of examples) expect(example.description, example.id).to.not.equal("");
  });

  for (const example of examples) {
    describe(example.id, () => {
      beforeEach(function () {
        const missing = missingSubgraphs(example);
        if (missing.length > 0) {
          process.stdout.write(`      pending: ${example.id} reads subgraph(s) ${missing.join(", ")}, not in gateway/supergraph.graphql yet\n`);
          this.skip();
        }
      });

      it("is valid against the API schema", () => {
        expect(validationErrors(example.query)).to.deep.equal([]);
      });

      it("runs through the gateway without errors and returns data", async () => {
        const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
        // An example of protected data runs with a token of the role its header names.
        const token = example.role ? signToken({ sub: `example-${example.id}`, role: example.role as Role }) : undefined;
        const response = await graphql(example.query, variables, token);
        expect(response.errors, JSON.stringify(response.errors)).to.equal(undefined);
        expect(response.status).to.equal(200);
        const data = response.data as Record<string, unknown>;
        for (const [field, value] of Object.entries(data)) expect(value, `${field} is null`).to.not.equal(null);
      });
    });
  }

  for (const file of ["README.md", "docs/frontend.md"]) {
    describe(file, () => {
      markdownExamples(file).forEach((query, index) => {
        it(`example ${index + 1} is valid and runs without errors`, async () => {
          expect(validationErrors(query)).to.deep.equal([]);
          const response = await graphql(query);
          expect(response.errors, JSON.stringify(response.errors)).to.equal(undefined);
        });
      });
    });
  }
});
