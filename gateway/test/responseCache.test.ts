import { ApolloServer } from "@apollo/server";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { expect } from "chai";
import { GatewayContext } from "../src/context";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cachePolicyOf } from "../src/cachePolicy";
import { cachedRootFields, responseCachePlugins } from "../src/responseCache";

/** A stand-in schema with one cacheable aggregate and one other field, counting resolver calls. */
function serverWith(ttlMs: number) {
  const calls = { report: 0, other: 0 };
  const server = new ApolloServer<GatewayContext>({
    typeDefs: "type Query { collectiveEconomyReport(to: String): Int other: Int }",
    resolvers: { Query: { collectiveEconomyReport: () => ++calls.report, other: () => ++calls.other } },
    plugins: [...responseCachePlugins({ ttlMs, maxEntries: 2, fields: new Set(["collectiveEconomyReport"]) }, new InMemoryLRUCache<string>({ max: 2 }))],
  });
  return { server, calls };
}

const anonymous = { viewer: { role: "ANONYMOUS" }, requestId: "r" } as unknown as GatewayContext;
const signedIn = { ...anonymous, authorization: "Bearer t" } as GatewayContext;

async function ask(server: ApolloServer<GatewayContext>, query: string, context: GatewayContext, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { data: response.body.singleResult.data, cache: response.http.headers.get("x-response-cache") };
}

describe("response cache of public aggregates", () => {
  it("serves an anonymous aggregate again within the TTL, and only that", async () => {
    const { server, calls } = serverWith(60_000);
    await server.start();
    try {
      const q = "query R($to: String) { collectiveEconomyReport(to: $to) }";
      expect(await ask(server, q, anonymous, { to: "a" })).to.deep.equal({ data: { collectiveEconomyReport: 1 }, cache: "miss" });
      expect(await ask(server, q, anonymous, { to: "a" })).to.deep.equal({ data: { collectiveEconomyReport: 1 }, cache: "hit" });
      // other variables, a signed-in user, other root fields: live every time
      expect((await ask(server, q, anonymous, { to: "b" })).data).to.deep.equal({ collectiveEconomyReport: 2 });
      expect((await ask(server, q, signedIn, { to: "a" })).data).to.deep.equal({ collectiveEconomyReport: 3 });
      expect((await ask(server, "{ collectiveEconomyReport other }", anonymous)).cache).to.equal(undefined);
      expect((await ask(server, "{ collectiveEconomyReport other }", anonymous)).data).to.deep.equal({ collectiveEconomyReport: 5, other: 2 });
      expect(calls.report).to.equal(5);
    } finally {
      await server.stop();
    }
  });

  it("is off with a TTL of 0", async () => {
    const { server, calls } = serverWith(0);
    await server.start();
    try {
      await ask(server, "{ collectiveEconomyReport }", anonymous);
      expect((await ask(server, "{ collectiveEconomyReport }", anonymous)).cache).to.equal(undefined);
      expect(calls.report).to.equal(2);
    } finally {
      await server.stop();
    }
  });

  it("keeps the root fields the committed supergraph hints in the report tier, and no other", () => {
    const supergraph = readFileSync(path.resolve(__dirname, "..", "..", "supergraph.graphql"), "utf8");
    const fields = cachedRootFields(cachePolicyOf(supergraph));
    expect([...fields].sort()).to.include.members(["collectiveEconomyReport", "fundPortfolio"]);
    // Lists and profiles change daily and reference data is cheap: the response cache is for aggregates.
    expect(fields).to.not.include("cooperatives");
    expect(fields).to.not.include("administrativeUnits");
  });
});
