import "reflect-metadata";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { apiSchemaOf, cacheDecisionOf, cachePolicyOf } from "@camau/gateway";
import { buildFederatedSchema, CacheHint } from "@camau/shared";
import { expect } from "chai";
import { parse } from "graphql";
import { Directive, Field, ObjectType, Query, Resolver } from "type-graphql";

/**
 * The gateway's HTTP cache policy comes from the schema: hints a subgraph declares with
 * type-graphql survive composition into the supergraph and decide each answer's Cache-Control,
 * and a field declared without a hint (or hinted as restricted) is never publicly cached.
 */
@Directive(CacheHint.public)
@ObjectType({ description: "A public type: every field of it is public unless hinted otherwise." })
class CacheHintShop {
  @Field()
  name: string;

  @Directive(CacheHint.restricted)
  @Field({ description: "Personal data of a public type." })
  ownerPhone: string;
}

@ObjectType({ description: "A type nobody declared public." })
class CacheHintDraft {
  @Field()
  title: string;
}

@Directive(CacheHint.reference)
@ObjectType({ description: "Reference data: its hint on the type covers its fields." })
class CacheHintUnit {
  @Field()
  code: string;
}

@Resolver()
class CacheHintResolver {
  @Directive(CacheHint.public)
  @Query(() => CacheHintShop)
  cacheHintShop(): CacheHintShop {
    return { name: "shop", ownerPhone: "0900000000" };
  }

  @Directive(CacheHint.public)
  @Query(() => CacheHintDraft, { description: "A public root field whose type has no hint." })
  cacheHintDraft(): CacheHintDraft {
    return { title: "draft" };
  }

  @Query(() => String, { description: "A root field declared without a hint." })
  cacheHintUnhinted(): string {
    return "x";
  }

  @Directive(CacheHint.reference)
  @Query(() => [CacheHintUnit])
  cacheHintUnits(): CacheHintUnit[] {
    return [];
  }
}

describe("HTTP cache policy from the subgraphs' @cacheControl hints", () => {
  let supergraphSdl: string;

  before(async () => {
    const schema = await buildFederatedSchema({ resolvers: [CacheHintResolver] });
    const result = composeServices([{ name: "hinted", url: "http://127.0.0.1:1/graphql", typeDefs: parse(printSubgraphSchema(schema)) }]);
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
    supergraphSdl = result.supergraphSdl;
  });

  const decide = (query: string) => cacheDecisionOf(apiSchemaOf(supergraphSdl), parse(query), { policy: cachePolicyOf(supergraphSdl), maxAges: { reference: 3600, report: 300, public: 60 } });

  it("carries the hints through composition into the supergraph", () => {
    expect(supergraphSdl).to.match(/directive @cacheControl\(/);
    expect(cachePolicyOf(supergraphSdl)).to.deep.include({
      "CacheHintShop.*": "public",
      "CacheHintShop.ownerPhone": "restricted",
      "Query.cacheHintShop": "public",
      "Query.cacheHintUnits": "reference",
      "CacheHintUnit.*": "reference",
    });
  });

  it("caches an answer made of hinted fields for the smallest of their max-ages", () => {
    expect(decide("{ cacheHintShop { name } }")).to.deep.equal({ cacheable: true, maxAge: 60 });
    expect(decide("{ cacheHintUnits { code } }")).to.deep.equal({ cacheable: true, maxAge: 3600 });
    expect(decide("{ cacheHintUnits { code } cacheHintShop { name } }")).to.deep.equal({ cacheable: true, maxAge: 60 });
  });

  it("never caches a field declared without a hint, or hinted as restricted", () => {
    expect(decide("{ cacheHintUnhinted }")).to.deep.equal({ cacheable: false, reason: "Query.cacheHintUnhinted is not public" });
    expect(decide("{ cacheHintDraft { title } }")).to.deep.equal({ cacheable: false, reason: "CacheHintDraft.title is not public" });
    expect(decide("{ cacheHintShop { name ownerPhone } }")).to.deep.equal({ cacheable: false, reason: "CacheHintShop.ownerPhone is not public" });
  });

  it("refuses a hint whose max-age is none of the tiers", () => {
    const odd = supergraphSdl.replace("@cacheControl(maxAge: 60)", "@cacheControl(maxAge: 61)");
    expect(odd).to.not.equal(supergraphSdl);
    expect(() => cachePolicyOf(odd)).to.throw(/maxAge must be 0 or a tier/);
  });
});
