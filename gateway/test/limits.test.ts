import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LIMITS, readSupergraph, requestLimits, RunningGateway, startGateway, withoutSuggestions } from "../src";
import { quietStderr } from "./support/quietStderr";

/**
 * The gateway's request limits against the real supergraph, with every subgraph unreachable: a
 * refused document never reaches a subgraph, so none is needed. (test/limits.test.ts runs the
 * same screens through the whole stack.)
 */
const REPO = path.resolve(__dirname, "..", "..", "..");
const UNREACHABLE = "http://127.0.0.1:1/graphql";
const SUBGRAPHS = ["registry", "fund", "trade", "outreach"];

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The screens the defaults must let through: the documented examples and the deepest ones. */
export function legitimateScreens(): { file: string; query: string }[] {
  const dirs = [path.join(REPO, "docs", "examples"), path.join(REPO, "test", "fixtures", "screens")];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".graphql"))
      .map((f) => ({ file: path.relative(REPO, path.join(dir, f)), query: readFileSync(path.join(dir, f), "utf8") })),
  );
}

const VARIABLES = { from: "2021-01-01", to: "2021-06-30", asOf: "2021-06-30", code: "2001000001", id: "3f0c2a9e-1b2c-4d5e-8f90-123456789abc", withFund: true };

/** cooperative → unionMembership → union → memberships → cooperative ..., `rounds` times. */
function deepQuery(rounds: number): string {
  let inner = "id";
  for (let i = 0; i < rounds; i++) inner = `unionMembership { union { memberships { cooperative { ${inner} } } } }`;
  return `query { cooperative(id: "${VARIABLES.id}") { ${inner} } }`;
}

const LIMIT_CODES = ["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"];

