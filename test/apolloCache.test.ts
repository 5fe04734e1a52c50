import "./support/apolloDevelopmentMode";
import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { loadDevMessages, loadErrorMessages } from "@apollo/client/dev";
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../scripts/lib/paths";
import { typePolicies } from "./support/apolloTypePolicies";
import { e2eStack } from "./support/stack";

/**
 * The portal's flow with Apollo Client's InMemoryCache in development mode, through the gateway on
 * the demo data, with the example operations of docs/examples: the list, its next page
 * (fetchMore), a profile, then back to the list. The cache must warn about nothing ("Cache data
 * may be lost..." comes from objects without an id), and what was fetched once must come from the
 * cache: no second request for the list, nor for a cooperative read by id.
 */
const example = (name: string) => readFileSync(path.join(REPO_ROOT, "docs/examples", name), "utf8");

describe("Apollo Client's cache over the portal's flow (list, fetchMore, profile, back)", function () {
  this.timeout(240_000);
  const consoleCalls: string[] = [];
  const originals = { warn: console.warn, error: console.error, log: console.log, info: console.info, debug: console.debug };

  before(() => {
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
      console[level] = (...args: unknown[]) => {
        consoleCalls.push(`${level}: ${args.map(String).join(" ")}`);
      };
    }
  });

  after(() => {
    Object.assign(console, originals);
  });

  it("warns about nothing and serves what it already has from the cache", async () => {
    loadDevMessages();
    loadErrorMessages();
    const { gatewayUrl } = await e2eStack();

    const requests: string[] = [];
    const client = new ApolloClient({
      link: new HttpLink({
        uri: gatewayUrl,
        fetch: (input, init) => {
          requests.push((JSON.parse(String(init?.body)) as { operationName: string }).operationName);
          return fetch(input, init);
        },
      }),
      cache: new InMemoryCache({ typePolicies }),
    });

    const LIST = gql(example("02-cooperative-list.graphql"));
    const PROFILE = gql(example("03-cooperative-profile.graphql"));
    const variables = { search: "hop tac xa", first: 20 };
    type Edge = { node: { id: string; code: string; name: string } };
    type List = { cooperatives: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

    // The list, then its next page as a portal's "more" button asks for it.
    const list = client.watchQuery<List>({ query: LIST, variables });
    const first = await new Promise<List>((resolve, reject) => {
      const subscription = list.subscribe({
        next: (result) => {
          if (result.data && result.dataState === "complete") {
            resolve(result.data as List);
            subscription.unsubscribe();
          }
        },
        error: reject,
      });
    });
    expect(first.cooperatives.edges).to.have.length(20);
    expect(first.cooperatives.pageInfo.hasNextPage).to.equal(true);
    const keepWatching = list.subscribe(() => undefined);
    await list.fetchMore({ variables: { after: first.cooperatives.pageInfo.endCursor } });
    const both = client.readQuery<List>({ query: LIST, variables })!;
    expect(both.cooperatives.edges).to.have.length(40);
    expect(new Set(both.cooperatives.edges.map((e) => e.node.id)).size).to.equal(40);
    expect(requests).to.deep.equal(["CooperativeList", "CooperativeList"]);

    // A profile of a cooperative of the second page.
    const chosen = both.cooperatives.edges[25].node;
    const profile = await client.query<{ cooperativeByCode: { id: string; name: string } }>({ query: PROFILE, variables: { code: chosen.code, asOf: "2021-06-30", withFund: false } });
    expect(profile.data?.cooperativeByCode).to.include({ id: chosen.id, name: chosen.name });
    expect(requests).to.have.length(3);

    // Read by id, with fields the list already brought: from the cache, no request.
    const byId = await client.query<{ cooperative: { id: string; name: string; district: { id: string; name: string } | null } }>({
      query: gql`
        query CooperativeCard($id: ID!) {
          cooperative(id: $id) { id code name status memberCount district { id code name } sector { id code name } latestClassification { id year rating } }
        }
      `,
      variables: { id: both.cooperatives.edges[3].node.id },
    });
    expect(byId.data?.cooperative).to.include({ id: both.cooperatives.edges[3].node.id, name: both.cooperatives.edges[3].node.name });
    expect(requests).to.have.length(3);

    // Back to the list: both pages from the cache.
    const back = await client.query<List>({ query: LIST, variables });
    expect(back.data?.cooperatives.edges.map((e) => e.node.id)).to.deep.equal(both.cooperatives.edges.map((e) => e.node.id));
    expect(requests).to.have.length(3);

    keepWatching.unsubscribe();
    client.stop();
    expect(consoleCalls).to.deep.equal([]);
  });
});
