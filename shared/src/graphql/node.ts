import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Global object identification: every object a client refetches implements Node, and
 * `node(id:)` / `nodes(ids:)` (served by the registry) find it again by its id alone. The objects
 * `node` returns carry their `__typename`; only the subgraph owning a type registers it, so no
 * subgraph's schema picks up another's types.
 */
@InterfaceType("Node", {
  description: "An object with a stable id: `node(id:)` finds it again, and a client cache keys it by `__typename` and `id`.",
  autoRegisterImplementations: false,
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Stable identifier: pass it to `node(id:)` to fetch the object again." })
  id: string;
}

/** Marks an object returned through a Node-typed field with its GraphQL type. */
export function asNode<T extends object>(typename: string, value: T): T & { __typename: string } {
  return Object.assign(value, { __typename: typename });
}
