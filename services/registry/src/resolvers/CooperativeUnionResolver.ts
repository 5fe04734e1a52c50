import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { badInput, ConflictError, inTransaction, isUuid, NotFoundError, PageArgs, paginate, recordAudit, requireUuid, Role, toConnection, CacheHint } from "@camau/shared";
import { EntityManager, In, IsNull } from "typeorm";
import { CooperativeEventKind, LegalStatus } from "../domain/enums";
import { MIN_UNION_MEMBERS } from "../domain/foundingRules";
import { Address } from "../entities/Address";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { UnionMembership } from "../entities/UnionMembership";
import { ChangeUnionMembersInput, RegisterCooperativeUnionInput } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { CooperativeUnionConnection } from "./connections";
import { assertNotFuture, recordEvent } from "./events";
import { communeOn } from "./lookups";
import { CooperativeUnionPayload } from "./payloads";

/** Locks the cooperatives joining a union and checks each exists, is ACTIVE and is in no other union. */
async function joinableCooperatives(manager: EntityManager, ids: string[], path: string): Promise<Cooperative[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length !== ids.length) throw badInput(path, "lists a cooperative twice");
  const found = await manager.getRepository(Cooperative).find({ where: { id: In(unique) }, lock: { mode: "pessimistic_write" } });
  const missing = unique.filter((id) => !found.some((c) => c.id === id));
  if (missing.length) throw badInput(path, `unknown cooperative(s): ${missing.join(", ")}`);
  const inactive = found.filter((c) => c.status !== LegalStatus.ACTIVE);
  if (inactive.length) throw new ConflictError(`Only ACTIVE cooperatives can join a union: ${inactive.map((c) => c.code).join(", ")}`);
  const current = await manager.getRepository(UnionMembership).findBy({ cooperativeId: In(unique), leftOn: IsNull() });
  if (current.length) throw new ConflictError(`Cooperative(s) already in a union: ${current.map((m) => m.cooperativeId).join(", ")}`);
  return found;
}

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
    return toConnection(await paginate(qb, page, [{ expression: "u.name", direction: "ASC", valueOf: (u) => u.name }], "u.id"));
  }

  @FieldResolver(() => Address, { description: "Head-office address." })
  address(@Root() u: CooperativeUnion): Address {
    return { street: u.street, communeCode: u.communeCode, districtCode: u.districtCode, codeSystem: u.addressCodeSystem };
  }

  @FieldResolver(() => [UnionMembership], { description: "Member cooperatives with their joined and left dates, current and former (a union has a handful)." })
  memberships(@Root() u: CooperativeUnion, @Ctx() ctx: RegistryContext): Promise<UnionMembership[]> {
    return ctx.loaders.unionMembershipsByUnion.load(u.id);
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => CooperativeUnionPayload, { description: "Registers a union of cooperatives with at least 3 ACTIVE member cooperatives (4 under LAW_2012) (OFFICER, ADMIN)." })
  registerCooperativeUnion(@Arg("input", () => RegisterCooperativeUnionInput, { description: "The union." }) input: RegisterCooperativeUnionInput, @Ctx() ctx: RegistryContext): Promise<CooperativeUnionPayload> {
    assertNotFuture(input.foundedOn, "input.foundedOn");
    const minimum = MIN_UNION_MEMBERS[input.governingLaw];
    if (input.memberCooperativeIds.length < minimum) throw badInput("input.memberCooperativeIds", `a union under ${input.governingLaw} needs at least ${minimum} member cooperatives`);
    return inTransaction(ctx.dataSource, async (manager) => {
      const commune = await communeOn(manager, input.address.communeCode, input.foundedOn, "input.address.communeCode");
      const members = await joinableCooperatives(manager, input.memberCooperativeIds, "input.memberCooperativeIds");
      if (await manager.getRepository(CooperativeUnion).existsBy({ code: input.code })) throw new ConflictError(`A union with code ${input.code} already exists`);
      const union = await manager.getRepository(CooperativeUnion).save(
        manager.getRepository(CooperativeUnion).create({
          code: input.code,
          name: input.name.normalize("NFC"),
          foreignName: input.foreignName ?? null,
          abbreviation: input.abbreviation ?? null,
          status: LegalStatus.ACTIVE,
          statusSince: input.foundedOn,
          foundedOn: input.foundedOn,
          governingLaw: input.governingLaw,
          street: input.address.street ?? null,
          communeCode: commune.code,
          districtCode: commune.parentCode,
          addressCodeSystem: commune.codeSystem,
          charterCapital: input.charterCapital,
          legalRepresentative: input.legalRepresentative,
        }),
      );
      for (const c of members) {
        await manager.getRepository(UnionMembership).save({ unionId: union.id, cooperativeId: c.id, joinedOn: input.foundedOn, leftOn: null });
        await recordEvent(manager, ctx.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.JOINED_UNION, effectiveOn: input.foundedOn, details: { unionId: union.id } });
      }
      await recordAudit(manager, ctx.viewer, { operation: "registerCooperativeUnion", entityType: "CooperativeUnion", entityId: union.id, after: { ...union, memberCooperativeIds: members.map((c) => c.id) } });
      return { cooperativeUnion: union };
    });
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => CooperativeUnionPayload, { description: "Adds and removes member cooperatives of a union; it must keep its legal minimum (OFFICER, ADMIN)." })
  changeUnionMembers(@Arg("input", () => ChangeUnionMembersInput, { description: "Who joins and who leaves." }) input: ChangeUnionMembersInput, @Ctx() ctx: RegistryContext): Promise<CooperativeUnionPayload> {
    assertNotFuture(input.effectiveOn, "input.effectiveOn");
    if (!input.add.length && !input.remove.length) throw badInput("input.add", "nothing to change");
    return inTransaction(ctx.dataSource, async (manager) => {
      const union = await manager.getRepository(CooperativeUnion).findOne({ where: { id: input.unionId.toLowerCase() }, lock: { mode: "pessimistic_write" } });
      if (!union) throw new NotFoundError("Union", input.unionId);
      if (union.status !== LegalStatus.ACTIVE) throw new ConflictError(`Union ${union.id} is ${union.status}`);
      const current = await manager.getRepository(UnionMembership).find({ where: { unionId: union.id }, lock: { mode: "pessimistic_write" } });
      const inForce = current.filter((m) => m.leftOn === null);
      const membersBefore = inForce.map((m) => m.cooperativeId);
      for (const id of input.remove.map((i) => i.toLowerCase())) {
        const membership = inForce.find((m) => m.cooperativeId === id);
        if (!membership) throw badInput("input.remove", `cooperative ${id} is not a member of this union`);
        if (input.effectiveOn < membership.joinedOn) throw badInput("input.effectiveOn", "is before the cooperative joined");
        membership.leftOn = input.effectiveOn;
        await manager.getRepository(UnionMembership).save(membership);
        await recordEvent(manager, ctx.viewer, { cooperativeId: id, kind: CooperativeEventKind.LEFT_UNION, effectiveOn: input.effectiveOn, details: { unionId: union.id } });
      }
      const joining = await joinableCooperatives(manager, input.add, "input.add");
      for (const c of joining) {
        await manager.getRepository(UnionMembership).save({ unionId: union.id, cooperativeId: c.id, joinedOn: input.effectiveOn, leftOn: null });
        await recordEvent(manager, ctx.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.JOINED_UNION, effectiveOn: input.effectiveOn, details: { unionId: union.id } });
      }
      const remaining = inForce.filter((m) => m.leftOn === null).length + joining.length;
      if (remaining < MIN_UNION_MEMBERS[union.governingLaw]) {
        throw new ConflictError(`A union under ${union.governingLaw} needs at least ${MIN_UNION_MEMBERS[union.governingLaw]} member cooperatives`);
      }
      await recordAudit(manager, ctx.viewer, {
        operation: "changeUnionMembers",
        entityType: "CooperativeUnion",
        entityId: union.id,
        before: { memberCooperativeIds: membersBefore },
        after: { memberCooperativeIds: [...inForce.filter((m) => m.leftOn === null).map((m) => m.cooperativeId), ...joining.map((c) => c.id)], effectiveOn: input.effectiveOn },
      });
      return { cooperativeUnion: union };
    });
  }
}

export const unionReference = {
  CooperativeUnion: {
    __resolveReference: (ref: { id: string }, ctx: RegistryContext) => (isUuid(ref.id) ? ctx.loaders.unionById.load(ref.id.toLowerCase()) : null),
  },
};
