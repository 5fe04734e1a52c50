import { CooperativeKey, DateScalar, isUuid, PageArgs, toConnection, todayInProvince } from "@camau/shared";
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { TradeContext } from "../context";
import { ParticipationConnection, ProductConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

/** A malformed id (only possible through a hand-made entity reference) has nothing here; it must not reach SQL. */
const NO_COOPERATIVE = "00000000-0000-0000-0000-000000000000";
const keyOf = (c: CooperativeKey) => (isUuid(c.id) ? c.id.toLowerCase() : NO_COOPERATIVE);

const pageArgs = (page: PageArgs): PageArgs => ({ first: page.first, after: page.after, last: page.last, before: page.before });

/** The trade promotion fields of the registry's Cooperative. */
@Resolver(() => Cooperative)
export class CooperativeResolver {
  @FieldResolver(() => ProductConnection, { nullable: true, description: "Its products (sản phẩm của HTX), by name. Null only when the trade-promotion service is unavailable." })
  async products(@Root() c: CooperativeKey, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: TradeContext) {
    return toConnection(await ctx.loaders.productsOfCooperative.load({ parentId: keyOf(c), args: pageArgs(page) }));
  }

  @FieldResolver(() => ParticipationConnection, { nullable: true, description: "Its participations in trade promotion programs (tham gia xúc tiến thương mại), latest registration first. Null only when the trade-promotion service is unavailable." })
  async participations(@Root() c: CooperativeKey, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: TradeContext) {
    return toConnection(await ctx.loaders.participationsOfCooperative.load({ parentId: keyOf(c), args: pageArgs(page) }));
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many of its products have an OCOP certification in force on a date (số sản phẩm OCOP còn hiệu lực). Null only when the trade-promotion service is unavailable." })
  ocopProductCount(
    @Root() c: CooperativeKey,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today, Vietnam time)." }) asOf: string | null,
    @Ctx() ctx: TradeContext,
  ): Promise<number> {
    return ctx.loaders.ocopProductCount.load(`${asOf ?? todayInProvince()}|${keyOf(c)}`);
  }
}
