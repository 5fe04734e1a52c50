import { CooperativeKey, PageArgs, toConnection } from "@camau/shared";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OutreachContext } from "../context";
import { TrainingClassConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

/** The outreach fields of the registry's Cooperative: the classes its people attended. */
@Resolver(() => Cooperative)
export class CooperativeResolver {
  @FieldResolver(() => TrainingClassConnection, {
    nullable: true,
    description: "Classes the cooperative sent participants to (lớp có thành viên HTX tham gia), newest first; cancelled classes are not listed. Null only when the outreach service is unavailable.",
  })
  async trainingClasses(@Root() c: CooperativeKey, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: OutreachContext) {
    return toConnection(await ctx.loaders.classesOfCooperative.load({ parentId: c.id, args: page }));
  }
}
