import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@camau/shared";
import { ArgsType, Field, Int } from "type-graphql";

/** Forward-only paging of lists nested under another object (batched for a whole page of parents). */
@ArgsType()
export class NestedPageArgs {
  @Field(() => Int, { nullable: true, description: `At most this many items after \`after\` (default ${DEFAULT_PAGE_SIZE}, maximum ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the item after which the page starts (from `pageInfo.endCursor`)." })
  after?: string | null;
}
