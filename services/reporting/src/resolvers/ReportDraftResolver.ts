import { badInput, DateScalar, inTransaction, recordAudit, CacheHint } from "@camau/shared";
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver, Directive } from "type-graphql";
import { REPORT_EDITORS } from "../access";
import { ReportingContext } from "../context";
import { Period, periodName } from "../domain/periods";
import { Territory } from "../domain/territory";
import { buildDraft, chartUrl, Draft } from "../draft/buildDraft";
import { exportJob, ExportFormat } from "../draft/exportJobs";
import { NarrativeSection, ReportNarrative } from "../entities/ReportNarrative";
import { ReportTemplateVersion } from "../entities/ReportTemplateVersion";
import { MONEY_FIGURES, SCALAR_FIGURES } from "../figures/reportFigures";
import { createTemplateEngine } from "../template/engine";
import { ReportDraft, ReportExport } from "./objects";

const MAX_TEMPLATE_LENGTH = 100_000;
const MAX_NARRATIVE_LENGTH = 20_000;

function periodOf(from: string, to: string): Period {
  if (to < from) throw badInput("to", "cannot be before from");
  if (from < "2000-01-01") throw badInput("from", "cannot be before 2000-01-01");
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > 366 * 5) throw badInput("to", "a report covers at most five years");
  return { from, to };
}

function toObject(draft: Draft): ReportDraft {
  const f = draft.figures;
  return {
    from: draft.period.from,
    to: draft.period.to,
    territory: draft.territory,
    periodName: periodName(draft.period),
    templateVersion: draft.templateVersion,
    dataVersion: draft.dataVersion,
    markdown: draft.markdown,
    html: draft.html,
    chartUrl: chartUrl(draft.period, draft.territory),
    figures: SCALAR_FIGURES.map((key) => ({
      key,
      value: f.current[key],
      samePeriodLastYear: f.samePeriodLastYear.figures[key],
      previousPeriod: f.previousPeriod.figures[key],
      unit: MONEY_FIGURES.has(key) ? "đồng" : "count",
    })),
    byArea: f.byArea,
  };
}

const checkTemplate = createTemplateEngine();

@Resolver()
export class ReportDraftResolver {
  // Written from the figures as the caller may read them: the answer is the caller's.
  @Directive(CacheHint.restricted)
  @Query(() => ReportDraft, {
    description:
      "The written report of a period and territory (dự thảo báo cáo), in Vietnamese, from the graph's figures as the caller may read them (the public: public figures only; fund staff and officers: the fund's withheld cells too), with the latest template unless a version is given, and the officers' sections.",
  })
  async reportDraft(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("territory", () => Territory, { nullable: true, description: "The territory; by default the province of the period." }) territory: Territory | null,
    @Arg("templateVersion", () => Int, { nullable: true, description: "A saved template version; the latest by default." }) templateVersion: number | null,
    @Ctx() ctx: ReportingContext,
  ): Promise<ReportDraft> {
    const draft = await buildDraft(ctx.dataSource, { period: periodOf(from, to), territory: territory ?? undefined, templateVersion: templateVersion ?? undefined, authorization: ctx.authorization });
    return toObject(draft);
  }

  @Authorized(...REPORT_EDITORS)
  @Query(() => ReportDraft, { description: "A draft written with a template that is not saved (preview), for a period (OFFICER, ADMIN). Nothing is stored." })
  async reportTemplatePreview(
    @Arg("body", { description: "The template to try: Markdown with Liquid placeholders." }) body: string,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("territory", () => Territory, { nullable: true, description: "The territory; by default the province of the period." }) territory: Territory | null,
    @Ctx() ctx: ReportingContext,
  ): Promise<ReportDraft> {
    if (body.length > MAX_TEMPLATE_LENGTH) throw badInput("body", `is longer than ${MAX_TEMPLATE_LENGTH} characters`);
    return toObject(await buildDraft(ctx.dataSource, { period: periodOf(from, to), territory: territory ?? undefined, templateBody: body, authorization: ctx.authorization }));
  }

  @Directive(CacheHint.restricted)
  @Query(() => ReportExport, {
    description:
      "The draft as a file (DOCX, PDF, Markdown or the chart): the first request starts the export, later ones answer its progress and, once DONE, the file. Files are kept per period, territory, template version, officers' sections and figures. Browsers download through the gateway's `/reports/draft.docx?from=…&to=…` (and .pdf, .md, `/reports/chart.png`).",
  })
  reportExport(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("territory", () => Territory, { nullable: true, description: "The territory; by default the province of the period." }) territory: Territory | null,
    @Arg("format", () => ExportFormat, { description: "The kind of file." }) format: ExportFormat,
    @Ctx() ctx: ReportingContext,
  ): ReportExport {
    const job = exportJob(ctx.dataSource, ctx.viewer, ctx.authorization, periodOf(from, to), territory ?? undefined, format);
    const file = job.status === "DONE" ? job.file : undefined;
    return {
      status: job.status,
      progress: job.progress,
      step: job.step,
      fileName: file?.fileName ?? null,
      mediaType: file?.mediaType ?? null,
      byteLength: file?.content.length ?? null,
      contentBase64: file?.content.toString("base64") ?? null,
      templateVersion: file?.templateVersion ?? null,
      dataVersion: file?.dataVersion ?? null,
      error: job.status === "FAILED" ? (job.error ?? "the export failed") : null,
    };
  }

