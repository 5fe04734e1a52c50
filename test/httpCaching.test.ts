import { Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { e2eStack } from "./support/stack";

/**
 * HTTP caching through the whole stack: public data is `public, max-age=...` for
 * anonymous requests, anything personal, role-restricted, failed, signed-in or a mutation is
 * `no-store`. Headers are read with fetch directly (the graphql() helper returns no headers).
 */
const EXAMPLES = path.resolve(__dirname, "..", "..", "docs", "examples");

const REPORT = `query Report { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount memberCount bySector { sectorCode cooperativeCount } publishedFigures { figure status } } }`;
const COOPERATIVES = `{
  cooperatives(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id code name district { code name } sector { code name } latestClassification { year rating } } }
  }
}`;

interface Answer {
  status: number;
  cacheControl: string | null;
  vary: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const url = (await e2eStack()).gatewayUrl;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, cacheControl: response.headers.get("cache-control"), vary: response.headers.get("vary"), body: (await response.json()) as Answer["body"] };
}

function example(name: string): { query: string; variables: Record<string, unknown> } {
  return {
    query: readFileSync(path.join(EXAMPLES, `${name}.graphql`), "utf8"),
    variables: JSON.parse(readFileSync(path.join(EXAMPLES, `${name}.variables.json`), "utf8")) as Record<string, unknown>,
  };
}

describe("end to end: HTTP caching (Cache-Control)", function () {
  before(async function () {
    this.timeout(240_000);
    await e2eStack();
  });

  it("makes the anonymous report public for 300 s, varying on Authorization", async () => {
    const answer = await post(REPORT);
    expect(answer.body.errors).to.equal(undefined);
    expect(answer.body.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    expect(answer.cacheControl).to.equal("public, max-age=300");
    expect(answer.vary?.toLowerCase()).to.include("authorization");
  });

  it("makes the anonymous product catalogue and cooperative list public", async () => {
    const { query, variables } = example("04-ocop-products");
    const products = await post(query, variables);
    expect(products.body.errors).to.equal(undefined);
    expect(products.body.data.products.edges.length).to.be.greaterThan(0);
    expect(products.cacheControl).to.equal("public, max-age=60");

    const list = await post(COOPERATIVES);
    expect(list.body.errors).to.equal(undefined);
    expect(list.body.data.cooperatives.edges[0].node.district.name).to.be.a("string");
    expect(list.cacheControl).to.equal("public, max-age=60");
  });

  it("makes every documented public screen cacheable, reference data the longest", async () => {
    const expected: Record<string, string> = {
      "01-collective-economy-report": "public, max-age=300",
      "02-cooperative-list": "public, max-age=60",
      "03-cooperative-profile": "public, max-age=60", // withFund: false leaves the fund out
      "04-ocop-products": "public, max-age=60",
      "05-fund-portfolio": "public, max-age=300",
      "06-reference-data": "public, max-age=3600",
    };
    for (const [name, header] of Object.entries(expected)) {
      const { query, variables } = example(name);
      const answer = await post(query, variables);
      expect(answer.body.errors, name).to.equal(undefined);
      expect(answer.cacheControl, name).to.equal(header);
    }
  });

  it("never stores an answer that asks for members or loans, even anonymous, even when the field errors", async () => {
    const members = await post(`{ cooperatives(first: 2) { edges { node { name members(first: 2) { totalCount } } } } }`);
    expect(members.body.errors?.[0]?.extensions?.code).to.be.oneOf(["FORBIDDEN", "UNAUTHENTICATED"]);
    expect(members.cacheControl).to.equal("no-store");

    const loans = await post(`{ cooperatives(first: 2) { edges { node { name loans(first: 2) { totalCount } } } } }`);
    expect(loans.body.errors).to.not.equal(undefined);
    expect(loans.cacheControl).to.equal("no-store");

    // The profile with the fund part switched on by its variable.
    const { query, variables } = example("03-cooperative-profile");
    const withFund = await post(query, { ...variables, withFund: true });
    expect(withFund.cacheControl).to.equal("no-store");
  });

  it("never stores a field the policy keeps out even when the public may read it without error", async () => {
    // A cooperative's history is public; who recorded each event (a staff login) is not for shared caches.
    const answer = await post(`{ cooperatives(first: 1) { edges { node { history(first: 2) { edges { node { kind actorSubject } } } } } } }`);
    expect(answer.body.errors).to.equal(undefined);
    expect(answer.cacheControl).to.equal("no-store");
    const without = await post(`{ cooperatives(first: 1) { edges { node { history(first: 2) { edges { node { kind effectiveOn } } } } } } }`);
    expect(without.cacheControl).to.equal("public, max-age=60");
  });

  it("makes any request with a token private and unstored, public fields included", async () => {
    const token = signToken({ sub: "officer-cache", role: Role.OFFICER });
    const answer = await post(REPORT, {}, { authorization: `Bearer ${token}` });
    expect(answer.body.errors).to.equal(undefined);
    expect(answer.cacheControl).to.equal("private, no-store");
    expect(answer.vary?.toLowerCase()).to.include("authorization");
  });

  it("does not store a bad token's 401, nor a request Apollo refuses before running it", async () => {
    const bad = await post(REPORT, {}, { authorization: "Bearer not-a-token" });
    expect(bad.status).to.equal(401);
    expect(bad.cacheControl).to.equal("no-store");
    expect(bad.vary?.toLowerCase()).to.include("authorization");

    const url = (await e2eStack()).gatewayUrl;
    const notJson = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).to.equal(400);
    expect(notJson.headers.get("cache-control")).to.equal("no-store");
  });

  it("never stores a mutation, an invalid operation or introspection", async () => {
    const mutation = await post(`mutation { updateCooperative(input: { id: "3f0c2a9e-1b2c-4d5e-8f90-123456789abc", version: 1 }) { cooperative { id } } }`);
    expect(mutation.body.errors?.[0]?.extensions?.code).to.be.oneOf(["UNAUTHENTICATED", "FORBIDDEN"]);
    expect(mutation.cacheControl).to.equal("no-store");
    const invalid = await post(`{ cooperatives { nope } }`);
    expect(invalid.cacheControl).to.equal("no-store");
    const introspection = await post(`{ __schema { queryType { name } } }`);
    expect(introspection.cacheControl).to.equal("no-store");
  });

  it("makes a GET persisted query of the report public, like its POST", async () => {
    const url = (await e2eStack()).gatewayUrl;
    const sha256Hash = createHash("sha256").update(REPORT).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const register = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: REPORT, extensions }) });
    expect(register.status).to.equal(200);

    const params = new URLSearchParams({ operationName: "Report", extensions: JSON.stringify(extensions) });
    const response = await fetch(`${url}?${params}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).to.equal(undefined);
    expect(body.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    expect(response.headers.get("cache-control")).to.equal("public, max-age=300");
    expect(response.headers.get("vary")?.toLowerCase()).to.include("authorization");

    // An unknown hash asks for the document: that answer is not stored either.
    const unknown = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }) });
    const notFound = await fetch(`${url}?${unknown}`, { headers: { "apollo-require-preflight": "true" } });
    expect(notFound.headers.get("cache-control")).to.equal("no-store");
  });
});
