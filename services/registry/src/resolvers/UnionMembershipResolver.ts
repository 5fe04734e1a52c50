import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { UnionMembership } from "../entities/UnionMembership";
import { RegistryContext } from "../context";

@Resolver(() => UnionMembership)
export class UnionMembershipResolver {
  @FieldResolver(() => CooperativeUnion, { description: "The union." })
  async union(@Root() m: UnionMembership, @Ctx() ctx: RegistryContext): Promise<CooperativeUnion> {
    return m.union ?? (await ctx.loaders.unionById.load(m.unionId))!;
  }

  @FieldResolver(() => Cooperative, { description: "The member cooperative." })
  async cooperative(@Root() m: UnionMembership, @Ctx() ctx: RegistryContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperativeById.load(m.cooperativeId))!;
  }
}
