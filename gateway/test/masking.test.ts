import { expect } from "chai";
import { RunningGateway, startGateway } from "../src";
import { startFakeSubgraph } from "./support/fakeSubgraph";
import { sendJson, startHttpServer, TestHttpServer } from "./support/httpServer";
import { quietStderr } from "./support/quietStderr";

/**
 * Masking: whatever a subgraph answers, nothing of the inside reaches the client: no SQL, stack
 * trace, file path, host, port or URL. The gateway stands before a scripted HTTP server that
 * plays a misbehaving subgraph.
 */
const LEAKS = /db\.internal|10\.1\.2\.3|5432|SELECT|secret_table|\/srv\/|\.js:\d|stacktrace|127\.0\.0\.1|localhost|http:\/\//;

describe("gateway error masking (a misbehaving subgraph)", () => {
  let server: TestHttpServer;
  let gateway: RunningGateway;
  let answer: (res: import("node:http").ServerResponse) => void = () => undefined;

  before(async () => {
    const fake = await startFakeSubgraph();
    const supergraphSdl = fake.supergraphSdl();
    await fake.stop();
    server = await startHttpServer((_req, res) => answer(res));
    gateway = await startGateway({ port: 0, supergraphSdl, subgraphUrls: { fake: server.url }, subgraphTimeoutMs: 500 });
  });
  after(async () => {
    await gateway?.stop();
    await server?.stop();
  });

  async function ask(): Promise<{ status: number; text: string; body: { errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
    const response = await quietStderr(() => fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ hello }" }) }));
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  }

  const cases: [string, (res: import("node:http").ServerResponse) => void][] = [
    ["an HTML page with status 200", (res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>upstream db.internal:5432 at /srv/app/index.js:12</html>");
    }],
    ["an HTML error page with status 502", (res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway: 10.1.2.3:5432</html>");
    }],
    ["an unmasked internal error with a stack trace", (res) =>
      sendJson(res, 200, { data: { hello: null }, errors: [{ message: 'relation "secret_table" does not exist: SELECT * FROM secret_table', path: ["hello"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at /srv/app/index.js:12"] } }] })],
    ["an error without a code", (res) => sendJson(res, 200, { data: { hello: null }, errors: [{ message: "connect ECONNREFUSED db.internal:5432", path: ["hello"] }] })],
    ["a connection cut mid-answer", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":');
      res.socket?.destroy();
    }],
    ["no answer at all", () => undefined],
  ];
  // No usable answer at all is the subgraph being unavailable; a bad answer is a fault.
  const unavailable = new Set(["a connection cut mid-answer", "no answer at all"]);
  for (const [what, script] of cases) {
    it(`masks ${what}`, async () => {
      answer = script;
      const { status, text, body } = await ask();
      expect(status).to.be.oneOf([200, 500]);
      expect(text).not.to.match(LEAKS);
      expect(body.errors?.[0].extensions?.code).to.equal(unavailable.has(what) ? "SUBGRAPH_UNAVAILABLE" : "INTERNAL_SERVER_ERROR");
      for (const error of body.errors ?? []) expect(Object.keys(error.extensions ?? {})).not.to.include.members(["stacktrace", "exception"]);
    });
  }

  it("answers a broken URL or an unknown route without an HTML stack page", async () => {
    const broken = await fetch(new URL("/graphql/%E0%A4%A", gateway.url), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const text = await broken.text();
    expect(text).not.to.match(/at .*\(|node_modules|<pre>/);
  });
});
