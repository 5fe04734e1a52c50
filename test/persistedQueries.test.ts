import { expect } from "chai";
import { createHash } from "node:crypto";
import { e2eStack } from "./support/stack";

/**
 * Automatic persisted queries through the gateway: the portal sends a hash instead of the
 * document, and may use GET so that a CDN can cache the answer.
 */
describe("end to end: automatic persisted queries", function () {
  const query = `query PortalReport { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount } }`;
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  let url: string;

  before(async function () {
    this.timeout(240_000);
    url = (await e2eStack()).gatewayUrl;
  });

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };

  it("asks for the document when it does not know the hash, then answers by hash alone", async () => {
    const unknown = await post({ extensions });
    expect(unknown.errors![0].extensions!.code).to.equal("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post({ query, extensions });
    expect(registered.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    const byHash = await post({ extensions });
    expect(byHash.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
  });

  it("answers a GET request carrying only the hash (cacheable by a CDN)", async () => {
    await post({ query, extensions });
    const params = new URLSearchParams({ operationName: "PortalReport", extensions: JSON.stringify(extensions) });
    // Apollo's CSRF prevention wants a non-simple header on GET; clients send the operation name.
    const response = await fetch(`${url}?${params}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { data: any };
    expect(body.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
  });

  it("refuses a hash that does not match the document", async () => {
    const wrong = await post({ query: query.replace("cooperativeCount", "memberCount"), extensions });
    expect(wrong.errors![0].extensions!.code).to.not.equal(undefined);
    expect(wrong.data).to.equal(undefined);
  });
});
