import { ConnectionShape } from "@camau/shared";
import { ClassType, Field, Int, ObjectType } from "type-graphql";

/**
 * Relay connections of the outreach subgraph.
 *
 * Local stand-in for shared's `Connection()`: shared's `PageInfo` carries no `@shareable`, and
 * Federation 2 refuses a value type resolved by two subgraphs unless every one of them marks it
 * `@shareable` (INVALID_FIELD_SHARING: "Non-shareable field PageInfo.hasNextPage is resolved from
 * multiple subgraphs"). Until shared/ adds `@Directive("@shareable")` to `PageInfo`, this
 * subgraph's connections use `OutreachPageInfo` with the same fields (the fund does the same with
 * `FundPageInfo`). Once shared is fixed, delete this file and use shared's `Connection`.
 */
@ObjectType("OutreachPageInfo", { description: "Where a page of the outreach lists stands in its list (Relay PageInfo)." })
export class OutreachPageInfo {
  @Field({ description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when the page is empty." })
  endCursor: string | null;
}

/** Declares `<Name>Connection` and `<Name>Edge` (as shared's `Connection`, with OutreachPageInfo). */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item, for `after` / `before`." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page, in order." })
    edges: Edge[];

    @Field(() => OutreachPageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo: OutreachPageInfo;

    readonly countAll: () => Promise<number>;

    @Field(() => Int, { description: "Number of items in the whole filtered list, across all pages." })
    totalCount(): Promise<number> {
      return this.countAll();
    }
  }
  return ConnectionType as unknown as ClassType<ConnectionShape<T>>;
}
