import { Node } from "@camau/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The types of the other subgraphs `node(id:)` can return, as the registry sees them: only their
 * key. The registry answers `{ __typename, id }` and the gateway gets every other field from the
 * owning subgraph, which applies its own rules to the caller.
 */
function remoteNode(typename: string) {
  @Directive('@key(fields: "id", resolvable: false)')
  @ObjectType(typename, { implements: Node })
  class RemoteNode {
    @Field(() => ID, { description: "Stable identifier (UUID)." })
    id: string;
  }
  return RemoteNode;
}

/** Node types owned by another subgraph, by subgraph name. */
export const REMOTE_NODE_TYPES: Readonly<Record<string, readonly string[]>> = {
  fund: ["Loan", "LoanApplication", "LoanProduct"],
  trade: ["Product", "TradePromotionProgram", "Participation"],
  outreach: ["TrainingClass", "PublishedFigure"],
};

export const remoteNodeClasses = Object.values(REMOTE_NODE_TYPES)
  .flat()
  .map((typename) => remoteNode(typename));
