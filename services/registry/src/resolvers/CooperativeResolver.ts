import { BadUserInputError, isUuid, NotFoundError, PageArgs, paginate, requireUuid, selectsField, toConnection, CacheHint } from "@camau/shared";
import { GraphQLResolveInfo } from "graphql";
import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root, Directive } from "type-graphql";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Address } from "../entities/Address";
import { Classification } from "../entities/Classification";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeEvent } from "../entities/CooperativeEvent";
import { Sector } from "../entities/Sector";
import { UnionMembership } from "../entities/UnionMembership";
import { CooperativeFilter, CooperativeOrder } from "../inputs/CooperativeFilter";
import { RegistryContext } from "../context";
import { unitKey } from "../loaders";
import { currentCommuneOf } from "./currentCommune";
import { assertCanListMembersOf, MEMBER_READERS_OR_MANAGER } from "../access";
import { CooperativeConnection, CooperativeEventConnection, MemberConnection } from "./connections";
import { cooperativeOrNull, findCooperatives } from "./cooperativeQuery";

@Resolver(() => Cooperative)
export class CooperativeResolver {
  @Directive(CacheHint.public)
  @Query(() => Cooperative, { nullable: true, description: "A cooperative by id; null when there is none." })
  cooperative(@Arg("id", () => ID, { description: "Cooperative id (UUID)." }) id: string, @Ctx() ctx: RegistryContext): Promise<Cooperative | null> {
    return cooperativeOrNull(ctx.dataSource, requireUuid(id, "id"));
  }

  @Directive(CacheHint.public)
  @Query(() => Cooperative, { nullable: true, description: "A cooperative by its 10-digit code (mã số HTX); null when there is none." })
  cooperativeByCode(@Arg("code", { description: "Cooperative code, 10 digits." }) code: string, @Ctx() ctx: RegistryContext): Promise<Cooperative | null> {
    if (!/^\d{10}$/.test(code)) throw new BadUserInputError("code must be 10 digits", [{ path: "code", message: "must be 10 digits" }]);
    return ctx.dataSource.getRepository(Cooperative).findOneBy({ code });
  }

  @Directive(CacheHint.public)
  @Query(() => CooperativeConnection, { description: "Cooperatives, filtered and sorted, one page at a time." })
  async cooperatives(
    @Arg("filter", () => CooperativeFilter, { nullable: true, description: "Conditions the cooperatives must meet." }) filter: CooperativeFilter | null,
    @Arg("orderBy", () => [CooperativeOrder], { nullable: true, description: "Sort keys, first one first (default: name ascending)." }) orderBy: CooperativeOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RegistryContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await findCooperatives(ctx.dataSource, filter, orderBy, page, { countWithPage: selectsField(info, "totalCount") }));
  }

  @FieldResolver(() => Sector, { description: "Statistical sector (lĩnh vực)." })
  async sector(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<Sector> {
    const sector = await ctx.loaders.sectorByCode.load(c.sectorCode);
    if (!sector) throw new NotFoundError("Sector", c.sectorCode);
    return sector;
  }

  @FieldResolver(() => Address, { description: "Head-office address (địa chỉ trụ sở)." })
  address(@Root() c: Cooperative): Address {
    return { street: c.street, communeCode: c.communeCode, districtCode: c.districtCode, codeSystem: c.addressCodeSystem };
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: "District of the head office, in the code system it was registered under." })
  district(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> | null {
    return c.districtCode ? ctx.loaders.unitByKey.load(unitKey(c.addressCodeSystem, c.districtCode)) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: "Commune of the head office, in the code system it was registered under." })
  commune(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unitByKey.load(unitKey(c.addressCodeSystem, c.communeCode));
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description:
      "Where the head office is now: its commune-level unit since 2025-07-01. For an address recorded before the reform, the new unit its old commune became; for a commune the reform split, the first of its successors in the resolution's order (as the report's byArea counts it; `commune.successors` lists them all).",
  })
  currentCommune(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit | null> | null {
    return currentCommuneOf(ctx, c.districtCode, c.communeCode);
  }

  @FieldResolver(() => Int, { description: "Members whose membership is in force today (số thành viên)." })
  memberCount(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<number> {
    return ctx.loaders.memberCountByCooperative.load(c.id);
  }

  @Authorized(...MEMBER_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => MemberConnection, { nullable: true, description: "Members, oldest membership first. Officers, fund staff and the cooperative's own manager only (null with a FORBIDDEN error for others)." })
  async members(
    @Root() c: Cooperative,
    @Arg("includeFormer", { defaultValue: false, description: "Include memberships that have ended." }) includeFormer: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RegistryContext,
  ) {
    assertCanListMembersOf(ctx.viewer, c.id);
    const loader = includeFormer ? ctx.loaders.allMembersOfCooperative : ctx.loaders.currentMembersOfCooperative;
    return toConnection(await loader.load({ parentId: c.id, args: page }));
  }

  @FieldResolver(() => Boolean, { description: "Whether it is a member of the provincial Cooperative Alliance (thành viên Liên minh HTX)." })
  isAllianceMember(@Root() c: Cooperative): boolean {
    return c.allianceJoinedOn !== null;
  }

  @FieldResolver(() => UnionMembership, { nullable: true, description: "Its current membership of a union of cooperatives, if any." })
  unionMembership(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<UnionMembership | null> {
    return ctx.loaders.currentUnionMembershipByCooperative.load(c.id);
  }

  @FieldResolver(() => [Classification], { description: "Annual classifications, latest year first." })
  classifications(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<Classification[]> {
    return ctx.loaders.classificationsByCooperative.load(c.id);
  }

  @FieldResolver(() => Classification, { nullable: true, description: "The classification of the latest year assessed; null if never rated." })
  latestClassification(@Root() c: Cooperative, @Ctx() ctx: RegistryContext): Promise<Classification | null> {
    return ctx.loaders.latestClassificationByCooperative.load(c.id);
  }

  @FieldResolver(() => CooperativeEventConnection, { description: "History of changes, in the order they took effect." })
  async history(@Root() c: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RegistryContext) {
    const qb = ctx.dataSource.getRepository(CooperativeEvent).createQueryBuilder("e").where("e.cooperative_id = :id", { id: c.id });
    return toConnection(
      await paginate(
        qb,
        page,
        [
          { expression: "e.effective_on", direction: "ASC", valueOf: (e) => e.effectiveOn },
          { expression: "e.recorded_at", direction: "ASC", valueOf: (e) => e.recordedAt.toISOString() },
        ],
        "e.id",
      ),
    );
  }
}

/**
 * Entity reference resolver: other subgraphs hand the gateway `{ id }`. A reference to a
 * cooperative the registry does not have is NOT_FOUND (an error on that reference, which the
 * gateway reports at the referring field), never a silent null.
 */
export const cooperativeReference = {
  Cooperative: {
    __resolveReference: async (ref: { id: string }, ctx: RegistryContext) => {
      const found = isUuid(ref.id) ? await ctx.loaders.cooperativeById.load(ref.id.toLowerCase()) : null;
      if (!found) throw new NotFoundError("Cooperative", ref.id);
      return found;
    },
  },
};
