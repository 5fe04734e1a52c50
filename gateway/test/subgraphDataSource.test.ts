// The request-kind enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { GATEWAY_SECRET_HEADER } from "@camau/shared";
import { expect } from "chai";
import { SubgraphDataSource, SubgraphHttpError, SubgraphUnavailableError } from "../src";
import { sendJson, startHttpServer, TestHttpServer } from "./support/httpServer";

const SECRET = "test-gateway-secret";

function dataSourceFor(server: TestHttpServer, timeoutMs = 2_000): SubgraphDataSource {
  return new SubgraphDataSource({ name: "registry", url: server.url, gatewaySecret: SECRET, timeoutMs });
}

/** Calls the data source the way the gateway does, with a client context. */
function send(source: SubgraphDataSource, context: Record<string, unknown> = {}) {
  return source.process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query: "{ __typename }", variables: {} },
    context,
  });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("SubgraphDataSource", () => {
  let server: TestHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("sends the gateway secret and forwards the client's Authorization and request id", async () => {
    server = await startHttpServer((_req, res) => sendJson(res, 200, { data: { __typename: "Query" } }));
    const response = await send(dataSourceFor(server), { authorization: "Bearer abc.def.ghi", requestId: "req-42" });
    expect(response.data).to.deep.equal({ __typename: "Query" });
    const { headers } = server.requests[0];
    expect(headers[GATEWAY_SECRET_HEADER]).to.equal(SECRET);
    expect(headers.authorization).to.equal("Bearer abc.def.ghi");
    expect(headers["x-request-id"]).to.equal("req-42");
  });

  it("keeps connections alive between calls", async () => {
    server = await startHttpServer((_req, res) => sendJson(res, 200, { data: { __typename: "Query" } }));
    const source = dataSourceFor(server);
    for (let i = 0; i < 10; i++) await send(source);
    expect(server.requests).to.have.length(10);
    // Consecutive calls reuse kept-alive connections (a pool may use two), never one per call.
    expect(new Set(server.requests.map((r) => r.remotePort)).size).to.be.at.most(2);
  });

  it("sends no Authorization when the client sent none", async () => {
    server = await startHttpServer((_req, res) => sendJson(res, 200, { data: { __typename: "Query" } }));
    await send(dataSourceFor(server));
    expect(server.requests[0].headers).not.to.have.property("authorization");
    expect(server.requests[0].headers[GATEWAY_SECRET_HEADER]).to.equal(SECRET);
  });

  it("relays the subgraph's own errors of an HTTP 400 answer instead of '400: Bad Request'", async () => {
    const errors = [
      { message: 'Variable "$first" got invalid value "x"', extensions: { code: "BAD_USER_INPUT" } },
      { message: "second problem", extensions: { code: "BAD_USER_INPUT" } },
    ];
    server = await startHttpServer((_req, res) => sendJson(res, 400, { errors }));
    const response = await send(dataSourceFor(server));
    expect(response.errors).to.deep.equal(errors);
  });

  it("reports a non-GraphQL error page by status with a code", async () => {
    server = await startHttpServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>bad gateway</html>");
    });
    const error = await rejectionOf(send(dataSourceFor(server)));
    expect(error).to.be.instanceOf(SubgraphHttpError);
    expect((error as SubgraphHttpError).message).to.equal("The registry service answered HTTP 502");
    expect((error as SubgraphHttpError).extensions.code).to.equal("INTERNAL_SERVER_ERROR");
  });

  it("gives up on a subgraph that does not answer within the timeout", async () => {
    server = await startHttpServer(() => {
      // never answers
    });
    const started = process.hrtime.bigint();
    const error = await rejectionOf(send(dataSourceFor(server, 200)));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(error).to.be.instanceOf(SubgraphUnavailableError);
    expect((error as Error).message).to.equal("The registry service did not answer within 200 ms");
    // Not a timing assertion on performance: only that the bound was applied at all.
    expect(elapsedMs).to.be.below(5_000);
  });

  it("bounds a body that starts but never finishes", async () => {
    server = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":');
    });
    const error = await rejectionOf(send(dataSourceFor(server, 200)));
    expect(error).to.be.instanceOf(SubgraphUnavailableError);
  });

  it("reports an unreachable subgraph", async () => {
    server = await startHttpServer(() => undefined);
    const source = dataSourceFor(server);
    await server.stop();
    server = undefined;
    const error = await rejectionOf(send(source));
    expect(error).to.be.instanceOf(SubgraphUnavailableError);
    expect((error as Error).message).to.equal("The registry service could not be reached");
  });
});
