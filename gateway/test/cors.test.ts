import { expect } from "chai";
import { corsOriginsFromEnvironment, originMatcher, RunningGateway, startGateway } from "../src";
import { FakeSubgraph, startFakeSubgraph } from "./support/fakeSubgraph";

/** Runs `body` with some environment variables set (undefined: unset), then puts them back. */
function withEnvironment<T>(values: Record<string, string | undefined>, body: () => T): T {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (entries: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  try {
    return body();
  } finally {
    apply(saved);
  }
}

describe("CORS: which origins may call the gateway", () => {
  it("allows any port of localhost and 127.0.0.1 in development, nothing in production, unless CORS_ORIGINS lists origins", () => {
    const development = originMatcher(withEnvironment({ CORS_ORIGINS: undefined, NODE_ENV: undefined }, corsOriginsFromEnvironment));
    expect(development("http://localhost:5173")).to.equal(true);
    expect(development("http://127.0.0.1:3000")).to.equal(true);
    expect(development("http://localhost")).to.equal(true);
    expect(development("https://localhost:5173")).to.equal(false);
    expect(development("http://localhost.evil.example:5173")).to.equal(false);
    expect(development("http://192.168.1.5:5173")).to.equal(false);
    expect(withEnvironment({ CORS_ORIGINS: undefined, NODE_ENV: "production" }, corsOriginsFromEnvironment)).to.deep.equal([]);
    const listed = originMatcher(withEnvironment({ CORS_ORIGINS: " https://portal.camau.gov.vn, https://data.camau.gov.vn:8443 ", NODE_ENV: "production" }, corsOriginsFromEnvironment));
    expect(listed("https://portal.camau.gov.vn")).to.equal(true);
    expect(listed("https://data.camau.gov.vn:8443")).to.equal(true);
    expect(listed("https://data.camau.gov.vn")).to.equal(false);
    expect(listed("http://portal.camau.gov.vn")).to.equal(false);
    expect(listed("null")).to.equal(false);
  });

  it("refuses to start on an entry that is not an origin", () => {
    expect(() => originMatcher(["https://portal.camau.gov.vn/app"])).to.throw(/not an origin/);
    expect(() => originMatcher(["*"])).to.throw(/not an origin/);
    expect(() => originMatcher(["portal.camau.gov.vn"])).to.throw(/not an origin/);
  });

  describe("a gateway on the development default", () => {
    let subgraph: FakeSubgraph;
    let gateway: RunningGateway;
    before(async () => {
      subgraph = await startFakeSubgraph();
      gateway = await withEnvironment({ CORS_ORIGINS: undefined, NODE_ENV: undefined }, () => startGateway({ port: 0, supergraphSdl: subgraph.supergraphSdl() }));
    });
    after(async () => {
      await gateway?.stop();
      await subgraph?.stop();
    });

    it("answers a frontend dev server's preflight with Access-Control-Allow-Origin (the README's curl)", async () => {
      const response = await fetch(gateway.url, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect(response.status).to.equal(204);
      expect(response.headers.get("access-control-allow-origin")).to.equal("http://localhost:5173");
      expect(response.headers.get("access-control-allow-methods")).to.equal("GET,POST");
      expect(response.headers.get("access-control-max-age")).to.equal("600");
    });

    it("exposes the request id to the page and varies every GraphQL answer on Origin", async () => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { origin: "http://localhost:5173", "content-type": "application/json" },
        body: JSON.stringify({ query: "{ hello }" }),
      });
      expect(response.status).to.equal(200);
      expect(response.headers.get("access-control-allow-origin")).to.equal("http://localhost:5173");
      expect(response.headers.get("access-control-expose-headers")).to.include("x-request-id");
      const other = await fetch(gateway.url, { method: "POST", headers: { origin: "https://elsewhere.example", "content-type": "application/json" }, body: JSON.stringify({ query: "{ hello }" }) });
      expect(other.headers.get("access-control-allow-origin")).to.equal(null);
      expect(other.headers.get("vary")).to.equal("Authorization, Origin");
    });
  });
});
