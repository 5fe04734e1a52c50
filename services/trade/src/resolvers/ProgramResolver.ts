import { isUuid, PageArgs, toConnection, CacheHint } from "@camau/shared";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { TradeContext } from "../context";
import { policyOf, SupportPolicy, TradePromotionProgram } from "../entities/TradePromotionProgram";
import { ProgramFilter, ProgramOrder } from "../inputs/ProgramInputs";
import { ParticipationConnection, TradePromotionProgramConnection } from "./connections";
import { findPrograms } from "./programQuery";

@Resolver(() => TradePromotionProgram)
export class ProgramResolver {
  @Directive(CacheHint.public)
  @Query(() => TradePromotionProgram, { nullable: true, description: "A trade promotion program by id; null when there is none." })
  tradePromotionProgram(@Arg("id", () => ID, { description: "Program id (UUID)." }) id: string, @Ctx() ctx: TradeContext): Promise<TradePromotionProgram | null> | null {
    return isUuid(id) ? ctx.loaders.programById.load(id.toLowerCase()) : null;
  }

  @Directive(CacheHint.public)
  @Query(() => TradePromotionProgramConnection, { description: "Trade promotion programs (chương trình xúc tiến thương mại), filtered and sorted, one page at a time; public." })
  async tradePromotionPrograms(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programs must meet." }) filter: ProgramFilter | null,
    @Arg("orderBy", () => [ProgramOrder], { nullable: true, description: "Sort keys, first one first (default: latest start first)." }) orderBy: ProgramOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: TradeContext,
  ) {
    return toConnection(await findPrograms(ctx.dataSource, filter, orderBy, page));
  }

  @FieldResolver(() => SupportPolicy, { nullable: true, description: "Support policy for participants; null when the program grants no support." })
  supportPolicy(@Root() p: TradePromotionProgram): SupportPolicy | null {
    return policyOf(p);
  }

  @FieldResolver(() => ParticipationConnection, { description: "Cooperatives taking part (HTX tham gia), in order of registration." })
  async participations(@Root() p: TradePromotionProgram, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: TradeContext) {
    return toConnection(await ctx.loaders.participationsOfProgram.load({ parentId: p.id, args: { first: page.first, after: page.after, last: page.last, before: page.before } }));
  }
}
