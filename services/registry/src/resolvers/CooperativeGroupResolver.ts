import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from "type-graphql";
import { addSearch, areaFilterSql, codeSystemOfPlace, inVietnameseOrder, isUuid, PageArgs, paginate, relevanceOrder, requireUuid, SortKey, toConnection, CacheHint } from "@camau/shared";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { Member } from "../entities/Member";
import { Sector } from "../entities/Sector";
import { CooperativeGroupFilter, CooperativeGroupOrder, CooperativeGroupOrderField } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { unitKey } from "../loaders";
import { currentCommuneOf } from "./currentCommune";
import { MEMBER_READERS } from "../access";
import { CooperativeGroupConnection, MemberConnection } from "./connections";

const BY_NAME: SortKey<CooperativeGroup> = { expression: inVietnameseOrder("g.name"), direction: "ASC", valueOf: (g) => g.name };

@Resolver(() => CooperativeGroup)
export class CooperativeGroupResolver {
  @Directive(CacheHint.public)
  @Query(() => CooperativeGroup, { nullable: true, description: "A cooperative group by id; null when there is none." })
  cooperativeGroup(@Arg("id", () => ID, { description: "Group id (UUID)." }) id: string, @Ctx() ctx: RegistryContext): Promise<CooperativeGroup | null> {
    return ctx.dataSource.getRepository(CooperativeGroup).findOneBy({ id: requireUuid(id, "id") });
  }

  @Directive(CacheHint.public)
  @Query(() => CooperativeGroupConnection, { description: "Cooperative groups, filtered, one page at a time (by name; by relevance when searching, unless `orderBy` says otherwise)." })
  async cooperativeGroups(
    @Arg("filter", () => CooperativeGroupFilter, { nullable: true, description: "Conditions the groups must meet." }) filter: CooperativeGroupFilter | null,
    @Arg("orderBy", () => CooperativeGroupOrder, { nullable: true, description: "Sort order (default: RELEVANCE when `filter.search` is given, else NAME)." }) orderBy: CooperativeGroupOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RegistryContext,
  ) {
    const qb = ctx.dataSource.getRepository(CooperativeGroup).createQueryBuilder("g");
    for (const area of areaFilterSql("g", filter ?? {})) qb.andWhere(area.sql, area.params);
    if (filter?.sectorCodes?.length) qb.andWhere("g.sector_code IN (:...s)", { s: filter.sectorCodes });
    if (filter?.status) qb.andWhere("g.status = :status", { status: filter.status });
    const order = orderBy ?? { field: filter?.search ? CooperativeGroupOrderField.RELEVANCE : CooperativeGroupOrderField.NAME, direction: "ASC" };
    // After the other filters: the search checks whether its words as typed find anything among them.
    const relevance = filter?.search ? await addSearch(qb, "g", filter.search, { ranked: order.field === CooperativeGroupOrderField.RELEVANCE }) : undefined;
    const keys = order.field === CooperativeGroupOrderField.RELEVANCE ? relevanceOrder(relevance, BY_NAME, order.direction as "ASC" | "DESC", "orderBy") : [{ ...BY_NAME, direction: order.direction as "ASC" | "DESC" }];
    return toConnection(await paginate(qb, page, keys, "g.id"));
  }

  @FieldResolver(() => Sector, { description: "Sector of the group." })
  async sector(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<Sector> {
    return (await ctx.loaders.sectorByCode.load(g.sectorCode))!;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: "Commune that certified the group, in the code system it was registered under." })
  commune(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unitByKey.load(unitKey(codeSystemOfPlace(g.districtCode), g.communeCode));
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description:
      "Where the group is now: its commune-level unit since 2025-07-01. For a group registered before the reform, the new unit its old commune became; for a commune the reform split, the first of its successors in the resolution's order (as the report's byArea counts it; `commune.successors` lists them all).",
  })
  currentCommune(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> | null {
    return currentCommuneOf(ctx, g.districtCode, g.communeCode);
  }

  @FieldResolver(() => Int, { description: "Members whose membership is in force today." })
  memberCount(@Root() g: CooperativeGroup, @Ctx() ctx: RegistryContext): Promise<number> {
    return ctx.loaders.memberCountByGroup.load(g.id);
  }

  @Authorized(...MEMBER_READERS)
  @Directive(CacheHint.restricted)
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

