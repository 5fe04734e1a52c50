import { sendInternalError } from "@camau/shared";
import { expect } from "chai";
import http from "node:http";
import { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { RunningGateway, startGateway } from "../src";
import { FakeSubgraph, startFakeSubgraph } from "./support/fakeSubgraph";

const ORIGIN = "http://localhost:5173";

/** Headers that differ between two answers for reasons other than the path: the clock, and Express's ETag (kept for GETs, which a cache revalidates). */
const INCIDENTAL = new Set(["date", "etag"]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

async function answerOf(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!INCIDENTAL.has(name)) headers[name] = value;
  });
  return { status: response.status, headers, body: await response.json() };
}

/** The shape of a body: its keys and the kinds of their values, with the error codes kept. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === "code" ? v : shapeOf(v)]));
  }
  return typeof value;
}

/**
 * The gateway answers /graphql by two ways: plain JSON POSTs without Express (graphqlPost.ts),
 * everything else (GET, compressed or chunked bodies, a query string) through Express. A client
 * must not be able to tell them apart: same status, headers (security, CORS, request id, caching)
 * and body, errors included.
 */
describe("gateway: both /graphql paths answer errors alike", () => {
  let subgraph: FakeSubgraph;
  let gateway: RunningGateway;

  before(async () => {
    subgraph = await startFakeSubgraph();
    gateway = await startGateway({ port: 0, supergraphSdl: subgraph.supergraphSdl(), corsOrigins: [ORIGIN] });
  });
  after(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  const headers = (extra: Record<string, string> = {}) => ({ "content-type": "application/json", origin: ORIGIN, "x-request-id": "same-request", ...extra });
  /** The same POST by the fast path and, with a query string, by Express. */
  async function bothPaths(body: string, extra: Record<string, string> = {}): Promise<[Answer, Answer]> {
    const fast = await fetch(gateway.url, { method: "POST", headers: headers(extra), body });
    const express = await fetch(`${gateway.url}?via=express`, { method: "POST", headers: headers(extra), body });
    return [await answerOf(fast), await answerOf(express)];
  }

  const cases: [string, string, Record<string, string>?][] = [
    ["a body that is not JSON", "{not json"],
    ["a body that is JSON but no object", '"a string"'],
    ["an invalid token", JSON.stringify({ query: "{ hello }" }), { authorization: "Bearer not-a-token" }],
    ["a query that fails validation", JSON.stringify({ query: "{ nope }" })],
    ["invalid variables", JSON.stringify({ query: "query ($code: String!) { fail(code: $code) }", variables: { code: 1 } })],
    ["a batched request (refused)", JSON.stringify([{ query: "{ hello }" }, { query: "{ hello }" }])],
    ["an unknown persisted-query hash", JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } })],
    ["a subgraph's error", JSON.stringify({ query: '{ fail(code: "BAD_USER_INPUT") }' })],
  ];
  for (const [what, body, extra] of cases) {
    it(`answers ${what} with the same status, headers and body by both paths`, async () => {
      const [fast, express] = await bothPaths(body, extra);
      expect(fast.body).to.have.property("errors");
      expect(fast.headers).to.include({ "x-request-id": "same-request", "access-control-allow-origin": ORIGIN, "x-content-type-options": "nosniff" });
      expect(fast.headers["content-security-policy"]).to.include("default-src 'none'");
      expect(express).to.deep.equal(fast);
    });
  }

  it("answers a compressed body, a GET and a batched POST with the same headers and body shape as the fast path", async () => {
    const query = "{ nope }";
    const [fast] = await bothPaths(JSON.stringify({ query }));
    const gzipped = await answerOf(await fetch(gateway.url, { method: "POST", headers: headers({ "content-encoding": "gzip" }), body: gzipSync(JSON.stringify({ query })) }));
    const get = await answerOf(await fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, { headers: { origin: ORIGIN, "x-request-id": "same-request", "apollo-require-preflight": "true" } }));
    expect(gzipped).to.deep.equal(fast);
    expect(get.status).to.equal(fast.status);
    expect(get.headers).to.deep.equal(fast.headers);
    expect(shapeOf(get.body)).to.deep.equal(shapeOf(fast.body));
  });

  it("answers an unknown path with the same JSON error shape, security headers and request id", async () => {
    const response = await answerOf(await fetch(new URL("/nowhere", gateway.url), { headers: { origin: ORIGIN, "x-request-id": "same-request" } }));
    expect(response.status).to.equal(404);
    expect(response.body).to.deep.equal({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] });
    expect(response.headers).to.include({ "x-request-id": "same-request", "access-control-allow-origin": ORIGIN, "content-type": "application/json; charset=utf-8" });
  });
});

describe("shared error responder: the unexpected", () => {
  it("logs the detail under a correlation id and answers a masked 500 with that id", async () => {
    const server = http.createServer((_req, res) => sendInternalError(res, "test", new Error('relation "secret_table" does not exist')));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const lines: string[] = [];
      const write = process.stderr.write;
      process.stderr.write = ((line: string) => lines.push(String(line)) > 0) as typeof process.stderr.write;
      let answer: { status: number; type: string | null; body: { errors: { message: string; extensions: { code: string; correlationId: string } }[] } };
      try {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        answer = { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as typeof answer.body };
      } finally {
        process.stderr.write = write;
      }
      const { status, type, body } = answer;
      expect(status).to.equal(500);
      expect(type).to.equal("application/json; charset=utf-8");
      expect(body.errors[0].message).to.equal("Internal server error");
      expect(body.errors[0].extensions.code).to.equal("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(body)).not.to.include("secret_table");
      expect(lines.join("")).to.include(body.errors[0].extensions.correlationId).and.to.include("secret_table");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
