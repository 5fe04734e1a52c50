import { expect } from "chai";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, LaunchedChromium, requireChromium } from "./support/chromium";
import { e2eStack } from "./support/stack";

/**
 * GraphiQL in a real browser (test/support/chromium.ts) opens the page the gateway serves, runs
 * the semi-annual report example and reads its result, while every request the browser makes is
 * recorded: none may leave this machine.
 */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (["data:", "blob:", "about:"].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/** The little of the DOM this file touches inside the page (the test compiles without DOM types). */
interface BrowserGlobals {
  document: { querySelectorAll(selector: string): { length: number } };
}

function resultText(page: Page): Promise<string> {
  return page.locator(".result-window").innerText();
}

describe("GraphiQL in headless Chromium (no network beyond localhost)", function () {
  this.timeout(240_000);
  let browser: LaunchedChromium | undefined;
  let context: BrowserContext | undefined;
  let base: URL;
  const requests: string[] = [];
  const outside: string[] = [];
  const problems: string[] = [];

  before(async function () {
    requireChromium(this);
    const stack = await e2eStack();
    base = new URL("/", stack.gatewayUrl);
    browser = await launchChromium();
    context = browser.context;
    // Record everything; anything not addressed to this machine is recorded and refused.
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      outside.push(url);
      return route.abort("blockedbyclient");
    });
    context.on("request", (request) => requests.push(request.url()));
    context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
    context.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
  });

  it("redirects / to /graphiql and renders GraphiQL with the explorer, the examples and the headers editor", async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    const response = await page.goto(base.toString());
    expect(response?.status()).to.equal(200);
    expect(new URL(page.url()).pathname).to.equal("/graphiql");
    await page.locator(".graphiql-container").waitFor();
    // The explorer is open on load and lists the root fields once the schema is introspected.
    await page.getByRole("button", { name: "Hide GraphiQL Explorer" }).waitFor();
    await page.locator(".docExplorerWrap").getByText("collectiveEconomyReport", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.locator('[data-example="01-collective-economy-report"]').waitFor();
    await page.getByRole("button", { name: "Headers" }).click();
    await page.locator(".graphiql-editor-tool .graphiql-editor").last().waitFor();
  });

  it("runs the semi-annual report example and shows its figures in the result pane", async () => {
    const page = context!.pages()[0];
    await page.locator('[data-example="01-collective-economy-report"]').getByRole("button", { name: "Run" }).click();
    await page.locator(".result-window", { hasText: '"cooperativeCount"' }).waitFor({ timeout: 60_000 });
    const text = await resultText(page);
    expect(text).to.match(/"cooperativeCount":\s*275/);
    expect(text).to.match(/"cooperativeGroupCount":\s*961/);
    expect(text).not.to.include('"errors"');
    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
  });

  it("builds the report query by clicking in the explorer and runs it", async () => {
    const page = context!.pages()[0];
    await page.getByRole("button", { name: "Show GraphiQL Explorer" }).click();
    // Start from an empty editor; the explorer shows what the editor holds.
    await page.evaluate("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('')");
    const explorer = page.locator(".docExplorerWrap");
    // (A function, not a string: the page's Content-Security-Policy forbids eval.)
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).document.querySelectorAll(".docExplorerWrap [data-arg-name]").length === 0);
    await explorer.getByText("collectiveEconomyReport", { exact: true }).click();
    // Its required arguments are ticked with empty values: type the period, then tick two figures.
    await explorer.locator('[data-arg-name="from"] input').fill("2021-01-01");
    await explorer.locator('[data-arg-name="to"] input').fill("2021-06-30");
    await explorer.locator('[data-field-name="cooperativeCount"]').first().click();
    await explorer.locator('[data-field-name="memberCount"]').first().click();
    const query = await page.locator(".graphiql-query-editor").innerText();
    expect(query).to.include('collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30")');
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".result-window", { hasText: '"memberCount"' }).waitFor({ timeout: 60_000 });
    const text = await resultText(page);
    expect(text).to.match(/"cooperativeCount":\s*275/);
    expect(text).to.match(/"memberCount":\s*14190/);
    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT.replace(/\.png$/, "-explorer.png") });
  });

  it("made no request beyond localhost and met no page error", () => {
    expect(requests.length).to.be.greaterThan(3);
    expect(requests.some((url) => new URL(url).pathname === "/graphql"), "GraphiQL talked to the gateway").to.equal(true);
    expect(outside, "requests that left this machine").to.deep.equal([]);
    expect(requests.filter((url) => !isLocal(url))).to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });
});
