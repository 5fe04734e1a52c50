import { ConflictError, inTransaction, InvalidInput, isFuture, lockVersionForChange, MutationService, recordAudit, throwIfInvalid } from "@camau/shared";
import { cleanText } from "../domain/classRules";
import { FIGURES } from "../domain/figures";
import { PublishedFigure } from "../entities/PublishedFigure";
import { CorrectPublishedFigureInput, RecordPublishedFiguresInput, RemovePublishedFigureInput } from "../inputs/PublishedFigureInputs";

/**
 * Figures as published reports stated them, recorded to be compared with the derived ones.
 * Each change runs in one transaction that locks what it changes, checks the version the caller
 * read and the rules, and records the audit entry; resolvers translate GraphQL arguments into one
 * call of it.
 */
export class PublishedFigureService extends MutationService {
  async recordPublishedFigures(input: RecordPublishedFiguresInput) {
    const problems: InvalidInput[] = [];
    if (input.to < input.from) problems.push({ path: "input.to", message: "cannot be before from" });
    if (isFuture(input.publishedOn)) problems.push({ path: "input.publishedOn", message: "cannot be in the future" });
    const seen = new Set<string>();
    input.figures.forEach((f, i) => {
      const province = f.province ? cleanText(f.province) : null;
      if (province && !FIGURES[f.figure].provinceScoped) problems.push({ path: `input.figures.${i}.province`, message: `${f.figure} is not about one province` });
      const key = `${f.figure}|${province ?? ""}`;
      if (seen.has(key)) problems.push({ path: `input.figures.${i}.figure`, message: `${f.figure} is listed more than once` });
      seen.add(key);
    });
    throwIfInvalid(problems);
    const reportTitle = cleanText(input.reportTitle);
    const publisher = cleanText(input.publisher);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(PublishedFigure);
      const existing = await repository.findBy({ from: input.from, to: input.to, publisher, reportTitle });
      for (const f of input.figures) {
        const province = f.province ? cleanText(f.province) : null;
        if (existing.some((e) => e.figure === f.figure && e.province === province)) {
          throw new ConflictError(`${f.figure}${province ? ` (${province})` : ""} of "${reportTitle}" by ${publisher} for ${input.from}..${input.to} is already recorded`);
        }
      }
      const saved = await repository.save(
        input.figures.map((f) =>
          repository.create({
            reportTitle,
            reportReference: input.reportReference ? cleanText(input.reportReference) : null,
            publisher,
            publishedOn: input.publishedOn ?? null,
            from: input.from,
            to: input.to,
            figure: f.figure,
            province: f.province ? cleanText(f.province) : null,
            value: f.value,
            note: f.note ?? null,
            recordedBy: this.viewer.subject,
          }),
        ),
      );
      for (const figure of saved) {
        await recordAudit(manager, this.viewer, { operation: "recordPublishedFigures", entityType: "PublishedFigure", entityId: figure.id, after: figure });
      }
      return { publishedFigures: saved };
    });
  }

  async correctPublishedFigure(input: CorrectPublishedFigureInput) {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(PublishedFigure);
      const f = await lockVersionForChange(manager, PublishedFigure, input.id, input.version, "Published figure");
      const changes: Partial<PublishedFigure> = {};
      if (input.value != null && input.value !== f.value) changes.value = input.value;
      if (input.note !== undefined && (input.note ?? null) !== f.note) changes.note = input.note ?? null;
      if (!Object.keys(changes).length) return { publishedFigure: f };
      await repository.update({ id: f.id }, changes);
      const publishedFigure = await repository.findOneByOrFail({ id: f.id });
      await recordAudit(manager, this.viewer, {
        operation: "correctPublishedFigure",
        entityType: "PublishedFigure",
        entityId: f.id,
        before: { ...Object.fromEntries(Object.keys(changes).map((k) => [k, f[k as keyof PublishedFigure]])), version: f.version },
        after: { ...changes, version: publishedFigure.version },
      });
      return { publishedFigure };
    });
  }

  async removePublishedFigure(input: RemovePublishedFigureInput) {
    return inTransaction(this.dataSource, async (manager) => {
      const f = await lockVersionForChange(manager, PublishedFigure, input.id, input.version, "Published figure");
      await manager.getRepository(PublishedFigure).delete({ id: f.id });
      await recordAudit(manager, this.viewer, { operation: "removePublishedFigure", entityType: "PublishedFigure", entityId: f.id, before: f });
      return { id: f.id };
    });
  }
}
