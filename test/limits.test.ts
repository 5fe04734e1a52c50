import { Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { RunningStack } from "../scripts/stack";
import { e2eStack, graphql } from "./support/stack";

/**
 * Request limits through the whole stack: the deepest real screens answer without any
 * error under the default limits, and hostile documents are refused cheaply while the gateway
 * keeps serving other clients. (gateway/test/limits.test.ts checks each limit on its own.)
 */
const REPO = path.resolve(__dirname, "..", "..");
const admin = () => signToken({ sub: "admin-limits", role: Role.ADMIN });

function screens(): { file: string; query: string }[] {
  return [path.join(REPO, "docs", "examples"), path.join(REPO, "test", "fixtures", "screens")].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".graphql"))
      .map((f) => ({ file: path.relative(REPO, path.join(dir, f)), query: readFileSync(path.join(dir, f), "utf8") })),
  );
}

describe("end to end: request limits with the real screens and a flood", function () {
  this.timeout(240_000);
  let stack: RunningStack;
  let variables: Record<string, unknown>;

  before(async () => {
    stack = await e2eStack();
    // A cooperative that belongs to a union: the profile then reaches the union's other members.
    const unions = await graphql<{ cooperativeUnions: { edges: { node: { memberships: { cooperative: { id: string; code: string } }[] } }[] } }>(
      `{ cooperativeUnions(first: 1) { edges { node { memberships { cooperative { id code } } } } } }`,
    );
    const member = unions.data!.cooperativeUnions.edges[0].node.memberships[0].cooperative;
    variables = { from: "2021-01-01", to: "2021-06-30", asOf: "2021-06-30", id: member.id, code: member.code, withFund: true };
  });

  for (const { file, query } of screens()) {
    it(`answers ${file} without any error under the default limits`, async () => {
      const response = await graphql(query, variables, admin());
      expect(response.status).to.equal(200);
      expect(response.errors, JSON.stringify(response.errors)).to.equal(undefined);
      expect(response.data).to.be.an("object");
    });
  }

  it("reaches a union's other members in the deep profile", async () => {
    const query = readFileSync(path.join(REPO, "test", "fixtures", "screens", "deep-cooperative-profile.graphql"), "utf8");
    const response = await graphql<{ cooperative: { unionMembership: { union: { memberships: unknown[] } } } }>(query, variables, admin());
    expect(response.data!.cooperative.unionMembership.union.memberships.length).to.be.greaterThan(2);
  });

  it("refuses a flood of hostile documents cheaply while answering an ordinary client", async () => {
    let deep = "id";
    for (let i = 0; i < 4; i++) deep = `unionMembership { union { memberships { cooperative { ${deep} } } } }`;
    const hostile = [
      `{ cooperative(id: "${variables.id}") { ${deep} } }`,
      `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: cooperativeByCode(code: "${variables.code}") { id name members { totalCount } }`).join(" ")} }`,
      `{ ${Array.from({ length: 5000 }, () => "__typename").join(" ")} }`,
      `{ cooperatives(first: 100) { edges { node { members(first: 100) { edges { node { fullName } } } history(first: 100) { edges { node { details } } } } } } }`,
      `{ __typename ${Array.from({ length: 200 }, () => "@include(if: true)").join(" ")} }`,
    ];
    const huge = JSON.stringify({ query: `{ __typename } # ${"x".repeat(2_000_000)}` });
    const flood: Promise<number>[] = [];
    for (let round = 0; round < 20; round++) {
      for (const query of hostile) flood.push(graphql(query).then((r) => r.status));
      flood.push(fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: huge }).then(async (r) => (await r.arrayBuffer(), r.status)));
    }
    // An ordinary client meanwhile: it succeeds (no timing assertion).
    const ordinary = await graphql<{ cooperatives: { totalCount: number } }>(`{ cooperatives(first: 5) { totalCount edges { node { code name } } } }`);
    const statuses = await Promise.all(flood);
    expect(ordinary.errors).to.equal(undefined);
    expect(ordinary.data!.cooperatives.totalCount).to.be.greaterThan(0);
    expect(statuses.every((s) => s === 400 || s === 413), JSON.stringify(statuses)).to.equal(true);
    // And the gateway is still ready afterwards.
    expect((await fetch(new URL("/ready", stack.gatewayUrl))).status).to.equal(200);
  });

  it("refuses a page larger than 100 with BAD_USER_INPUT from the subgraph, not silently clipped", async () => {
    const response = await graphql(`{ cooperatives(first: 1000) { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).to.equal("BAD_USER_INPUT");
    expect(response.data ?? null).to.equal(null);
  });
});
