import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { inVietnameseOrder, isUuid, PageArgs, paginate, requireUuid, toConnection, CacheHint } from "@camau/shared";
import { Address } from "../entities/Address";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { UnionMembership } from "../entities/UnionMembership";
import { RegistryContext } from "../context";
import { CooperativeUnionConnection } from "./connections";
@Resolver(() => CooperativeUnion)
export class CooperativeUnionResolver {
  @Directive(CacheHint.public)
  @Query(() => CooperativeUnion, { nullable: true, description: "A union of cooperatives by id; null when there is none." })
  cooperativeUnion(@Arg("id", () => ID, { description: "Union id (UUID)." }) id: string, @Ctx() ctx: RegistryContext): Promise<CooperativeUnion | null> {
    return ctx.dataSource.getRepository(CooperativeUnion).findOneBy({ id: requireUuid(id, "id") });
  }

  @Directive(CacheHint.public)
  @Query(() => CooperativeUnionConnection, { description: "Unions of cooperatives by name, one page at a time." })
  async cooperativeUnions(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RegistryContext) {
    const qb = ctx.dataSource.getRepository(CooperativeUnion).createQueryBuilder("u");
    return toConnection(await paginate(qb, page, [{ expression: inVietnameseOrder("u.name"), direction: "ASC", valueOf: (u) => u.name }], "u.id"));
  }

  @FieldResolver(() => Address, { description: "Head-office address." })
  address(@Root() u: CooperativeUnion): Address {
    return { street: u.street, communeCode: u.communeCode, districtCode: u.districtCode, codeSystem: u.addressCodeSystem };
  }

  @FieldResolver(() => [UnionMembership], { description: "Member cooperatives with their joined and left dates, current and former (a union has a handful)." })
  memberships(@Root() u: CooperativeUnion, @Ctx() ctx: RegistryContext): Promise<UnionMembership[]> {
    return ctx.loaders.unionMembershipsByUnion.load(u.id);
  }
}

export const unionReference = {
  CooperativeUnion: {
    __resolveReference: (ref: { id: string }, ctx: RegistryContext) => (isUuid(ref.id) ? ctx.loaders.unionById.load(ref.id.toLowerCase()) : null),
  },
};
