import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { inTransaction, isUuid, PageArgs, paginate, recordAudit, requireUuid, Role, toConnection, CacheHint } from "@camau/shared";
import { GroupStatus } from "../domain/enums";
import { escapeLike, searchWords } from "../domain/searchText";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { Member } from "../entities/Member";
import { Sector } from "../entities/Sector";
import { CooperativeGroupFilter, RegisterCooperativeGroupInput } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { unitKey } from "../loaders";
import { assertCanListMembersOf } from "./access";
import { CooperativeGroupConnection, MemberConnection } from "./connections";
import { assertNotFuture } from "./events";
import { communeOn, requireSector } from "./lookups";
import { memberRow } from "./memberRows";
import { CooperativeGroupPayload } from "./payloads";

@Resolver(() => CooperativeGroup)
export class CooperativeGroupResolver {
  @Directive(CacheHint.public)
  @Query(() => CooperativeGroup, { nullable: true, description: "A cooperative group by id; null when there is none." })
  cooperativeGroup(@Arg("id", () => ID, { description: "Group id (UUID)." }) id: string, @Ctx() ctx: RegistryContext): Promise<CooperativeGroup | null> {
    return ctx.dataSource.getRepository(CooperativeGroup).findOneBy({ id: requireUuid(id, "id") });
  }

  @Directive(CacheHint.public)
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

  @Directive(CacheHint.restricted)
  @FieldResolver(() => MemberConnection, { nullable: true, description: "Members of the cooperation contract (officers and fund staff only; null with a FORBIDDEN error for others)." })
  async members(@Root() g: CooperativeGroup, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RegistryContext) {
    assertCanListMembersOf(ctx.viewer, null);
    const qb = ctx.dataSource.getRepository(Member).createQueryBuilder("m").where("m.group_id = :id", { id: g.id });
    return toConnection(await paginate(qb, page, [{ expression: "m.joined_on", direction: "ASC", valueOf: (m) => m.joinedOn }], "m.id"));
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => CooperativeGroupPayload, { description: "Registers a cooperative group with at least 2 members (OFFICER, ADMIN)." })
  registerCooperativeGroup(@Arg("input", () => RegisterCooperativeGroupInput, { description: "The group." }) input: RegisterCooperativeGroupInput, @Ctx() ctx: RegistryContext): Promise<CooperativeGroupPayload> {
    assertNotFuture(input.foundedOn, "input.foundedOn");
    return inTransaction(ctx.dataSource, async (manager) => {
      await requireSector(manager, input.sectorCode, "input.sectorCode");
      const commune = await communeOn(manager, input.communeCode, input.foundedOn, "input.communeCode");
      const repository = manager.getRepository(CooperativeGroup);
      const group = await repository.save(
        repository.create({
          name: input.name.normalize("NFC"),
          communeCode: commune.code,
          districtCode: commune.parentCode,
          sectorCode: input.sectorCode,
          foundedOn: input.foundedOn,
          certifiedOn: input.certifiedOn ?? null,
          status: GroupStatus.OPERATING,
          dissolvedOn: null,
        }),
      );
      const members = await manager.getRepository(Member).save(
        input.members.map((m, i) => memberRow(manager, m, { groupId: group.id, defaultJoinedOn: input.foundedOn, notBefore: input.foundedOn, path: `input.members.${i}` })),
      );
      await recordAudit(manager, ctx.viewer, { operation: "registerCooperativeGroup", entityType: "CooperativeGroup", entityId: group.id, after: { ...group, members } });
      return { cooperativeGroup: group };
    });
  }
}

export const groupReference = {
  CooperativeGroup: {
    __resolveReference: (ref: { id: string }, ctx: RegistryContext) =>
      isUuid(ref.id) ? ctx.loaders.groupById.load(ref.id.toLowerCase()) : null,
  },
};

