import { assertNotFuture, badInput, ConflictError, foundingMembersProblem, inTransaction, lockForChange, MIN_GROUP_MEMBERS, MutationService, recordAudit, requireRoleOrManager, todayInProvince } from "@camau/shared";
import { CooperativeEventKind, GroupStatus, LegalStatus, MembershipType } from "../domain/enums";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { Member } from "../entities/Member";
import { AddMemberInput, EndMembershipInput } from "../inputs/MembershipInputs";
import { recordEvent } from "./events";
import { memberRow } from "./memberRows";
import { REGISTRY_WRITERS } from "../access";

/**
 * Members joining and leaving a cooperative or group, within the legal minimum of members.
 * Each change runs in one transaction that locks what it changes, checks the rules, and records
 * the audit entry and the history event; resolvers translate GraphQL arguments into one call of it.
 */
export class MembershipService extends MutationService {
  async addMember(input: AddMemberInput) {
    if (!!input.cooperativeId === !!input.groupId) throw badInput("input.cooperativeId", "give exactly one of cooperativeId and groupId");
    requireRoleOrManager(this.viewer, REGISTRY_WRITERS, input.cooperativeId?.toLowerCase());
    const joinedOn = input.member.joinedOn ?? todayInProvince();
    return inTransaction(this.dataSource, async (manager) => {
      if (input.cooperativeId) {
        const c = await lockForChange(manager, Cooperative, input.cooperativeId, "Cooperative");
        if (c.status !== LegalStatus.ACTIVE && c.status !== LegalStatus.SUSPENDED) throw new ConflictError(`Cooperative ${c.id} is ${c.status}: it takes no new members`);
        const member = await manager.getRepository(Member).save(memberRow(manager, { ...input.member, joinedOn }, { cooperativeId: c.id, defaultJoinedOn: joinedOn, notBefore: c.foundedOn, path: "input.member" }));
        await recordAudit(manager, this.viewer, { operation: "addMember", entityType: "Member", entityId: member.id, after: member });
        await recordEvent(manager, this.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.MEMBER_ADDED, effectiveOn: joinedOn, details: { memberId: member.id, membershipType: member.membershipType } });
        return { member };
      }
      const group = await lockForChange(manager, CooperativeGroup, input.groupId!, "Cooperative group");
      if (group.status !== GroupStatus.OPERATING) throw new ConflictError(`Cooperative group ${group.id} no longer operates`);
      const member = await manager.getRepository(Member).save(memberRow(manager, { ...input.member, joinedOn }, { groupId: group.id, defaultJoinedOn: joinedOn, notBefore: group.foundedOn, path: "input.member" }));
      await recordAudit(manager, this.viewer, { operation: "addMember", entityType: "Member", entityId: member.id, after: member });
      return { member };
    });
  }

  async endMembership(input: EndMembershipInput) {
    assertNotFuture(input.leftOn, "input.leftOn");
    return inTransaction(this.dataSource, async (manager) => {
      const member = await lockForChange(manager, Member, input.memberId, "Member");
      requireRoleOrManager(this.viewer, REGISTRY_WRITERS, member.cooperativeId);
      if (member.leftOn) throw new ConflictError(`Membership ${member.id} already ended on ${member.leftOn}`);
      if (input.leftOn < member.joinedOn) throw badInput("input.leftOn", "cannot be before the membership began");
      const ownerColumn = member.cooperativeId ? "cooperative_id" : "group_id";
      const ownerId = member.cooperativeId ?? member.groupId;
      const remaining: { membership_type: MembershipType }[] = await manager.query(
        `SELECT membership_type FROM member WHERE ${ownerColumn} = $1 AND left_on IS NULL AND id <> $2`,
        [ownerId, member.id],
      );
      if (member.cooperativeId) {
        const c = await lockForChange(manager, Cooperative, member.cooperativeId, "Cooperative");
        const problem = foundingMembersProblem(c.governingLaw, remaining.map((r) => r.membership_type));
        if (problem && c.status === LegalStatus.ACTIVE) throw new ConflictError(`Ending this membership would break the legal minimum: ${problem}`);
      } else if (remaining.length < MIN_GROUP_MEMBERS) {
        throw new ConflictError(`A cooperative group needs at least ${MIN_GROUP_MEMBERS} members`);
      }
      member.leftOn = input.leftOn;
      const saved = await manager.getRepository(Member).save(member);
      await recordAudit(manager, this.viewer, { operation: "endMembership", entityType: "Member", entityId: member.id, before: { leftOn: null }, after: { leftOn: input.leftOn } });
      if (member.cooperativeId) {
        await recordEvent(manager, this.viewer, { cooperativeId: member.cooperativeId, kind: CooperativeEventKind.MEMBERSHIP_ENDED, effectiveOn: input.leftOn, details: { memberId: member.id } });
      }
      return { member: saved };
    });
  }
}
