import { expect } from "chai";
import http from "node:http";
import { RunningGateway, startGateway } from "../src";
import { FakeSubgraph, startFakeSubgraph } from "./support/fakeSubgraph";

/** The gateway's side of a rolling update (the same steps as a subgraph's, shared's gracefulShutdown.ts). */
describe("gateway shutdown for rolling updates", () => {
  let subgraph: FakeSubgraph;
  let gateway: RunningGateway;

  before(async () => {
    subgraph = await startFakeSubgraph();
    gateway = await startGateway({ port: 0, supergraphSdl: subgraph.supergraphSdl(), shutdown: { readinessDelayMs: 1_500, drainTimeoutMs: 10_000 } });
  });
  after(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  /** One request on a connection of its own, with the raw headers (fetch hides Connection). */
  const request = (path: string, body?: unknown) =>
    new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: gateway.port, path, method: body ? "POST" : "GET", agent: false, headers: body ? { "content-type": "application/json" } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: Buffer.concat(chunks).toString() }));
      });
      req.on("error", reject);
      req.end(body ? JSON.stringify(body) : undefined);
    });

  it("is not ready at once, keeps answering with Connection: close through the delay, finishes what is in flight, then stops", async () => {
    expect((await request("/ready")).status).to.equal(200);
    const stopped = gateway.stop();
    let done = false;
    void stopped.then(() => (done = true));
    expect((await request("/ready")).status).to.equal(503);
    const hello = await request("/graphql", { query: "{ hello }" });
    expect(JSON.parse(hello.body)).to.deep.equal({ data: { hello: "Xin chào Cà Mau" } });
    expect(hello.connection).to.equal("close");
    const slow = request("/graphql", { query: "{ slow(ms: 1500) }" });
    expect(done).to.equal(false);
    expect(JSON.parse((await slow).body)).to.deep.equal({ data: { slow: "late" } });
    await stopped;
    const refused = await request("/health").then(
      () => false,
      () => true,
    );
    expect(refused, "no longer accepting").to.equal(true);
  });
});