describe("gateway request limits (graphql-armor; against the real supergraph)", function () {
  this.timeout(60_000);
  let gateway: RunningGateway;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s, UNREACHABLE]));

  before(async () => {
    gateway = await startGateway({ port: 0, supergraphSdl: readSupergraph(), subgraphUrls, subgraphTimeoutMs: 1_000, limits: { introspection: true, blockFieldSuggestions: false }, fairUse: { enabled: false } });
  });
  after(async () => {
    await gateway?.stop();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, url = gateway.url) {
    const response = await quietStderr(() =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }),
    );
    return { status: response.status, body: (await response.json()) as Body };
  }

  function expectRefused(result: { status: number; body: Body }, words: RegExp): void {
    expect(result.status).to.equal(400);
    expect(result.body.data ?? null).to.equal(null);
    expect(LIMIT_CODES).to.include(result.body.errors?.[0].extensions?.code);
    expect(result.body.errors?.[0].message).to.match(words);
  }

  describe("lets every legitimate screen through under the defaults", () => {
    for (const { file, query } of legitimateScreens()) {
      it(file, async () => {
        const { status, body } = await post(query, VARIABLES);
        // The subgraphs are unreachable: the only errors must be about that, none about limits.
        expect(status, JSON.stringify(body.errors)).to.equal(200);
        for (const error of body.errors ?? []) {
          expect(LIMIT_CODES, error.message).not.to.include(error.extensions?.code);
          expect(error.message).to.match(/^The (registry|fund|trade|outreach) service could not be reached$/);
        }
      });
    }
  });

  it("has documented defaults", () => {
    expect(DEFAULT_LIMITS).to.deep.equal({ maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 3000, maxCost: 50_000, bodyLimit: "1mb" });
  });

  it("refuses deep nesting, however it is written (fields or nested fragments)", async () => {
    expectRefused(await post(deepQuery(3)), /depth limit of 12 exceeded/);
    const fragments = `
      query { cooperative(id: "${VARIABLES.id}") { ...A } }
      fragment A on Cooperative { unionMembership { union { memberships { cooperative { ...B } } } } }
      fragment B on Cooperative { unionMembership { union { memberships { cooperative { ...C } } } } }
      fragment C on Cooperative { unionMembership { union { memberships { cooperative { id } } } } }`;
    expectRefused(await post(fragments), /depth limit/);
  });

  it("refuses an alias flood", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: cooperativeByCode(code: "2001000001") { id }`).join(" ");
    expectRefused(await post(`{ ${aliases} }`), /aliases/i);
  });

  it("refuses a directive flood", async () => {
    const directives = Array.from({ length: 50 }, () => "@include(if: true)").join(" ");
    expectRefused(await post(`{ __typename ${directives} }`), /directives/i);
  });

  it("refuses a document of too many tokens before parsing it whole", async () => {
    const fields = Array.from({ length: 4000 }, () => "__typename").join(" ");
    const result = await post(`{ ${fields} }`);
    expect(result.status).to.equal(400);
    expect(result.body.errors?.[0].extensions?.code).to.equal("GRAPHQL_PARSE_FAILED");
    expect(result.body.errors?.[0].message).to.match(/Document contains more (than|that) 3000 tokens/);
  });

  it("refuses an expensive query whether the page sizes are literals, variables or defaults", async () => {
    const nested = (first: string) =>
      `query${first.includes("$n") ? "($n: Int)" : ""} { cooperatives(${first}) { edges { node { members(${first}) { edges { node { id fullName history: joinedOn } } } history(${first}) { edges { node { id kind details } } } } } } }`;
    expectRefused(await post(nested("first: 100")), /Cost limit of 50000 exceeded/);
    expectRefused(await post(nested("first: $n"), { n: 100 }), /Cost limit/);
    // The same shape with small pages is an ordinary screen.
    const small = await post(nested("first: $n"), { n: 5 });
    expect(small.status).to.equal(200);
    expect(small.body.errors?.every((e) => !LIMIT_CODES.includes(e.extensions?.code as string))).to.equal(true);
    // Verdicts are kept per document and page sizes: the small page's must not serve the large one.
    expectRefused(await post(nested("first: $n"), { n: 100 }), /Cost limit/);
    const withDefault = nested("first: $n").replace("($n: Int)", "($n: Int = 100)");
    expectRefused(await post(withDefault), /Cost limit/);
    expect((await post(withDefault, { n: 5 })).status).to.equal(200);
    expectRefused(await post(withDefault), /Cost limit/);
    // Left to the default page (20), three nested lists of lists cost 20 × 20 × 20 items.
    const defaults = `{ cooperatives { edges { node { unionMembership { union { memberships { cooperative { members { edges { node { id } } } history { edges { node { id } } } trainingClasses { edges { node { id cooperatives { id } } } } } } } } } } } }`;
    expectRefused(await post(defaults), /Cost limit/);
  });

  it("refuses a fragment cycle (graphql-js validation)", async () => {
    const cyclic = `query { cooperative(id: "${VARIABLES.id}") { ...A } } fragment A on Cooperative { unionMembership { cooperative { ...B } } } fragment B on Cooperative { unionMembership { cooperative { ...A } } }`;
    const result = await post(cyclic);
    expect(result.status).to.equal(400);
    expect(result.body.errors?.[0].extensions?.code).to.equal("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a body over BODY_LIMIT with 413 before parsing it", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ __typename } #${"x".repeat(1_100_000)}` }) });
    expect(response.status).to.equal(413);
  });

  it("suggests field names in development", async () => {
    const { body } = await post("{ cooperativeByCod(code: \"2001000001\") { id } }");
    expect(body.errors?.[0].message).to.match(/Did you mean/);
  });

  describe("in production (NODE_ENV=production defaults)", () => {
    let production: RunningGateway;
    const env = { NODE_ENV: process.env.NODE_ENV, INTROSPECTION: process.env.INTROSPECTION, BLOCK_FIELD_SUGGESTIONS: process.env.BLOCK_FIELD_SUGGESTIONS };
    before(async () => {
      delete process.env.INTROSPECTION;
      delete process.env.BLOCK_FIELD_SUGGESTIONS;
      const limits = (() => {
        process.env.NODE_ENV = "production";
        try {
          return requestLimits();
        } finally {
          if (env.NODE_ENV === undefined) delete process.env.NODE_ENV;
          else process.env.NODE_ENV = env.NODE_ENV;
        }
      })();
      expect(limits.introspection).to.equal(false);
      expect(limits.blockFieldSuggestions).to.equal(true);
      production = await startGateway({ port: 0, supergraphSdl: readSupergraph(), subgraphUrls, subgraphTimeoutMs: 1_000, limits, fairUse: { enabled: false } });
    });
    after(async () => {
      await production?.stop();
      for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
    });

    it("refuses introspection", async () => {
      for (const query of ["{ __schema { types { name } } }", '{ __type(name: "Member") { fields { name } } }']) {
        const { status, body } = await post(query, {}, production.url);
        expect(status).to.equal(400);
        expect(body.data ?? null).to.equal(null);
        expect(body.errors?.[0].extensions?.code).to.equal("GRAPHQL_VALIDATION_FAILED");
      }
    });

    it("hides field, argument and enum-value suggestions", async () => {
      const queries = [
        '{ cooperativeByCod(code: "2001000001") { id } }',
        '{ cooperativeByCode(cod: "2001000001") { id } }',
        "{ cooperatives(filter: { statuses: [ACTIV] }) { totalCount } }",
        "{ cooperatives { edges { node { nationalI } } } }",
      ];
      for (const query of queries) {
        const { body } = await post(query, {}, production.url);
        expect(body.errors?.length, query).to.be.greaterThan(0);
        for (const error of body.errors ?? []) expect(error.message, query).not.to.match(/Did you mean|suggest/i);
      }
    });

    it("still answers __typename and ordinary queries", async () => {
      const { status, body } = await post("{ __typename }", {}, production.url);
      expect(status).to.equal(200);
      expect(body.data).to.deep.equal({ __typename: "Query" });
    });
  });

  describe("configuration", () => {
    const names = ["GRAPHQL_MAX_DEPTH", "GRAPHQL_MAX_COST", "BODY_LIMIT"];
    let saved: Record<string, string | undefined>;
    beforeEach(() => {
      saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    });
    afterEach(() => {
      for (const n of names) {
        if (saved[n] === undefined) delete process.env[n];
        else process.env[n] = saved[n];
      }
    });

    it("reads each limit from its environment variable", () => {
      process.env.GRAPHQL_MAX_DEPTH = "7";
      process.env.GRAPHQL_MAX_COST = "1234";
      process.env.BODY_LIMIT = "200kb";
      expect(requestLimits()).to.include({ maxDepth: 7, maxCost: 1234, bodyLimit: "200kb" });
    });

    it("refuses a limit that is not a positive integer", () => {
      process.env.GRAPHQL_MAX_DEPTH = "0";
      expect(() => requestLimits()).to.throw(/GRAPHQL_MAX_DEPTH must be a positive integer/);
      process.env.GRAPHQL_MAX_DEPTH = "deep";
      expect(() => requestLimits()).to.throw(/must be an integer/);
    });
  });

  it("strips every wording of suggestion", () => {
    expect(withoutSuggestions('Cannot query field "nam" on type "Cooperative". Did you mean "name" or "code"?')).to.equal('Cannot query field "nam" on type "Cooperative".');
    expect(withoutSuggestions('Value "ACTIV" does not exist in "LegalStatus" enum. Did you mean the enum value "ACTIVE"?')).to.equal('Value "ACTIV" does not exist in "LegalStatus" enum.');
  });
});
