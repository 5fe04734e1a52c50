import { assertNotFuture, badInput, canBeClassifiedForYear, ConflictError, CURRENT_SCHEME, foundingMembersProblem, inTransaction, lockForChange, lockVersionForChange, MutationService, ratingForScore, recordAudit, todayInProvince } from "@camau/shared";
import { CooperativeEventKind, LegalStatus } from "../domain/enums";
import { canTransition, isTerminal } from "../domain/statusTransitions";
import { Classification } from "../entities/Classification";
import { Cooperative } from "../entities/Cooperative";
import { Member } from "../entities/Member";
import { AdmitToAllianceInput, ChangeCooperativeStatusInput, RecordClassificationInput, RegisterCooperativeInput, UpdateCooperativeInput } from "../inputs/CooperativeInputs";
import { recordEvent } from "./events";
import { communeOn, districtOfCommune, requireSector } from "./lookups";
import { registrationColumns } from "./registration";
import { memberRow } from "./memberRows";

/**
 * A cooperative's registration and legal life: registration with founding members, changes, status, annual classification, Alliance membership.
 * Each change runs in one transaction that locks what it changes, checks the rules, and records
 * the audit entry and the history event; resolvers translate GraphQL arguments into one call of it.
 */
export class CooperativeService extends MutationService {
  async registerCooperative(input: RegisterCooperativeInput) {
    assertNotFuture(input.foundedOn, "input.foundedOn");
    const problem = foundingMembersProblem(input.governingLaw, input.foundingMembers.map((m) => m.membershipType));
    if (problem) throw badInput("input.foundingMembers", problem);
    return inTransaction(this.dataSource, async (manager) => {
      await requireSector(manager, input.sectorCode, "input.sectorCode");
      const commune = await communeOn(manager, input.address.communeCode, input.foundedOn, "input.address.communeCode");
      const repository = manager.getRepository(Cooperative);
      if (await repository.existsBy({ code: input.code })) throw new ConflictError(`A cooperative with code ${input.code} already exists`);
      const cooperative = await repository.save(
        repository.create({
          ...registrationColumns(input, commune),
          sectorCode: input.sectorCode,
          businessLines: input.businessLines,
          isNewModel: input.isNewModel,
          allianceJoinedOn: null,
        }),
      );
      const foundingMembers = await manager.getRepository(Member).save(
        input.foundingMembers.map((m, i) => memberRow(manager, m, { cooperativeId: cooperative.id, defaultJoinedOn: input.foundedOn, notBefore: input.foundedOn, path: `input.foundingMembers.${i}` })),
      );
      await recordAudit(manager, this.viewer, { operation: "registerCooperative", entityType: "Cooperative", entityId: cooperative.id, after: { ...cooperative, foundingMembers } });
      const event = await recordEvent(manager, this.viewer, {
        cooperativeId: cooperative.id,
        kind: CooperativeEventKind.FOUNDED,
        effectiveOn: input.foundedOn,
        statusAfter: LegalStatus.ACTIVE,
        details: { code: input.code, name: cooperative.name, foundingMembers: input.foundingMembers.length },
      });
      return { cooperative, event };
    });
  }