  @Authorized(...REPORT_EDITORS)
  @Query(() => [ReportTemplateVersion], { description: "Saved versions of the report template, latest first (OFFICER, ADMIN)." })
  reportTemplateVersions(@Arg("first", () => Int, { defaultValue: 20, description: "How many (at most 100)." }) first: number, @Ctx() ctx: ReportingContext): Promise<ReportTemplateVersion[]> {
    return ctx.dataSource.getRepository(ReportTemplateVersion).find({ order: { version: "DESC" }, take: Math.min(Math.max(first, 1), 100) });
  }

  @Authorized(...REPORT_EDITORS)
  @Query(() => [ReportNarrative], { description: "The officers' sections of a period and territory (OFFICER, ADMIN)." })
  reportNarratives(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("territory", () => Territory, { description: "The territory of the report." }) territory: Territory,
    @Ctx() ctx: ReportingContext,
  ): Promise<ReportNarrative[]> {
    return ctx.dataSource.getRepository(ReportNarrative).find({ where: { from, to, territory }, order: { section: "ASC" } });
  }

  @Authorized(...REPORT_EDITORS)
  @Mutation(() => ReportTemplateVersion, { description: "Saves a new version of the report template (OFFICER, ADMIN); drafts use it from then on. Earlier versions stay. The template must parse; try it first with reportTemplatePreview." })
  async saveReportTemplate(
    @Arg("body", { description: "Markdown with Liquid placeholders and filters." }) body: string,
    @Arg("note", () => String, { nullable: true, description: "What changed." }) note: string | null,
    @Ctx() ctx: ReportingContext,
  ): Promise<ReportTemplateVersion> {
    if (!body.trim()) throw badInput("body", "is empty");
    if (body.length > MAX_TEMPLATE_LENGTH) throw badInput("body", `is longer than ${MAX_TEMPLATE_LENGTH} characters`);
    if (note && note.length > 500) throw badInput("note", "is longer than 500 characters");
    try {
      checkTemplate.parse(body);
    } catch (error) {
      throw badInput("body", `does not parse: ${(error as Error).message.split("\n")[0].slice(0, 300)}`);
    }
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(ReportTemplateVersion);
      const saved = await repository.save(repository.create({ body, note: note?.trim() || null, createdBy: ctx.viewer.subject }));
      await recordAudit(manager, ctx.viewer, { operation: "saveReportTemplate", entityType: "ReportTemplateVersion", entityId: String(saved.version), after: { version: saved.version, note: saved.note, bodyLength: body.length } });
      return saved;
    });
  }

  @Authorized(...REPORT_EDITORS)
  @Mutation(() => ReportNarrative, { description: "Writes an officers' section of the report of a period and territory (OFFICER, ADMIN), replacing its text; an empty text clears it." })
  async saveReportNarrative(
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
    @Arg("territory", () => Territory, { description: "The territory of the report." }) territory: Territory,
    @Arg("section", () => NarrativeSection, { description: "Which section." }) section: NarrativeSection,
    @Arg("body", { description: "The text (Markdown)." }) body: string,
    @Ctx() ctx: ReportingContext,
  ): Promise<ReportNarrative> {
    periodOf(from, to);
    if (body.length > MAX_NARRATIVE_LENGTH) throw badInput("body", `is longer than ${MAX_NARRATIVE_LENGTH} characters`);
    return inTransaction(ctx.dataSource, async (manager) => {
      const repository = manager.getRepository(ReportNarrative);
      const before = await repository.findOne({ where: { from, to, territory, section }, lock: { mode: "pessimistic_write" } });
      const saved = await repository.save(before ? Object.assign(repository.create(before), { body, updatedBy: ctx.viewer.subject }) : repository.create({ from, to, territory, section, body, updatedBy: ctx.viewer.subject }));
      await recordAudit(manager, ctx.viewer, {
        operation: "saveReportNarrative",
        entityType: "ReportNarrative",
        entityId: saved.id,
        before: before ? { body: before.body } : null,
        after: { from, to, territory, section, body },
      });
      return saved;
    });
  }
}
