import { RunningGateway, startGateway } from "@camau/gateway";
import { expect } from "chai";

/**
 * GraphiQL as the gateway serves it, without a browser: `/` redirects to /graphiql, the
 * page and its assets are local files with a same-origin Content-Security-Policy, and GRAPHIQL=false
 * switches it off. The gateway runs in-process; no subgraph is needed, as nothing here is a query.
 * test/graphiql.browser.test.ts runs the page in Chromium.
 */
async function withGateway(graphiql: string | undefined, run: (base: URL) => Promise<void>): Promise<void> {
  const saved = process.env.GRAPHIQL;
  if (graphiql === undefined) delete process.env.GRAPHIQL;
  else process.env.GRAPHIQL = graphiql;
  let gateway: RunningGateway | undefined;
  try {
    gateway = await startGateway({ port: 0, subgraphUrls: {} });
    await run(new URL("/", gateway.url));
  } finally {
    await gateway?.stop();
    if (saved === undefined) delete process.env.GRAPHIQL;
    else process.env.GRAPHIQL = saved;
  }
}

describe("GraphiQL served by the gateway", function () {
  this.timeout(60_000);

  it("redirects / to /graphiql and serves the page and its assets from local files only", async () => {
    await withGateway(undefined, async (base) => {
      const root = await fetch(base, { redirect: "manual" });
      expect(root.status).to.equal(302);
      expect(root.headers.get("location")).to.equal("/graphiql");

      const page = await fetch(new URL("/graphiql", base));
      expect(page.status).to.equal(200);
      expect(page.headers.get("content-type")).to.match(/^text\/html/);
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).to.include("default-src 'none'");
      expect(csp).to.include("connect-src 'self'");
      expect(csp).to.include("script-src 'self'");
      const html = await page.text();
      expect(html).to.not.match(/(src|href)="(https?:)?\/\//);
      const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets).to.have.length(2);
      for (const asset of assets) {
        const response = await fetch(new URL(asset, base));
        expect(response.status, asset).to.equal(200);
        expect(response.headers.get("cache-control"), asset).to.include("immutable");
        const text = await response.text();
        // No stylesheet @import or font from a CDN; the bundle names no CDN to load from.
        expect(text, asset).to.not.match(/@import\s+url\(["']?https?:|url\(["']?https?:\/\//);
        expect(text, asset).to.not.match(/fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs\.cloudflare/);
      }
      expect((await fetch(new URL("/graphiql/assets/missing.js", base))).status).to.equal(404);
    });
  });

  it("embeds the example operations and the explorer plugin", async () => {
    await withGateway("true", async (base) => {
      const html = await (await fetch(new URL("/graphiql", base))).text();
      const script = /src="(\/graphiql\/assets\/[^"]+\.js)"/.exec(html)![1];
      const bundle = await (await fetch(new URL(script, base))).text();
      expect(bundle).to.include("collectiveEconomyReport(from: $from, to: $to)");
      expect(bundle).to.include("cooperatives(");
      expect(bundle).to.include("graphiql-explorer");
    });
  });

  it("is switched off by GRAPHIQL=false", async () => {
    await withGateway("false", async (base) => {
      expect((await fetch(new URL("/graphiql", base))).status).to.equal(404);
      expect((await fetch(base, { redirect: "manual" })).status).to.equal(404);
      expect((await fetch(new URL("/health", base))).status).to.equal(200);
    });
  });
});
