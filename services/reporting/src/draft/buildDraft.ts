import { NotFoundError } from "@camau/shared";
import { createHash } from "node:crypto";
import { DataSource } from "typeorm";
import { Period } from "../domain/periods";
import { defaultTerritory, Territory } from "../domain/territory";
import { NarrativeSection, ReportNarrative } from "../entities/ReportNarrative";
import { ReportTemplateVersion } from "../entities/ReportTemplateVersion";
import { markdownToHtml } from "../export/markdownBlocks";
import { dataVersionOf, DraftFigures, fetchDraftFigures } from "../figures/reportFigures";
import { renderTemplate } from "../template/engine";
import { CHART_IMAGE_SOURCE, draftValues, Narrative } from "../template/draftValues";

export interface Draft {
  period: Period;
  territory: Territory;
  templateVersion: number | null;
  markdown: string;
  html: string;
  figures: DraftFigures;
  /** A hash of the figures the draft was written from. */
  dataVersion: string;
  /** A hash of the officers' sections it holds. */
  narrativeVersion: string;
}

export interface DraftRequest {
  period: Period;
  territory?: Territory;
  authorization: string | undefined;
  /** A saved version; the latest when omitted. */
  templateVersion?: number;
  /** An unsaved template body (preview); wins over templateVersion. */
  templateBody?: string;
}

export async function latestTemplate(dataSource: DataSource): Promise<ReportTemplateVersion> {
  const [latest] = await dataSource.getRepository(ReportTemplateVersion).find({ order: { version: "DESC" }, take: 1 });
  if (!latest) throw new Error("the reporting database holds no template: its migrations have not run");
  return latest;
}

export async function narrativeOf(dataSource: DataSource, period: Period, territory: Territory): Promise<Narrative> {
  const rows = await dataSource.getRepository(ReportNarrative).findBy({ from: period.from, to: period.to, territory });
  const text = (section: NarrativeSection) => rows.find((r) => r.section === section)?.body ?? "";
  return { difficulties: text(NarrativeSection.DIFFICULTIES), nextTasks: text(NarrativeSection.NEXT_TASKS) };
}

/** Where a client fetches the chart of a draft (the gateway's report downloads). */
export function chartUrl(period: Period, territory: Territory): string {
  return `/reports/chart.png?${new URLSearchParams({ from: period.from, to: period.to, territory }).toString()}`;
}

/**
 * Writes a draft: the figures from the graph as the caller sees them, the officers' sections of
 * the period, a template version (or an unsaved body for a preview), Markdown then HTML.
 */
export async function buildDraft(dataSource: DataSource, request: DraftRequest, figures?: DraftFigures): Promise<Draft> {
  const { period } = request;
  const territory = request.territory ?? defaultTerritory(period);
  let templateVersion: number | null = null;
  let body = request.templateBody;
  if (body === undefined) {
    const template = request.templateVersion
      ? await dataSource.getRepository(ReportTemplateVersion).findOneBy({ version: request.templateVersion })
      : await latestTemplate(dataSource);
    if (!template) throw new NotFoundError("Report template version", String(request.templateVersion));
    templateVersion = template.version;
    body = template.body;
  }
  const read = figures ?? (await fetchDraftFigures(period, territory, request.authorization));
  const narrative = await narrativeOf(dataSource, period, territory);
  const markdown = (await renderTemplate(body, draftValues(read, narrative))).replace(/\n{3,}/g, "\n\n").trim() + "\n";
  return {
    period,
    territory: read.territory,
    templateVersion,
    markdown,
    html: markdownToHtml(markdown, CHART_IMAGE_SOURCE, chartUrl(period, read.territory)),
    figures: read,
    dataVersion: dataVersionOf(read),
    narrativeVersion: createHash("sha256").update(JSON.stringify(narrative)).digest("hex").slice(0, 16),
  };
}
