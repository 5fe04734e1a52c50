import { GATEWAY_SECRET_HEADER, gatewaySecret } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { expect } from "chai";
import { startRegistry, tokens } from "./support";

/** Headers that differ between two answers for reasons other than the path: the clock, and Express's ETag. */
const INCIDENTAL = new Set(["date", "etag"]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A subgraph answers /graphql by two ways: the gateway's plain JSON POSTs without Express
 * (plainGraphqlPost), everything else through Express. The gateway must not be able to tell them
 * apart: same status, headers and body, errors included.
 */
describe("registry subgraph: both /graphql paths answer alike", () => {
  let registry: SubgraphUnderTest;

  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    await registry?.server.stop();
  });

  async function answer(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const kept: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!INCIDENTAL.has(name)) kept[name] = value;
    });
    return { status: response.status, headers: kept, body: await response.json() };
  }

  const withSecret = { [GATEWAY_SECRET_HEADER]: gatewaySecret() };
  const cases: [string, string, Record<string, string>, number][] = [
    ["a query", JSON.stringify({ query: "{ sectors { code } }" }), withSecret, 200],
    ["a query with variables, as an officer", JSON.stringify({ query: "query ($first: Int) { cooperatives(first: $first) { totalCount } }", variables: { first: 2 } }), { ...withSecret, authorization: `Bearer ${tokens.officer()}` }, 200],
    ["no gateway secret", JSON.stringify({ query: "{ sectors { code } }" }), {}, 401],
    ["a wrong gateway secret", JSON.stringify({ query: "{ sectors { code } }" }), { [GATEWAY_SECRET_HEADER]: "not-the-secret" }, 401],
    ["a body that is not JSON", "{not json", withSecret, 400],
    ["a body that is JSON but no object", '"a string"', withSecret, 400],
    ["an invalid token", JSON.stringify({ query: "{ sectors { code } }" }), { ...withSecret, authorization: "Bearer not-a-token" }, 401],
    ["a query that fails validation", JSON.stringify({ query: "{ nope }" }), withSecret, 400],
    ["a bad argument", JSON.stringify({ query: '{ cooperatives(first: 1000) { totalCount } }' }), withSecret, 200],
  ];
  for (const [what, body, headers, status] of cases) {
    it(`answers ${what} with the same status, headers and body by both paths`, async () => {
      const plain = await answer(registry.server.url, body, headers);
      const express = await answer(`${registry.server.url}?via=express`, body, headers);
      expect(plain.status).to.equal(status);
      expect(express).to.deep.equal(plain);
    });
  }

  it("answers the gateway's calls without Express (no ETag, which only Express's res.send sets)", async () => {
    const etagOf = async (url: string) =>
      (await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...withSecret }, body: JSON.stringify({ query: "{ sectors { code } }" }) })).headers.get("etag");
    expect(await etagOf(registry.server.url)).to.equal(null);
    expect(await etagOf(`${registry.server.url}?via=express`)).to.be.a("string");
  });
});
