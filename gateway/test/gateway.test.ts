import { signToken, Role } from "@camau/shared";
import { expect } from "chai";
import { gzipSync } from "node:zlib";
import { RunningGateway, startGateway } from "../src";
import { FakeSubgraph, startFakeSubgraph } from "./support/fakeSubgraph";
import { quietStderr } from "./support/quietStderr";

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

describe("gateway (against a fake subgraph)", () => {
  let subgraph: FakeSubgraph;
  let gateway: RunningGateway;

  before(async () => {
    subgraph = await startFakeSubgraph();
    gateway = await startGateway({ port: 0, supergraphSdl: subgraph.supergraphSdl(), subgraphTimeoutMs: 500 });
  });
  after(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
  }

  it("answers /health", async () => {
    const response = await fetch(new URL("/health", gateway.url));
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ status: "ok", service: "gateway" });
  });

  it("stays ready while a subgraph is not, and names it (the gateway still serves the others)", async () => {
    const ready = await fetch(new URL("/ready", gateway.url));
    expect(ready.status).to.equal(200);
    expect(((await ready.json()) as { status: string }).status).to.equal("ready");
    subgraph.ready = false;
    try {
      const degraded = await fetch(new URL("/ready", gateway.url));
      expect(degraded.status).to.equal(200);
      const body = (await degraded.json()) as { status: string; subgraphs: { name: string; ready: boolean }[] };
      expect(body.status).to.equal("degraded");
      expect(body.subgraphs).to.deep.equal([{ name: "fake", ready: false, status: 503 }]);
    } finally {
      subgraph.ready = true;
    }
  });

  it("resolves a query through the subgraph", async () => {
    const { status, body } = await post({ query: "{ hello }" });
    expect(status).to.equal(200);
    expect(body).to.deep.equal({ data: { hello: "Xin chào Cà Mau" } });
  });

  it("forwards the client's token and a request id, and echoes the id", async () => {
    const token = signToken({ sub: "officer-1", role: Role.OFFICER });
    const { body, headers } = await post({ query: "{ seenHeaders { authorization requestId } }" }, { authorization: `Bearer ${token}`, "x-request-id": "trace-1" });
    expect(body.data).to.deep.equal({ seenHeaders: { authorization: `Bearer ${token}`, requestId: "trace-1" } });
    expect(headers.get("x-request-id")).to.equal("trace-1");
  });

  it("makes up a request id when the client's is missing or unfit", async () => {
    const { body, headers } = await post({ query: "{ seenHeaders { requestId } }" }, { "x-request-id": "bad id\twith spaces" });
    const forwarded = (body.data?.seenHeaders as { requestId: string }).requestId;
    expect(forwarded).to.match(/^[0-9a-f-]{36}$/);
    expect(headers.get("x-request-id")).to.equal(forwarded);
  });

  it("refuses an invalid token with HTTP 401 and UNAUTHENTICATED", async () => {
    const { status, body } = await post({ query: "{ hello }" }, { authorization: "Bearer not.a.token" });
    expect(status).to.equal(401);
    expect(body.errors?.[0].extensions?.code).to.equal("UNAUTHENTICATED");
    expect(body.data).to.equal(undefined);
  });

  it("passes a subgraph's error through with its code and service name", async () => {
    const { body } = await post({ query: '{ fail(code: "NOT_FOUND") }' });
    expect(body.data).to.deep.equal({ fail: null });
    expect(body.errors).to.have.length(1);
    expect(body.errors?.[0].message).to.equal("failed with NOT_FOUND");
    expect(body.errors?.[0].path).to.deep.equal(["fail"]);
    expect(body.errors?.[0].extensions).to.include({ code: "NOT_FOUND", serviceName: "fake" });
  });

  it("masks an unexpected subgraph error", async () => {
    const { body } = await quietStderr(() => post({ query: "{ crash }" }));
    const error = body.errors?.[0];
    expect(error?.message).to.equal("Internal server error");
    expect(error?.extensions?.code).to.equal("INTERNAL_SERVER_ERROR");
    // The subgraph's correlation id, under which the subgraph logged the detail.
    expect(error?.extensions?.correlationId).to.match(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.to.contain("secret_table");
  });

  it("answers in bounded time when a subgraph is too slow, naming it", async () => {
    const { status, body } = await quietStderr(() => post({ query: "{ slow(ms: 5000) }" }));
    expect(status).to.equal(200);
    expect(body.errors?.[0].message).to.equal("The fake service did not answer within 500 ms");
    expect(body.errors?.[0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "fake" });
  });

  it("validates variables itself with BAD_USER_INPUT", async () => {
    const { body } = await post({ query: "query($ms: Int!) { slow(ms: $ms) }", variables: { ms: "soon" } });
    expect(body.errors?.[0].extensions?.code).to.equal("BAD_USER_INPUT");
  });

  it("refuses batched requests", async () => {
    const { status } = await post([{ query: "{ hello }" }, { query: "{ hello }" }]);
    expect(status).to.equal(400);
  });

  it("answers malformed JSON with a GraphQL-shaped 400", async () => {
    const { status, body } = await post("{not json");
    expect(status).to.equal(400);
    expect(body.errors?.[0].extensions?.code).to.equal("BAD_REQUEST");
  });

  it("answers a JSON POST alike whether Express reads it (a compressed body) or not (graphqlPost.ts)", async () => {
    const body = JSON.stringify({ query: "{ seenHeaders { requestId } }" });
    const headers = { "content-type": "application/json", "x-request-id": "same-1" };
    const plain = await fetch(gateway.url, { method: "POST", headers, body });
    const gzipped = await fetch(gateway.url, { method: "POST", headers: { ...headers, "content-encoding": "gzip" }, body: gzipSync(body) });
    for (const response of [plain, gzipped]) {
      expect(response.status).to.equal(200);
      expect(response.headers.get("x-request-id")).to.equal("same-1");
      expect(response.headers.get("vary")).to.equal("Authorization, Origin");
      expect(response.headers.get("content-type")).to.equal("application/json; charset=utf-8");
    }
    expect(await plain.json()).to.deep.equal(await gzipped.json());
  });

  it("refuses a JSON body that is not an object or an array with a GraphQL-shaped 400, like express.json", async () => {
    for (const text of ['"{ hello }"', " 12", "null"]) {
      const { status, headers, body } = await post(text);
      expect(status, text).to.equal(400);
      expect(headers.get("cache-control")).to.equal("no-store");
      expect(body.errors?.[0]).to.deep.equal({ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } });
    }
  });

  it("refuses a body over the limit with 413", async () => {
    const { status } = await post({ query: `{ hello } # ${"x".repeat(1_100_000)}` });
    expect(status).to.equal(413);
  });

  it("allows introspection", async () => {
    const { body } = await post({ query: "{ __schema { queryType { name } } }" });
    expect(body.data).to.deep.equal({ __schema: { queryType: { name: "Query" } } });
  });
});
