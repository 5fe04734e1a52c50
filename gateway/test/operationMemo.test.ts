import { buildSchema, operationFromDocument } from "@apollo/federation-internals";
import { expect } from "chai";
import { DocumentNode, Kind, OperationDefinitionNode, parse } from "graphql";
import { memoizeOperationModels, RunningGateway, startGateway } from "../src";
import { FakeSubgraph, startFakeSubgraph } from "./support/fakeSubgraph";

const schema = buildSchema(`
  type Query { a: A, n: Int }
  type A { x: Int, y: String }
`);

/** The document executeQueryPlan builds on every request: the operation first, then the fragments. */
function asExecuted(document: DocumentNode): DocumentNode {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

describe("operation models kept per parsed document", () => {
  before(() => {
    expect(memoizeOperationModels(), "the memo replaces federation-internals' operationFromDocument as @apollo/gateway calls it").to.equal(true);
  });

  it("builds the model of a parsed operation once per schema, for the gateway's unvalidated call only", () => {
    const document = parse(`query Q($skip: Boolean!) { a @skip(if: $skip) { ...F } n } fragment F on A { x y }`);
    const first = operationFromDocument(schema, asExecuted(document), { validate: false });
    expect(operationFromDocument(schema, asExecuted(document), { validate: false })).to.equal(first);
    // The same text parsed again is another document: its own model, equal to the first.
    const again = operationFromDocument(schema, asExecuted(parse(`query Q($skip: Boolean!) { a @skip(if: $skip) { ...F } n } fragment F on A { x y }`)), { validate: false });
    expect(again).not.to.equal(first);
    expect(again.toString()).to.equal(first.toString());
    // Another schema, or the planner's validated call: built anew.
    expect(operationFromDocument(buildSchema(`type Query { a: A, n: Int } type A { x: Int, y: String }`), asExecuted(document), { validate: false })).not.to.equal(first);
    expect(operationFromDocument(schema, document)).not.to.equal(operationFromDocument(schema, document));
  });

  it("builds anew when the same operation node comes with other fragment nodes", () => {
    const document = parse(`{ a { ...F } } fragment F on A { x }`);
    const other = parse(`fragment F on A { y }`);
    const first = operationFromDocument(schema, asExecuted(document), { validate: false });
    const withOther = operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [document.definitions[0], ...other.definitions] }, { validate: false });
    expect(withOther).not.to.equal(first);
    expect(withOther.toString()).to.contain("y");
  });

  it("keeps refusing a document the model refuses", () => {
    const document = parse(`{ a { ...F } } fragment F on Missing { x }`);
    expect(() => operationFromDocument(schema, asExecuted(document), { validate: false })).to.throw(/Unknown type "Missing"/);
    expect(() => operationFromDocument(schema, asExecuted(document), { validate: false })).to.throw(/Unknown type "Missing"/);
  });
});

describe("operation models through the gateway", () => {
  let subgraph: FakeSubgraph;
  let gateway: RunningGateway;
  before(async () => {
    subgraph = await startFakeSubgraph();
    gateway = await startGateway({ port: 0, supergraphSdl: subgraph.supergraphSdl(), subgraphTimeoutMs: 2_000 });
  });
  after(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it("shapes each answer by its own variables, the same query text sent again and again", async () => {
    const query = `query Q($skip: Boolean!) { hello @skip(if: $skip) ...F } fragment F on Query { seenHeaders @include(if: $skip) { authorization } }`;
    const answers = [];
    for (const skip of [false, true, false, true]) {
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { skip } }) });
      answers.push(await response.json());
    }
    const hello = { data: { hello: "Xin chào Cà Mau" } };
    const headers = { data: { seenHeaders: { authorization: null } } };
    expect(answers).to.deep.equal([hello, headers, hello, headers]);
  });
});
