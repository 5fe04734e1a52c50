import { assertNotFuture, badInput, ConflictError, inTransaction, lockForChange, MIN_UNION_MEMBERS, MutationService, recordAudit } from "@camau/shared";
import { EntityManager, In, IsNull } from "typeorm";
import { CooperativeEventKind, LegalStatus } from "../domain/enums";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { UnionMembership } from "../entities/UnionMembership";
import { ChangeUnionMembersInput, RegisterCooperativeUnionInput } from "../inputs/GroupAndUnionInputs";
import { recordEvent } from "./events";
import { communeOn } from "./lookups";
import { registrationColumns } from "./registration";

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

/**
 * Registration of unions of cooperatives and changes of their member cooperatives.
 * Each change runs in one transaction that locks what it changes, checks the rules, and records
 * the audit entry and the history event; resolvers translate GraphQL arguments into one call of it.
 */
export class CooperativeUnionService extends MutationService {
  async registerCooperativeUnion(input: RegisterCooperativeUnionInput) {
    assertNotFuture(input.foundedOn, "input.foundedOn");
    const minimum = MIN_UNION_MEMBERS[input.governingLaw];
    if (input.memberCooperativeIds.length < minimum) throw badInput("input.memberCooperativeIds", `a union under ${input.governingLaw} needs at least ${minimum} member cooperatives`);
    return inTransaction(this.dataSource, async (manager) => {
      const commune = await communeOn(manager, input.address.communeCode, input.foundedOn, "input.address.communeCode");
      const members = await joinableCooperatives(manager, input.memberCooperativeIds, "input.memberCooperativeIds");
      if (await manager.getRepository(CooperativeUnion).existsBy({ code: input.code })) throw new ConflictError(`A union with code ${input.code} already exists`);
      const union = await manager.getRepository(CooperativeUnion).save(
        manager.getRepository(CooperativeUnion).create({
          ...registrationColumns(input, commune),
        }),
      );
      for (const c of members) {
        await manager.getRepository(UnionMembership).save({ unionId: union.id, cooperativeId: c.id, joinedOn: input.foundedOn, leftOn: null });
        await recordEvent(manager, this.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.JOINED_UNION, effectiveOn: input.foundedOn, details: { unionId: union.id } });
      }
      await recordAudit(manager, this.viewer, { operation: "registerCooperativeUnion", entityType: "CooperativeUnion", entityId: union.id, after: { ...union, memberCooperativeIds: members.map((c) => c.id) } });
      return { cooperativeUnion: union };
    });
  }

  async changeUnionMembers(input: ChangeUnionMembersInput) {
    assertNotFuture(input.effectiveOn, "input.effectiveOn");
    if (!input.add.length && !input.remove.length) throw badInput("input.add", "nothing to change");
    return inTransaction(this.dataSource, async (manager) => {
      const union = await lockForChange(manager, CooperativeUnion, input.unionId, "Union");
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
        await recordEvent(manager, this.viewer, { cooperativeId: id, kind: CooperativeEventKind.LEFT_UNION, effectiveOn: input.effectiveOn, details: { unionId: union.id } });
      }
      const joining = await joinableCooperatives(manager, input.add, "input.add");
      for (const c of joining) {
        await manager.getRepository(UnionMembership).save({ unionId: union.id, cooperativeId: c.id, joinedOn: input.effectiveOn, leftOn: null });
        await recordEvent(manager, this.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.JOINED_UNION, effectiveOn: input.effectiveOn, details: { unionId: union.id } });
      }
      const remaining = inForce.filter((m) => m.leftOn === null).length + joining.length;
      if (remaining < MIN_UNION_MEMBERS[union.governingLaw]) {
        throw new ConflictError(`A union under ${union.governingLaw} needs at least ${MIN_UNION_MEMBERS[union.governingLaw]} member cooperatives`);
      }
      await recordAudit(manager, this.viewer, {
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
