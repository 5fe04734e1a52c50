import { RunningGateway, startGateway } from "@camau/gateway";
import { freePort } from "@camau/shared/testing";
import { expect } from "chai";
import { createHash } from "node:crypto";
import http from "node:http";
import type { Page } from "playwright-core";
import { launchChromium, LaunchedChromium, requireChromium } from "./support/chromium";
import { e2eStack } from "./support/stack";

/** What a page's script gets back from the gateway: the answer, or the browser's refusal. */
type Outcome = { status: number; requestId: string | null; body: string } | { refused: string };

/**
 * A frontend on another origin, in a real browser: the page is served by a small server of the
 * test on 127.0.0.1 (a listed origin) and, the same page, on localhost (another origin, not listed);
 * its script calls a gateway that lists only the first. The browser itself enforces CORS.
 */
describe("CORS in headless Chromium: a page on another origin calls the API", function () {
  this.timeout(240_000);
  const query = `query CorsSectors { sectors { code } }`;
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  let browser: LaunchedChromium | undefined;
  let gateway: RunningGateway | undefined;
  let pages: http.Server | undefined;
  let pagePort: number;

  before(async function () {
    requireChromium(this);
    const stack = await e2eStack();
    pagePort = await freePort();
    gateway = await startGateway({
      port: await freePort(),
      subgraphUrls: Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.url])),
      corsOrigins: [`http://127.0.0.1:${pagePort}`],
    });
    pages = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>portal</title><p>portal</p>"));
    await new Promise<void>((resolve) => pages!.listen(pagePort, "127.0.0.1", resolve));
    // Register the persisted query, as a first POST by the portal would.
    const registered = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, extensions }) });
    expect(registered.status).to.equal(200);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await gateway?.stop();
    if (pages) await new Promise((resolve) => pages!.close(resolve));
  });

  async function pageOn(host: string): Promise<Page> {
    const page = await browser!.context.newPage();
    await page.goto(`http://${host}:${pagePort}/`);
    return page;
  }

  /** Runs fetch in the page: its origin is the page's, and the browser applies CORS. */
  function call(page: Page, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Outcome> {
    return page.evaluate(
      async ({ url, init }) => {
        try {
          const response = await fetch(url, init);
          return { status: response.status, requestId: response.headers.get("x-request-id"), body: await response.text() };
        } catch (error) {
          return { refused: String(error) };
        }
      },
      { url, init },
    );
  }

  const post = (page: Page) =>
    call(page, gateway!.url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "portal-1" }, body: JSON.stringify({ query }) });
  const getByHash = (page: Page) => {
    const params = new URLSearchParams({ operationName: "CorsSectors", extensions: JSON.stringify(extensions) });
    // Apollo's CSRF check wants a header a simple request cannot carry, so the browser sends a preflight.
    return call(page, `${gateway!.url}?${params}`, { method: "GET", headers: { "apollo-require-preflight": "true" } });
  };

  it("lets a listed origin POST a query and read the answer and its request id", async () => {
    const outcome = await post(await pageOn("127.0.0.1"));
    expect(outcome).to.include({ status: 200, requestId: "portal-1" });
    expect(JSON.parse((outcome as { body: string }).body).data.sectors.length).to.be.greaterThan(0);
  });

  it("lets a listed origin GET a persisted query by its hash", async () => {
    const outcome = await getByHash(await pageOn("127.0.0.1"));
    expect(outcome).to.have.property("status", 200);
    expect(JSON.parse((outcome as { body: string }).body).data.sectors.length).to.be.greaterThan(0);
  });

  it("refuses both to an origin that is not listed", async () => {
    const page = await pageOn("localhost");
    expect(await post(page)).to.have.property("refused").that.matches(/Failed to fetch/);
    expect(await getByHash(page)).to.have.property("refused").that.matches(/Failed to fetch/);
  });

  it("answers a preflight before the CSRF check, with the allowed methods and headers, only for a listed origin", async () => {
    const preflight = (origin: string) =>
      fetch(gateway!.url, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    const allowed = await preflight(`http://127.0.0.1:${pagePort}`);
    expect(allowed.status).to.equal(204);
    expect(allowed.headers.get("access-control-allow-origin")).to.equal(`http://127.0.0.1:${pagePort}`);
    expect(allowed.headers.get("access-control-allow-headers")).to.include("authorization");
    expect(allowed.headers.get("access-control-allow-credentials")).to.equal(null);
    const other = await preflight(`http://localhost:${pagePort}`);
    expect(other.headers.get("access-control-allow-origin")).to.equal(null);
    expect(other.status).to.be.within(400, 499);
    // Everything else still meets the CSRF check: a GET without a preflighted header is refused.
    const simple = await fetch(`${gateway!.url}?query=${encodeURIComponent(query)}`, { headers: { origin: `http://127.0.0.1:${pagePort}` } });
    expect(simple.status).to.equal(400);
  });
});
