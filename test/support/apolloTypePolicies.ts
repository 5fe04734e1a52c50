import type { FieldPolicy, TypePolicies } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";

/**
 * The type policies docs/frontend.md gives frontend teams for Apollo Client's InMemoryCache: the
 * paged lists are one list per filter and order (the cursors are not part of the key), merged
 * page after page; a cooperative, group, union, product, program or class read by id comes from
 * the cache when a list or another query already brought it.
 */
const byId = (typename: string): FieldPolicy => ({
  read: (existing, { args, toReference }) => existing ?? (args?.id ? toReference({ __typename: typename, id: args.id }) : undefined),
});

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      cooperatives: relayStylePagination(["filter", "orderBy"]),
      cooperativeGroups: relayStylePagination(["filter"]),
      cooperativeUnions: relayStylePagination(),
      products: relayStylePagination(["filter", "orderBy"]),
      tradePromotionPrograms: relayStylePagination(["filter", "orderBy"]),
      trainingClasses: relayStylePagination(["filter"]),
      loans: relayStylePagination(["filter", "orderBy"]),
      loanApplications: relayStylePagination(["filter", "orderBy"]),
      publishedFigures: relayStylePagination(["filter"]),
      cooperative: byId("Cooperative"),
      cooperativeGroup: byId("CooperativeGroup"),
      cooperativeUnion: byId("CooperativeUnion"),
      product: byId("Product"),
      tradePromotionProgram: byId("TradePromotionProgram"),
      trainingClass: byId("TrainingClass"),
    },
  },
};
