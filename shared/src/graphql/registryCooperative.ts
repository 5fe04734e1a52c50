import { ClassType, Directive, Field, ID, ObjectType } from "type-graphql";

/** A reference to one of the registry's cooperatives: its key, all another subgraph holds. */
export interface CooperativeKey {
  id: string;
}

/**
 * The registry's `Cooperative` entity as the other subgraphs (fund, trade, outreach) declare it:
 * only its key. Each subgraph calls this once, in its `src/graphql/Cooperative.ts`, and adds its own
 * fields with a `@Resolver(() => Cooperative)` class; the gateway gets everything else from the
 * registry. A class of its own per subgraph, because type-graphql attaches field resolvers to the
 * class: one shared class would carry every subgraph's fields into each schema built in the same
 * process. The description repeats the registry's word for word, so composition reports no
 * inconsistency.
 */
export function registryCooperativeType(): ClassType<CooperativeKey> {
  @Directive('@key(fields: "id")')
  @ObjectType("Cooperative", { description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives." })
  class Cooperative implements CooperativeKey {
    @Field(() => ID, { description: "Stable identifier (UUID)." })
    id: string;
  }
  return Cooperative;
}

/** The reference the gateway resolves against the registry. */
export function registryCooperative(id: string): CooperativeKey {
  return { id };
}

/**
 * Entity reference resolver: the gateway hands over `{ id }`; nothing to look up, since these
 * subgraphs hold no cooperative rows (an unknown id simply has nothing here).
 */
export const registryCooperativeReference = {
  Cooperative: {
    __resolveReference: (ref: { id: string }) => registryCooperative(ref.id),
  },
};