  async updateCooperative(input: UpdateCooperativeInput) {
    const effectiveOn = input.effectiveOn ?? todayInProvince();
    assertNotFuture(effectiveOn, "input.effectiveOn");
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockVersionForChange(manager, Cooperative, input.id, input.version, "Cooperative");
      if (isTerminal(c.status)) throw new ConflictError(`Cooperative ${c.id} is ${c.status} and can no longer change`);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set = <K extends keyof Cooperative>(key: K, value: Cooperative[K] | null | undefined) => {
        if (value === undefined || value === null || JSON.stringify(value) === JSON.stringify(c[key])) return;
        before[key] = c[key];
        after[key] = value;
        c[key] = value;
      };
      set("name", input.name?.normalize("NFC"));
      set("foreignName", input.foreignName);
      set("abbreviation", input.abbreviation);
      set("charterCapital", input.charterCapital);
      set("legalRepresentative", input.legalRepresentative);
      set("isNewModel", input.isNewModel);
      set("businessLines", input.businessLines);
      if (input.sectorCode) {
        await requireSector(manager, input.sectorCode, "input.sectorCode");
        set("sectorCode", input.sectorCode);
      }
      if (input.address) {
        const commune = await communeOn(manager, input.address.communeCode, effectiveOn, "input.address.communeCode");
        set("street", input.address.street ?? null);
        set("communeCode", commune.code);
        // a move into a commune of the reformed province leaves the district (set skips nulls)
        const districtCode = districtOfCommune(commune);
        if (districtCode !== c.districtCode) {
          before.districtCode = c.districtCode;
          after.districtCode = districtCode;
          c.districtCode = districtCode;
        }
        set("addressCodeSystem", commune.codeSystem);
      }
      const changed = Object.keys(after);
      if (!changed.length) return { cooperative: c, event: null };
      const version = c.version;
      const saved = await manager.getRepository(Cooperative).save(c);
      await recordAudit(manager, this.viewer, { operation: "updateCooperative", entityType: "Cooperative", entityId: c.id, before: { ...before, version }, after: { ...after, version: saved.version } });
      const renamed = changed.some((k) => ["name", "foreignName", "abbreviation"].includes(k));
      const moved = changed.some((k) => ["street", "communeCode", "districtCode"].includes(k));
      const kind = renamed ? CooperativeEventKind.RENAMED : moved ? CooperativeEventKind.ADDRESS_CHANGED : CooperativeEventKind.DETAILS_CHANGED;
      const event = await recordEvent(manager, this.viewer, { cooperativeId: c.id, kind, effectiveOn, details: { before, after } });
      return { cooperative: saved, event };
    });
  }

  async changeCooperativeStatus(input: ChangeCooperativeStatusInput) {
    assertNotFuture(input.effectiveOn, "input.effectiveOn");
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockForChange(manager, Cooperative, input.id, "Cooperative");
      if (!canTransition(c.status, input.status)) throw new ConflictError(`A cooperative cannot go from ${c.status} to ${input.status}`);
      if (input.effectiveOn < c.statusSince) throw badInput("input.effectiveOn", `cannot be before the current status took effect (${c.statusSince})`);
      const previous = c.status;
      const previousSince = c.statusSince;
      c.status = input.status;
      c.statusSince = input.effectiveOn;
      const saved = await manager.getRepository(Cooperative).save(c);
      if (isTerminal(input.status)) {
        await manager.query(`UPDATE member SET left_on = $2 WHERE cooperative_id = $1 AND left_on IS NULL`, [c.id, input.effectiveOn]);
        await manager.query(`UPDATE union_membership SET left_on = $2 WHERE cooperative_id = $1 AND left_on IS NULL`, [c.id, input.effectiveOn]);
      }
      await recordAudit(manager, this.viewer, {
        operation: "changeCooperativeStatus",
        entityType: "Cooperative",
        entityId: c.id,
        before: { status: previous, statusSince: previousSince },
        after: { status: input.status, statusSince: input.effectiveOn, reason: input.reason ?? null, membershipsEnded: isTerminal(input.status) },
      });
      const event = await recordEvent(manager, this.viewer, {
        cooperativeId: c.id,
        kind: CooperativeEventKind.STATUS_CHANGED,
        effectiveOn: input.effectiveOn,
        statusAfter: input.status,
        details: { before: { status: previous }, after: { status: input.status }, reason: input.reason ?? null },
      });
      return { cooperative: saved, event };
    });
  }

  async recordClassification(input: RecordClassificationInput) {
    assertNotFuture(input.classifiedOn, "input.classifiedOn");
    if (input.classifiedOn < `${input.year + 1}-01-01`) throw badInput("input.classifiedOn", `a classification of ${input.year} is approved after the year ends`);
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockForChange(manager, Cooperative, input.cooperativeId, "Cooperative");
      if (!canBeClassifiedForYear(c.foundedOn, input.year)) throw badInput("input.year", "a cooperative operating under 12 months is not rated");
      const repository = manager.getRepository(Classification);
      if (await repository.existsBy({ cooperativeId: c.id, year: input.year })) throw new ConflictError(`Cooperative ${c.id} is already classified for ${input.year}`);
      const classification = await repository.save(
        repository.create({ cooperativeId: c.id, year: input.year, score: input.score, rating: ratingForScore(input.score), scheme: CURRENT_SCHEME, classifiedOn: input.classifiedOn }),
      );
      await recordAudit(manager, this.viewer, { operation: "recordClassification", entityType: "Classification", entityId: classification.id, after: classification });
      await recordEvent(manager, this.viewer, {
        cooperativeId: c.id,
        kind: CooperativeEventKind.CLASSIFIED,
        effectiveOn: input.classifiedOn,
        details: { year: input.year, score: input.score, rating: classification.rating },
      });
      return { classification, cooperative: c };
    });
  }

  async admitToAlliance(input: AdmitToAllianceInput) {
    assertNotFuture(input.joinedOn, "input.joinedOn");
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockForChange(manager, Cooperative, input.cooperativeId, "Cooperative");
      if (c.status !== LegalStatus.ACTIVE) throw new ConflictError(`Only an ACTIVE cooperative can join the Alliance; this one is ${c.status}`);
      if (c.allianceJoinedOn) throw new ConflictError(`Cooperative ${c.id} is already an Alliance member since ${c.allianceJoinedOn}`);
      if (input.joinedOn < c.foundedOn) throw badInput("input.joinedOn", "cannot be before the cooperative was founded");
      c.allianceJoinedOn = input.joinedOn;
      const saved = await manager.getRepository(Cooperative).save(c);
      await recordAudit(manager, this.viewer, { operation: "admitToAlliance", entityType: "Cooperative", entityId: c.id, before: { allianceJoinedOn: null }, after: { allianceJoinedOn: input.joinedOn } });
      const event = await recordEvent(manager, this.viewer, { cooperativeId: c.id, kind: CooperativeEventKind.JOINED_ALLIANCE, effectiveOn: input.joinedOn });
      return { cooperative: saved, event };
    });
  }
}
