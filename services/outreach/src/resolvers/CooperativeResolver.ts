import { PageArgs, toConnection } from "@camau/shared";
import { Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { OutreachContext } from "../context";
import { TrainingClassConnection } from "./connections";

/**
 * The registry's cooperative, extended by its key: this subgraph knows only its id and adds the
 * classes its people attended.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives." })
export class Cooperative {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string;
}

@Resolver(() => Cooperative)
export class CooperativeResolver {
  @FieldResolver(() => TrainingClassConnection, {
    nullable: true,
    description: "Classes the cooperative sent participants to (lớp có thành viên HTX tham gia), newest first; cancelled classes are not listed. Null only when the outreach service is unavailable.",
  })
  async trainingClasses(@Root() c: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: OutreachContext) {
    return toConnection(await ctx.loaders.classesOfCooperative.load({ parentId: c.id, args: page }));
  }
}

/** Entity reference resolver: the gateway hands over `{ id }` of a registry cooperative. */
export const cooperativeReference = {
  Cooperative: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
