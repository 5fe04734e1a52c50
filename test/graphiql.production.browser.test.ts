import { Role, signToken, SUBGRAPHS } from "@camau/shared";
import { freePort } from "@camau/shared/testing";
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { RunningStack, startStack } from "../scripts/stack";
import { launchChromium, LaunchedChromium, requireChromium } from "./support/chromium";
import { e2eStack } from "./support/stack";

/**
 * Exploring the live API in production: a stack started with NODE_ENV=production (its own
 * secrets, the end-to-end stack's databases) serves GraphiQL fed by the published schema
 * (GET /schema.graphql), while introspection stays off, for anonymous callers and staff alike.
 */
describe("GraphiQL with NODE_ENV=production in headless Chromium", function () {
  this.timeout(300_000);
  const jwtSecret = randomBytes(32).toString("hex");
  let production: RunningStack | undefined;
  let browser: LaunchedChromium | undefined;
  let base: URL;
  const graphqlBodies: string[] = [];
  const problems: string[] = [];

  before(async function () {
    requireChromium(this);
    const e2e = await e2eStack();
    const ports: Record<string, number> = {};
    for (const s of SUBGRAPHS) ports[s.name] = await freePort();
    production = await startStack({
      databaseUrls: Object.fromEntries(e2e.subgraphs.map((s) => [s.name, s.databaseUrl])),
      ports,
      gatewayPort: await freePort(),
      seedIfEmpty: false,
      env: { NODE_ENV: "production", JWT_SECRET: jwtSecret, GATEWAY_SECRET: randomBytes(32).toString("hex"), FAIR_USE: "false", INTROSPECTION: "", GRAPHIQL: "", BLOCK_FIELD_SUGGESTIONS: "" },
      log: process.env.E2E_LOG ? (line) => process.stdout.write(`      ${line}\n`) : () => undefined,
    });
    base = new URL("/", production.gatewayUrl);
    browser = await launchChromium();
    browser.context.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql" && request.method() === "POST") graphqlBodies.push(request.postData() ?? "");
    });
    browser.context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
    browser.context.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await production?.stop();
  });

  const introspect = async (token?: string) => {
    const response = await fetch(production!.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
  };

  it("keeps introspection off, for anonymous callers and signed-in staff alike", async () => {
    const staff = signToken({ sub: "analyst", role: Role.OFFICER }, { secret: jwtSecret });
    for (const token of [undefined, staff]) {
      const { status, body } = await introspect(token);
      expect(status).to.equal(400);
      expect(body.errors![0].extensions!.code).to.equal("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("publishes the public schema at /schema.graphql: the text of schema/api.graphql, with an ETag and Cache-Control", async () => {
    const url = new URL("/schema.graphql", base);
    const response = await fetch(url);
    expect(response.status).to.equal(200);
    expect(response.headers.get("content-type")).to.equal("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).to.equal("public, max-age=300");
    expect(await response.text()).to.equal(await readFile(path.resolve(__dirname, "../../schema/api.graphql"), "utf8"));
    const etag = response.headers.get("etag")!;
    expect(etag).to.match(/^"[\w-]{43}"$/);
    const again = await fetch(url, { headers: { "if-none-match": etag } });
    expect(again.status).to.equal(304);
    expect(await again.text()).to.equal("");
  });

  let page: Page;
  it("loads GraphiQL; its explorer and docs show the schema without introspecting", async () => {
    page = await browser!.context.newPage();
    const response = await page.goto(new URL("/graphiql", base).toString());
    expect(response?.status()).to.equal(200);
    await page.locator(".graphiql-container").waitFor();
    await page.locator(".docExplorerWrap").getByText("collectiveEconomyReport", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Query", { exact: true }).first().click();
    await docs.getByText("collectiveEconomyReport", { exact: true }).first().waitFor();
    expect(graphqlBodies.filter((body) => body.includes("__schema"))).to.deep.equal([]);
  });

  it("runs a query and shows its result", async () => {
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.locator('[data-example="01-collective-economy-report"]').getByRole("button", { name: "Run" }).click();
    await page.locator(".result-window", { hasText: '"cooperativeCount"' }).waitFor({ timeout: 60_000 });
    const text = await page.locator(".result-window").innerText();
    expect(text).to.match(/"cooperativeCount":\s*275/);
    expect(text).not.to.include('"errors"');
    expect(problems).to.deep.equal([]);
  });
});
