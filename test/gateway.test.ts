import { GATEWAY_SECRET_HEADER, gatewaySecret, Role, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "@camau/shared";
import { expect } from "chai";
import { createHmac } from "node:crypto";
import { DEVELOPMENT_JWT_SECRET } from "@camau/shared";
import { RunningStack } from "../scripts/stack";
import { e2eStack, graphql } from "./support/stack";

const COOPERATIVES = "query($first: Int) { cooperatives(first: $first) { totalCount edges { node { id code name } } } }";
const REPORT = 'query { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount } }';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** A token that claims OFFICER without any signature ("alg": "none"). */
function unsignedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: "intruder", role: Role.OFFICER, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 3600 };
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`;
}

function expectUnauthenticated(response: { status: number; errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }): void {
  expect(response.status).to.equal(401);
  expect(response.errors?.[0].extensions?.code).to.equal("UNAUTHENTICATED");
  expect(response.data ?? null).to.equal(null);
}

describe("end to end: gateway in front of the subgraphs", function () {
  this.timeout(240_000);
  let stack: RunningStack;

  before(async () => {
    stack = await e2eStack();
  });

  it("answers /health and /ready", async () => {
    for (const endpoint of ["/health", "/ready"]) {
      const response = await fetch(new URL(endpoint, stack.gatewayUrl));
      expect(response.status, endpoint).to.equal(200);
    }
  });

  it("answers a public query through the gateway, without a token", async () => {
    const response = await graphql<{ cooperatives: { totalCount: number; edges: { node: { code: string } }[] } }>(COOPERATIVES, { first: 5 });
    expect(response.status).to.equal(200);
    expect(response.errors).to.equal(undefined);
    expect(response.data?.cooperatives.edges).to.have.length(5);
    expect(response.data?.cooperatives.totalCount).to.be.greaterThan(5);
    for (const { node } of response.data!.cooperatives.edges) expect(node.code).to.match(/^\d{10}$/);
  });

  it("returns the article's cooperative count for the first half of 2021", async () => {
    const response = await graphql<{ collectiveEconomyReport: { cooperativeCount: number } }>(REPORT);
    expect(response.errors).to.equal(undefined);
    expect(response.data?.collectiveEconomyReport.cooperativeCount).to.equal(275);
  });

  it("accepts a valid token and echoes the request id", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${signToken({ sub: "officer-e2e", role: Role.OFFICER })}`,
        "x-request-id": "e2e-request-1",
      },
      body: JSON.stringify({ query: REPORT }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get("x-request-id")).to.equal("e2e-request-1");
    expect(((await response.json()) as { errors?: unknown }).errors).to.equal(undefined);
  });

  it("passes a subgraph's BAD_USER_INPUT through: first: 101 is refused", async () => {
    const response = await graphql(COOPERATIVES, { first: 101 });
    expect(response.errors?.[0].extensions?.code).to.equal("BAD_USER_INPUT");
  });

  it("refuses a malformed token with HTTP 401 UNAUTHENTICATED", async () => {
    expectUnauthenticated(await graphql(REPORT, {}, "not-a-token"));
  });

  it("refuses a token signed with another secret", async () => {
    const forged = signToken({ sub: "officer-e2e", role: Role.OFFICER }, { secret: "some-other-secret-that-is-long-enough-0123456789" });
    expectUnauthenticated(await graphql(REPORT, {}, forged));
  });

  it('refuses an unsigned token ("alg": "none")', async () => {
    expectUnauthenticated(await graphql(REPORT, {}, unsignedToken()));
  });

  it("refuses an expired token", async () => {
    const expired = signToken({ sub: "officer-e2e", role: Role.OFFICER }, { expiresIn: "-1s" });
    expectUnauthenticated(await graphql(REPORT, {}, expired));
  });

  describe("tokens missing a claim or carrying an unknown one are refused", () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** A JWT signed with the right (development) secret, claims as given. */
    const sign = (claims: Record<string, unknown>, alg: "HS256" | "HS512" = "HS256") => {
      const unsigned = `${base64url({ alg, typ: "JWT" })}.${base64url(claims)}`;
      return `${unsigned}.${createHmac(alg === "HS256" ? "sha256" : "sha512", DEVELOPMENT_JWT_SECRET).update(unsigned).digest("base64url")}`;
    };
    const base = () => ({ sub: "officer-e2e", role: Role.OFFICER, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: now() + 600 });
    const without = (claim: string) => Object.fromEntries(Object.entries(base()).filter(([k]) => k !== claim));
    const cases: [string, () => string][] = [
      ["no subject", () => sign(without("sub"))],
      ["no expiry", () => sign(without("exp"))],
      ["no role", () => sign(without("role"))],
      ["an unknown role", () => sign({ ...base(), role: "MAYOR" })],
      ["the role ANONYMOUS", () => sign({ ...base(), role: "ANONYMOUS" })],
      ["a COOPERATIVE_MANAGER without its cooperative", () => sign({ ...base(), role: Role.COOPERATIVE_MANAGER })],
      ["a COOPERATIVE_MANAGER whose cooperative is not an id", () => sign({ ...base(), role: Role.COOPERATIVE_MANAGER, cooperativeId: "HTX-1" })],
      ["another issuer", () => sign({ ...base(), iss: "someone-else" })],
      ["another audience", () => sign({ ...base(), aud: "another-api" })],
      ["another algorithm (HS512)", () => sign(base(), "HS512")],
      ["a token not yet valid", () => sign({ ...base(), nbf: now() + 3600 })],
    ];
    it("accepts the same token with every claim (the cases below differ by one claim each)", async () => {
      expect((await graphql(REPORT, {}, sign(base()))).status).to.equal(200);
    });
    for (const [what, token] of cases) {
      it(`refuses ${what}`, async () => {
        expectUnauthenticated(await graphql(REPORT, {}, token()));
      });
    }

    it("refuses an Authorization header of another scheme", async () => {
      expectUnauthenticated(await graphql(REPORT, {}, undefined, { headers: { authorization: "Basic b2ZmaWNlcjpzZWNyZXQ=" } }));
    });
  });

  describe("subgraphs are not public", () => {
    for (const query of ["{ __typename }", "{ _service { sdl } }", '{ _entities(representations: [{ __typename: "Cooperative", id: "3f0c2a9e-1b2c-4d5e-8f90-123456789abc" }]) { __typename } }']) {
      it(`a subgraph refuses ${query} without the gateway secret`, async () => {
        for (const subgraph of stack.subgraphs) {
          const response = await graphql(query, {}, undefined, { url: subgraph.url });
          expect(response.status, subgraph.name).to.equal(401);
          expect(response.errors?.[0].extensions?.code).to.equal("UNAUTHENTICATED");
          expect(response.data ?? null).to.equal(null);
        }
      });
    }

    it("a subgraph refuses a wrong gateway secret", async () => {
      for (const subgraph of stack.subgraphs) {
        const response = await graphql("{ __typename }", {}, undefined, { url: subgraph.url, headers: { [GATEWAY_SECRET_HEADER]: "guessed" } });
        expect(response.status, subgraph.name).to.equal(401);
      }
    });

    it("a subgraph answers the gateway's secret, and verifies the token again", async () => {
      const subgraph = stack.subgraphs[0];
      const withSecret = { url: subgraph.url, headers: { [GATEWAY_SECRET_HEADER]: gatewaySecret() } };
      const ok = await graphql("{ __typename }", {}, undefined, withSecret);
      expect(ok.status).to.equal(200);
      expect(ok.data).to.deep.equal({ __typename: "Query" });
      expectUnauthenticated(await graphql("{ __typename }", {}, unsignedToken(), withSecret));
    });
  });

  describe("a subgraph going down", () => {
    it("is reported by name while it is down, and served again once it is back", async () => {
      const [subgraph] = stack.subgraphs;
      await stack.stopSubgraph(subgraph.name);
      try {
        const down = await graphql(REPORT);
        expect(down.status).to.equal(200);
        expect(down.errors?.[0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: subgraph.name });
        expect(down.errors?.[0].message).to.equal(`The ${subgraph.name} service could not be reached`);
        const ready = await fetch(new URL("/ready", stack.gatewayUrl));
        expect(ready.status).to.equal(200);
        const body = (await ready.json()) as { status: string; subgraphs: { name: string; ready: boolean }[] };
        expect(body.status).to.equal("degraded");
        expect(body.subgraphs.find((s) => s.name === subgraph.name)?.ready).to.equal(false);
      } finally {
        await stack.startSubgraph(subgraph.name);
      }
      const back = await graphql<{ collectiveEconomyReport: { cooperativeCount: number } }>(REPORT);
      expect(back.data?.collectiveEconomyReport.cooperativeCount).to.equal(275);
    });
  });
});
