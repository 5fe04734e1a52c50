import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The registry's Cooperative entity, extended by its key. Not a table: this subgraph stores
 * only cooperative ids and never checks them against the registry (no cross-database joins);
 * the gateway fetches the cooperative's name and other data from the registry.
 */
@Directive('@key(fields: "id")')
// Descriptions repeat the registry's word for word, so composition reports no inconsistency.
@ObjectType({ description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives." })
export class Cooperative {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string;
}

/** The reference the gateway resolves against the registry. */
export function cooperativeRef(id: string): Cooperative {
  return { id };
}
