import { ConflictError, inTransaction, InvalidInput, isFuture, lockVersionForChange, MutationService, pastOrToday, recordAudit, requireCooperatives, throwIfInvalid } from "@camau/shared";
import { EntityManager } from "typeorm";
import { OutreachContext } from "../context";
import { cleanText, dateProblems, refusal } from "../domain/classRules";
import { TrainingClassStatus } from "../domain/enums";
import { resolvePlace } from "../domain/places";
import { TrainingClass } from "../entities/TrainingClass";
import { TrainingClassAttendance } from "../entities/TrainingClassAttendance";
import { CancelTrainingClassInput, CreateTrainingClassInput, RecordAttendanceInput, UpdateTrainingClassInput } from "../inputs/TrainingClassInputs";

/** Applies changes (the version column goes up by one) and reads the class back. */
async function change(manager: EntityManager, id: string, changes: Partial<TrainingClass>): Promise<TrainingClass> {
  const repository = manager.getRepository(TrainingClass);
  await repository.update({ id }, changes);
  return repository.findOneByOrFail({ id });
}

/**
 * Training classes from scheduling to attendance or cancellation.
 * Each change runs in one transaction that locks what it changes, checks the version the caller
 * read and the rules, and records the audit entry; resolvers translate GraphQL arguments into one
 * call of it.
 */
export class TrainingClassService extends MutationService<Pick<OutreachContext, "viewer" | "dataSource" | "directory">> {
  async createTrainingClass(input: CreateTrainingClassInput) {
    const place = resolvePlace(input.startDate, input.districtCode, input.communeCode);
    throwIfInvalid([...dateProblems(input.startDate, input.endDate), ...place.problems], "input");
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(TrainingClass);
      const trainingClass = await repository.save(
        repository.create({
          kind: input.kind,
          title: cleanText(input.title),
          organiser: cleanText(input.organiser),
          coOrganisers: input.coOrganisers.map(cleanText),
          districtCode: place.districtCode,
          communeCode: place.communeCode,
          startDate: input.startDate,
          endDate: input.endDate,
          audience: input.audience,
          participantCount: null,
          status: TrainingClassStatus.SCHEDULED,
          cancelledOn: null,
          cancellationReason: null,
          createdBy: this.viewer.subject,
        }),
      );
      await recordAudit(manager, this.viewer, { operation: "createTrainingClass", entityType: "TrainingClass", entityId: trainingClass.id, after: trainingClass });
      return { trainingClass };
    });
  }

  async updateTrainingClass(input: UpdateTrainingClassInput) {
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockVersionForChange(manager, TrainingClass, input.id, input.version, "Training class");
      const why = refusal("update", c.status);
      if (why) throw new ConflictError(`Training class ${c.id}: ${why}`);
      const startDate = input.startDate ?? c.startDate;
      const endDate = input.endDate ?? c.endDate;
      const placeGiven = input.districtCode !== undefined || input.communeCode !== undefined;
      // A new place replaces the old one as a whole; a new first day re-checks the old place.
      const place = placeGiven
        ? resolvePlace(startDate, input.districtCode, input.communeCode)
        : resolvePlace(startDate, c.districtCode, c.communeCode);
      const problems = [...dateProblems(startDate, endDate), ...place.problems];
      if (c.status === TrainingClassStatus.HELD && isFuture(startDate)) problems.push({ path: "startDate", message: "a held class cannot start in the future" });
      throwIfInvalid(problems, "input");
      const next: Partial<TrainingClass> = {
        kind: input.kind ?? c.kind,
        title: input.title != null ? cleanText(input.title) : c.title,
        organiser: input.organiser != null ? cleanText(input.organiser) : c.organiser,
        coOrganisers: input.coOrganisers != null ? input.coOrganisers.map(cleanText) : c.coOrganisers,
        districtCode: place.districtCode,
        communeCode: place.communeCode,
        startDate,
        endDate,
        audience: input.audience ?? c.audience,
      };
      const changed = (Object.keys(next) as (keyof TrainingClass)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(c[k]));
      if (!changed.length) return { trainingClass: c };
      const trainingClass = await change(manager, c.id, Object.fromEntries(changed.map((k) => [k, next[k]])));
      await recordAudit(manager, this.viewer, {
        operation: "updateTrainingClass",
        entityType: "TrainingClass",
        entityId: c.id,
        before: { ...Object.fromEntries(changed.map((k) => [k, c[k]])), version: c.version },
        after: { ...Object.fromEntries(changed.map((k) => [k, trainingClass[k]])), version: trainingClass.version },
      });
      return { trainingClass };
    });
  }

  async cancelTrainingClass(input: CancelTrainingClassInput) {
    const cancelledOn = pastOrToday(input.cancelledOn, "input.cancelledOn");
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockVersionForChange(manager, TrainingClass, input.id, input.version, "Training class");
      const why = refusal("cancel", c.status);
      if (why) throw new ConflictError(`Training class ${c.id}: ${why}`);
      const trainingClass = await change(manager, c.id, { status: TrainingClassStatus.CANCELLED, cancelledOn, cancellationReason: cleanText(input.reason) });
      await recordAudit(manager, this.viewer, {
        operation: "cancelTrainingClass",
        entityType: "TrainingClass",
        entityId: c.id,
        before: { status: c.status, version: c.version },
        after: { status: trainingClass.status, cancelledOn, cancellationReason: trainingClass.cancellationReason, version: trainingClass.version },
      });
      return { trainingClass };
    });
  }

  async recordTrainingClassAttendance(input: RecordAttendanceInput) {
    const cooperativeIds = input.cooperativeIds.map((id) => id.toLowerCase());
    const problems: InvalidInput[] = [];
    if (new Set(cooperativeIds).size !== cooperativeIds.length) problems.push({ path: "cooperativeIds", message: "lists a cooperative more than once" });
    if (input.participantCount < cooperativeIds.length) problems.push({ path: "participantCount", message: "is smaller than the number of cooperatives that sent participants" });
    throwIfInvalid(problems, "input");
    await requireCooperatives(this.request.directory, cooperativeIds);
    return inTransaction(this.dataSource, async (manager) => {
      const c = await lockVersionForChange(manager, TrainingClass, input.id, input.version, "Training class");
      const why = refusal("recordAttendance", c.status);
      if (why) throw new ConflictError(`Training class ${c.id}: ${why}`);
      if (isFuture(c.startDate)) throw new ConflictError(`Training class ${c.id} starts on ${c.startDate}; attendance is recorded once it has started`);
      const attendance = manager.getRepository(TrainingClassAttendance);
      const previous = await attendance.findBy({ classId: c.id });
      await attendance.delete({ classId: c.id });
      if (cooperativeIds.length) await attendance.insert(cooperativeIds.map((cooperativeId) => ({ classId: c.id, cooperativeId })));
      const trainingClass = await change(manager, c.id, { status: TrainingClassStatus.HELD, participantCount: input.participantCount });
      await recordAudit(manager, this.viewer, {
        operation: "recordTrainingClassAttendance",
        entityType: "TrainingClass",
        entityId: c.id,
        before: { status: c.status, participantCount: c.participantCount, cooperativeIds: previous.map((a) => a.cooperativeId), version: c.version },
        after: { status: trainingClass.status, participantCount: trainingClass.participantCount, cooperativeIds, version: trainingClass.version },
      });
      return { trainingClass };
    });
  }
}
