import { BadUserInputError, ConflictError, inTransaction, InvalidInput, NotFoundError, paginate, PageArgs, recordAudit, requireUuid, Role, toConnection, CacheHint } from "@camau/shared";
import { Arg, Args, Authorized, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import { OutreachContext } from "../context";
import { cleanText, todayInVietnam } from "../domain/classRules";
import { FIGURES } from "../domain/figures";
import { PublishedFigure } from "../entities/PublishedFigure";
import { CorrectPublishedFigureInput, PublishedFigureFilter, RecordPublishedFiguresInput, RemovePublishedFigureInput } from "../inputs/PublishedFigureInputs";
import { PublishedFigureConnection } from "./connections";
import { PublishedFigurePayload, RecordPublishedFiguresPayload, RemovePublishedFigurePayload } from "./payloads";

function refuse(problems: InvalidInput[]): void {
  if (problems.length) throw new BadUserInputError(`Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, problems);
}

@Resolver(() => PublishedFigure)
export class PublishedFigureResolver {
  @Directive(CacheHint.report)
  @Query(() => PublishedFigure, { nullable: true, description: "A published figure by id; null when there is none." })
  publishedFigure(@Arg("id", () => ID, { description: "Published figure id (UUID)." }) id: string, @Ctx() ctx: OutreachContext): Promise<PublishedFigure | null> {
    return ctx.dataSource.getRepository(PublishedFigure).findOneBy({ id: requireUuid(id, "id") });
  }

  @Directive(CacheHint.report)
  @Query(() => PublishedFigureConnection, { description: "Published figures as recorded, by period (latest first), then figure. Compare them with the derived ones through `collectiveEconomyReport(from, to) { publishedFigures }`." })
  async publishedFigures(
    @Arg("filter", () => PublishedFigureFilter, { nullable: true, description: "Conditions the figures must meet." }) filter: PublishedFigureFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OutreachContext,
  ) {
    const f = filter ?? {};
    const qb = ctx.dataSource.getRepository(PublishedFigure).createQueryBuilder("f");
    if (f.from) qb.andWhere("f.period_from >= :from", { from: f.from });
    if (f.to) qb.andWhere("f.period_to <= :to", { to: f.to });
    if (f.figures?.length) qb.andWhere("f.figure IN (:...figures)", { figures: f.figures });
    if (f.publisher) qb.andWhere("f.publisher = :publisher", { publisher: cleanText(f.publisher) });
    return toConnection(
      await paginate(
        qb,
        page,
        [
          { expression: "f.period_to", direction: "DESC", valueOf: (x) => x.to },
          { expression: "f.period_from", direction: "DESC", valueOf: (x) => x.from },
          { expression: "f.figure", direction: "ASC", valueOf: (x) => x.figure },
        ],
        "f.id",
      ),
    );
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => RecordPublishedFiguresPayload, {
    description: "Records figures as a report published them for a period (OFFICER, ADMIN). The same figure of the same report, publisher, period and province cannot be recorded twice (CONFLICT); correct it instead.",
  })
  recordPublishedFigures(@Arg("input", () => RecordPublishedFiguresInput, { description: "The report and its figures." }) input: RecordPublishedFiguresInput, @Ctx() ctx: OutreachContext): Promise<RecordPublishedFiguresPayload> {
    const problems: InvalidInput[] = [];
    if (input.to < input.from) problems.push({ path: "input.to", message: "cannot be before from" });
    if (input.publishedOn && input.publishedOn > todayInVietnam()) problems.push({ path: "input.publishedOn", message: "cannot be in the future" });
    const seen = new Set<string>();
    input.figures.forEach((f, i) => {
      const province = f.province ? cleanText(f.province) : null;
      if (province && !FIGURES[f.figure].provinceScoped) problems.push({ path: `input.figures.${i}.province`, message: `${f.figure} is not about one province` });
      const key = `${f.figure}|${province ?? ""}`;
      if (seen.has(key)) problems.push({ path: `input.figures.${i}.figure`, message: `${f.figure} is listed more than once` });
      seen.add(key);
    });
    refuse(problems);
    const reportTitle = cleanText(input.reportTitle);
    const publisher = cleanText(input.publisher);
    return inTransaction(ctx.dataSource, async (manager) => {
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
            recordedBy: ctx.viewer.subject,
          }),
        ),
      );
      for (const figure of saved) {
        await recordAudit(manager, ctx.viewer, { operation: "recordPublishedFigures", entityType: "PublishedFigure", entityId: figure.id, after: figure });
      }
      return { publishedFigures: saved };
    });
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => PublishedFigurePayload, { description: "Corrects the value or remark of a recorded published figure (OFFICER, ADMIN)." })
  correctPublishedFigure(@Arg("input", () => CorrectPublishedFigureInput, { description: "The correction." }) input: CorrectPublishedFigureInput, @Ctx() ctx: OutreachContext): Promise<PublishedFigurePayload> {
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(PublishedFigure);
      const f = await lockFigure(manager.getRepository(PublishedFigure), input.id, input.version);
      const changes: Partial<PublishedFigure> = {};
      if (input.value != null && input.value !== f.value) changes.value = input.value;
      if (input.note !== undefined && (input.note ?? null) !== f.note) changes.note = input.note ?? null;
      if (!Object.keys(changes).length) return { publishedFigure: f };
      await repository.update({ id: f.id }, changes);
      const publishedFigure = await repository.findOneByOrFail({ id: f.id });
      await recordAudit(manager, ctx.viewer, {
        operation: "correctPublishedFigure",
        entityType: "PublishedFigure",
        entityId: f.id,
        before: { ...Object.fromEntries(Object.keys(changes).map((k) => [k, f[k as keyof PublishedFigure]])), version: f.version },
        after: { ...changes, version: publishedFigure.version },
      });
      return { publishedFigure };
    });
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => RemovePublishedFigurePayload, { description: "Removes a published figure recorded by mistake (OFFICER, ADMIN)." })
  removePublishedFigure(@Arg("input", () => RemovePublishedFigureInput, { description: "Which record." }) input: RemovePublishedFigureInput, @Ctx() ctx: OutreachContext): Promise<RemovePublishedFigurePayload> {
    return inTransaction(ctx.dataSource, async (manager) => {
      const f = await lockFigure(manager.getRepository(PublishedFigure), input.id, input.version);
      await manager.getRepository(PublishedFigure).delete({ id: f.id });
      await recordAudit(manager, ctx.viewer, { operation: "removePublishedFigure", entityType: "PublishedFigure", entityId: f.id, before: f });
      return { id: f.id };
    });
  }
}

async function lockFigure(repository: import("typeorm").Repository<PublishedFigure>, id: string, version: number): Promise<PublishedFigure> {
  const f = await repository.findOne({ where: { id: id.toLowerCase() }, lock: { mode: "pessimistic_write" } });
  if (!f) throw new NotFoundError("Published figure", id);
  if (f.version !== version) throw new ConflictError(`Published figure ${f.id} was changed by someone else (version ${f.version}, you sent ${version})`);
  return f;
}
