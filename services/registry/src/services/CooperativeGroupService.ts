import { assertNotFuture, inTransaction, MutationService, recordAudit } from "@camau/shared";
import { GroupStatus } from "../domain/enums";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { Member } from "../entities/Member";
import { RegisterCooperativeGroupInput } from "../inputs/GroupAndUnionInputs";
import { communeOn, districtOfCommune, requireSector } from "./lookups";
import { memberRow } from "./memberRows";

/**
 * Registration of cooperative groups (tổ hợp tác) with their members.
 * Each change runs in one transaction that locks what it changes, checks the rules, and records
 * the audit entry and the history event; resolvers translate GraphQL arguments into one call of it.
 */
export class CooperativeGroupService extends MutationService {
  async registerCooperativeGroup(input: RegisterCooperativeGroupInput) {
    assertNotFuture(input.foundedOn, "input.foundedOn");
    return inTransaction(this.dataSource, async (manager) => {
      await requireSector(manager, input.sectorCode, "input.sectorCode");
      const commune = await communeOn(manager, input.communeCode, input.foundedOn, "input.communeCode");
      const repository = manager.getRepository(CooperativeGroup);
      const group = await repository.save(
        repository.create({
          name: input.name.normalize("NFC"),
          communeCode: commune.code,
          districtCode: districtOfCommune(commune),
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
      await recordAudit(manager, this.viewer, { operation: "registerCooperativeGroup", entityType: "CooperativeGroup", entityId: group.id, after: { ...group, members } });
      return { cooperativeGroup: group };
    });
  }
}
