import { assertNotFuture, badInput } from "@camau/shared";
import { EntityManager } from "typeorm";
import { MemberKind, MembershipType } from "../domain/enums";
import { Member } from "../entities/Member";
import { MemberInput } from "../inputs/MemberInput";

/** Builds a membership row from input, checking the rules of the law that input alone can show. */
export function memberRow(
  manager: EntityManager,
  input: MemberInput,
  owner: { cooperativeId?: string; groupId?: string; defaultJoinedOn: string; notBefore: string; path: string },
): Member {
  const joinedOn = input.joinedOn ?? owner.defaultJoinedOn;
  assertNotFuture(joinedOn, `${owner.path}.joinedOn`);
  if (joinedOn < owner.notBefore) throw badInput(`${owner.path}.joinedOn`, "cannot be before the organisation was founded");
  if (input.kind === MemberKind.INDIVIDUAL && input.dateOfBirth) {
    const [y, m, d] = input.dateOfBirth.split("-");
    if (`${Number(y) + 18}-${m}-${d}` > joinedOn) throw badInput(`${owner.path}.dateOfBirth`, "an individual member must be at least 18 years old");
  }
  if (input.membershipType === MembershipType.ASSOCIATE_WITHOUT_CAPITAL && input.capitalContributed > 0) {
    throw badInput(`${owner.path}.capitalContributed`, "an associate member without capital contributes none");
  }
  return manager.getRepository(Member).create({
    cooperativeId: owner.cooperativeId ?? null,
    groupId: owner.groupId ?? null,
    kind: input.kind,
    fullName: input.fullName.normalize("NFC"),
    membershipType: input.membershipType,
    joinedOn,
    leftOn: null,
    capitalContributed: input.capitalContributed,
    nationalId: input.nationalId ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    phone: input.phone ?? null,
  });
}
