import { CooperativeKey, isUuid, MoneyScalar, NotFoundError, registryCooperative, CacheHint } from "@camau/shared";
import { Authorized, Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { TradeContext } from "../context";
import { Participation, TradeAgreement } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";
import { assertCanReadResults, RESULT_READERS_OR_MANAGER } from "../access";
import { Cooperative } from "../graphql/Cooperative";

@Resolver(() => Participation)
export class ParticipationResolver {
  @Directive(CacheHint.public)
  @Query(() => Participation, { nullable: true, description: "A participation by id; null when there is none." })
  async participation(@Arg("id", () => ID, { description: "Participation id (UUID)." }) id: string, @Ctx() ctx: TradeContext): Promise<Participation | null> {
    if (!isUuid(id)) return null;
    return ctx.dataSource.getRepository(Participation).findOneBy({ id: id.toLowerCase() });
  }

  @FieldResolver(() => TradePromotionProgram, { description: "The program." })
  async program(@Root() p: Participation, @Ctx() ctx: TradeContext): Promise<TradePromotionProgram> {
    const program = await ctx.loaders.programById.load(p.programId);
    if (!program) throw new NotFoundError("Trade promotion program", p.programId);
    return program;
  }

  @FieldResolver(() => Cooperative, { nullable: true, description: "The participating cooperative (the gateway fetches its name and details from the registry). Nullable, as every reference to another subgraph: a cooperative the registry does not know is null here, with a NOT_FOUND error, and the rest of the answer stays." })
  cooperative(@Root() p: Participation): CooperativeKey {
    return registryCooperative(p.cooperativeId);
  }

  @FieldResolver(() => [Product], { description: "Products shown (sản phẩm trưng bày, giới thiệu), all the cooperative's own, in the order registered." })
  async products(@Root() p: Participation, @Ctx() ctx: TradeContext): Promise<Product[]> {
    const shown = await ctx.loaders.shownProductIdsByParticipation.load(p.id);
    const products = await ctx.loaders.productById.loadMany(shown.map((s) => s.productId));
    return products.filter((x): x is Product => x !== null && !(x instanceof Error));
  }

  @Authorized(...RESULT_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "On-site sales revenue in đồng (doanh thu bán hàng tại chỗ); null until results are recorded. Officers, fund staff and the cooperative's own manager only.",
  })
  salesRevenue(@Root() p: Participation, @Ctx() ctx: TradeContext): number | null {
    assertCanReadResults(ctx.viewer, p.cooperativeId);
    return p.salesRevenue;
  }

  @Authorized(...RESULT_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => [TradeAgreement], { description: "Contracts and MOUs signed at the program (hợp đồng, biên bản ghi nhớ). Officers, fund staff and the cooperative's own manager only." })
  agreements(@Root() p: Participation, @Ctx() ctx: TradeContext): Promise<TradeAgreement[]> {
    assertCanReadResults(ctx.viewer, p.cooperativeId);
    return ctx.loaders.agreementsByParticipation.load(p.id);
  }
}
