import { ConnectionShape, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@camau/shared";
import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";

/**
 * Relay connections of the fund.
 *
 * Local stand-in for shared's `Connection()`: shared's `PageInfo` type carries no `@shareable`,
 * and Federation 2 refuses a value type resolved by two subgraphs unless every subgraph marks
 * its fields `@shareable` (composition error INVALID_FIELD_SHARING). Until shared/ adds
 * `@Directive("@shareable")` to `PageInfo`, the fund's connections use `FundPageInfo`, with the
 * same fields. Once shared is fixed, replace this file's `Connection` with shared's.
 */
@ObjectType("FundPageInfo", { description: "Where a page of the fund's lists stands in its list (Relay PageInfo)." })
export class FundPageInfo {
  @Field({ description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when the page is empty." })
  endCursor: string | null;
}

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

    @Field(() => FundPageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo: FundPageInfo;

    readonly countAll: () => Promise<number>;

    @Field(() => Int, { description: "Number of items in the whole filtered list, across all pages." })
    totalCount(): Promise<number> {
      return this.countAll();
    }
  }
  return ConnectionType as unknown as ClassType<ConnectionShape<T>>;
}

/** Forward-only paging of lists nested under another object (batched for a whole page of parents). */
@ArgsType()
export class NestedPageArgs {
  @Field(() => Int, { nullable: true, description: `At most this many items after \`after\` (default ${DEFAULT_PAGE_SIZE}, maximum ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the item after which the page starts (from `pageInfo.endCursor`)." })
  after?: string | null;
}
