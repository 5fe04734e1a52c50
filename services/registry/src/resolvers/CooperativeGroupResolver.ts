import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { isUuid, PageArgs, paginate, requireUuid, toConnection } from "@camau/shared";
import { escapeLike, searchWords } from "../domain/searchText";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { Member } from "../entities/Member";
import { Sector } from "../entities/Sector";
import { CooperativeGroupFilter } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { unitKey } from "../loaders";
import { MEMBER_READERS } from "../access";
import { CooperativeGroupConnection, MemberConnection } from "./connections";
@Resolver(() => CooperativeGroup)
export class CooperativeGroupResolver {
  @Query(() => CooperativeGroup, { nullable: true, description: "A cooperative group by id; null when there is none." })
  cooperativeGroup(@Arg("id", () => ID, { description: "Group id (UUID)." }) id: string, @Ctx() ctx: RegistryContext): Promise<CooperativeGroup | null> {
    return ctx.dataSource.getRepository(CooperativeGroup).findOneBy({ id: requireUuid(id, "id") });
  }

  @Query(() => CooperativeGroupConnection, { description: "Cooperative groups by name, filtered, one page at a time." })
  async cooperativeGroups(
    @Arg("filter", () => CooperativeGroupFilter, { nullable: true, description: "Conditions the groups must meet." }) filter: CooperativeGroupFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RegistryContext,
  ) {
    const qb = ctx.dataSource.getRepository(CooperativeGroup).createQueryBuilder("g");
    if (filter?.search) searchWords(filter.search).forEach((w, i) => qb.andWhere(`g.search_document LIKE '%' || search_key(:w${i}) || '%'`, { [`w${i}`]: escapeLike(w) }));
    if (filter?.districtCodes?.length) qb.andWhere("g.district_code IN (:...d)", { d: filter.districtCodes });
    if (filter?.sectorCodes?.length) qb.andWhere("g.sector_code IN (:...s)", { s: filter.sectorCodes });
    if (filter?.status) qb.andWhere("g.status = :status", { status: filter.status });
    return toConnection(await paginate(qb, page, [{ expression: "g.name", direction: "ASC", valueOf: (g) => g.name }], "g.id"));
  }

  @FieldResolver(() => Sector, { description: "Sector of the group." })
  async sector(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<Sector> {
    return (await ctx.loaders.sectorByCode.load(g.sectorCode))!;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: "Commune that certified the group." })
  commune(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unitByKey.load(unitKey("PRE_2025", g.communeCode));
  }

  @FieldResolver(() => Int, { description: "Members whose membership is in force today." })
  memberCount(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<number> {
    return ctx.loaders.memberCountByGroup.load(g.id);
  }

  @Authorized(...MEMBER_READERS)
  @FieldResolver(() => MemberConnection, { nullable: true, description: "Members of the cooperation contract (officers and fund staff only; null with a FORBIDDEN error for others)." })
  async members(@Root() g: CooperativeGroup, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RegistryContext) {
    const qb = ctx.dataSource.getRepository(Member).createQueryBuilder("m").where("m.group_id = :id", { id: g.id });
    return toConnection(await paginate(qb, page, [{ expression: "m.joined_on", direction: "ASC", valueOf: (m) => m.joinedOn }], "m.id"));
  }
}

export const groupReference = {
  CooperativeGroup: {
    __resolveReference: (ref: { id: string }, ctx: RegistryContext) =>
      isUuid(ref.id) ? ctx.loaders.groupById.load(ref.id.toLowerCase()) : null,
  },
};

