import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { expect } from "chai";
import { deduplicationKeyOf, SubgraphDataSource } from "../src";
import { sendJson, startHttpServer, TestHttpServer } from "./support/httpServer";

/** A subgraph that answers after a pause, so concurrent requests overlap in flight. */
async function slowSubgraph(): Promise<TestHttpServer> {
  return startHttpServer((request, res) => {
    setTimeout(() => sendJson(res, 200, { data: { echo: JSON.parse(request.body).variables?.n ?? null } }), 80);
  });
}

function call(source: SubgraphDataSource, query: string, variables: Record<string, unknown>, context: Record<string, unknown> = {}) {
  return source.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query, variables }, context });
}

describe("subgraph request deduplication (in flight only)", () => {
  let server: TestHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("sends identical anonymous reads in flight at once as one request; each caller gets its own copy", async () => {
    server = await slowSubgraph();
    const source = new SubgraphDataSource({ name: "registry", url: server.url, gatewaySecret: "s", timeoutMs: 2_000, deduplicate: true });
    const answers = await Promise.all([1, 2, 3].map(() => call(source, "query Q($n: Int) { echo(n: $n) }", { n: 1 })));
    expect(server.requests).to.have.length(1);
    expect(answers.map((a) => a.data)).to.deep.equal([{ echo: 1 }, { echo: 1 }, { echo: 1 }]);
    expect(answers[0].data).not.to.equal(answers[1].data);
  });

  it("keeps nothing once the answer has arrived, and never shares signed-in requests, mutations or different variables", async () => {
    server = await slowSubgraph();
    const source = new SubgraphDataSource({ name: "registry", url: server.url, gatewaySecret: "s", timeoutMs: 2_000, deduplicate: true });
    await call(source, "query Q($n: Int) { echo(n: $n) }", { n: 1 });
    await call(source, "query Q($n: Int) { echo(n: $n) }", { n: 1 });
    expect(server.requests).to.have.length(2);
    await Promise.all([
      call(source, "query Q($n: Int) { echo(n: $n) }", { n: 1 }, { authorization: "Bearer a" }),
      call(source, "query Q($n: Int) { echo(n: $n) }", { n: 1 }, { authorization: "Bearer a" }),
      call(source, "mutation M { echo }", {}),
      call(source, "mutation M { echo }", {}),
      call(source, "query Q($n: Int) { echo(n: $n) }", { n: 2 }),
      call(source, "query Q($n: Int) { echo(n: $n) }", { n: 3 }),
    ]);
    expect(server.requests).to.have.length(8);
  });

  it("keys only anonymous POSTed reads", () => {
    const body = (query: string) => JSON.stringify({ query, variables: {} });
    expect(deduplicationKeyOf("http://x/graphql", { method: "POST", body: body("{ a }"), headers: {} })).to.be.a("string");
    expect(deduplicationKeyOf("http://x/graphql", { method: "POST", body: body("query A { a }"), headers: {} })).to.be.a("string");
    expect(deduplicationKeyOf("http://x/graphql", { method: "POST", body: body("mutation A { a }"), headers: {} })).to.equal(undefined);
    expect(deduplicationKeyOf("http://x/graphql", { method: "POST", body: body("{ a }"), headers: { Authorization: "Bearer t" } })).to.equal(undefined);
    expect(deduplicationKeyOf("http://x/graphql", { method: "GET", headers: {} })).to.equal(undefined);
  });
});
