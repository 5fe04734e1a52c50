import { GraphQLError } from "graphql";
import { DataSource } from "typeorm";
import { registerLabelledEnum, Viewer } from "@camau/shared";
import { Period, periodName } from "../domain/periods";
import { defaultTerritory, Territory } from "../domain/territory";
import { renderInWorker } from "../export/renderInWorker";
import { fetchDraftFigures } from "../figures/reportFigures";
import { buildDraft } from "./buildDraft";

export enum ExportFormat {
  DOCX = "DOCX",
  PDF = "PDF",
  MARKDOWN = "MARKDOWN",
  CHART_PNG = "CHART_PNG",
}

registerLabelledEnum(ExportFormat, {
  name: "ReportExportFormat",
  description: "A file the report draft can be downloaded as.",
  labels: {
    DOCX: { en: "Word document", vi: "Tệp Word (.docx)", detail: "with the tables and the chart" },
    PDF: { en: "PDF", vi: "Tệp PDF", detail: "with an embedded font, the tables and the chart" },
    MARKDOWN: { en: "Markdown text", vi: "Văn bản Markdown (.md)" },
    CHART_PNG: { en: "Chart picture", vi: "Biểu đồ (.png)", detail: "the chart of the main series alone" },
  },
});

const MEDIA_TYPES: Record<ExportFormat, string> = {
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  PDF: "application/pdf",
  MARKDOWN: "text/markdown; charset=utf-8",
  CHART_PNG: "image/png",
};

const EXTENSIONS: Record<ExportFormat, string> = { DOCX: "docx", PDF: "pdf", MARKDOWN: "md", CHART_PNG: "png" };

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
  templateVersion: number | null;
  dataVersion: string;
}

export type ExportStatus = "RUNNING" | "DONE" | "FAILED";

export interface ExportJob {
  status: ExportStatus;
  /** 0 to 1. */
  progress: number;
  /** What the job is doing, for a progress display. */
  step: string;
  file?: ExportedFile;
  error?: string;
  startedAt: number;
  finishedAt?: number;
}

/** A finished job is answered as is this long; a request after it starts a new one (new figures?). */
const FINISHED_JOB_REUSE_MS = 60_000;
/** Files kept per (format, period, territory, template version, sections, data version). */
const CACHE_ENTRIES = 64;

/** Export jobs kept at once (running or finished within the reuse time); beyond it new ones are refused. */
const MAX_JOBS = 200;

const jobs = new Map<string, ExportJob>();
const files = new Map<string, ExportedFile>();

function remember(key: string, file: ExportedFile): void {
  files.delete(key);
  files.set(key, file);
  while (files.size > CACHE_ENTRIES) files.delete(files.keys().next().value!);
}

function forget(): void {
  const now = Date.now();
  for (const [key, job] of jobs) if (job.finishedAt !== undefined && now - job.finishedAt > FINISHED_JOB_REUSE_MS) jobs.delete(key);
}

export function fileNameOf(period: Period, territory: Territory, format: ExportFormat): string {
  return `bao-cao-ktt-${territory.toLowerCase().replace(/_/g, "-")}-${period.from}-${period.to}.${EXTENSIONS[format]}`;
}

async function run(job: ExportJob, dataSource: DataSource, authorization: string | undefined, period: Period, territory: Territory, format: ExportFormat): Promise<void> {
  job.step = "Đọc số liệu";
  const figures = await fetchDraftFigures(period, territory, authorization);
  job.progress = 0.5;
  job.step = "Soạn văn bản";
  const draft = await buildDraft(dataSource, { period, territory, authorization }, figures);
  // The same file for the same period, territory, template version, officers' sections and figures.
  const key = [format, period.from, period.to, draft.territory, draft.templateVersion, draft.narrativeVersion, draft.dataVersion].join("|");
  const cached = files.get(key);
  if (cached) {
    job.file = cached;
    return;
  }
  job.progress = 0.6;
  job.step = "Vẽ biểu đồ, xuất tệp";
  const title = `Báo cáo tình hình kinh tế tập thể ${periodName(period)}`;
  const content =
    format === ExportFormat.MARKDOWN ? Buffer.from(draft.markdown, "utf8") : await renderInWorker({ format, markdown: draft.markdown, title, series: figures.series });
  const file: ExportedFile = { fileName: fileNameOf(period, draft.territory, format), mediaType: MEDIA_TYPES[format], content, templateVersion: draft.templateVersion, dataVersion: draft.dataVersion };
  remember(key, file);
  job.file = file;
}

/**
 * The export of a draft for this caller: started on the first request, answered with its
 * progress while it runs, with the file once done. Jobs are per caller (their figures are the
 * caller's); files are shared by every caller whose figures hash the same.
 */
export function exportJob(dataSource: DataSource, viewer: Viewer, authorization: string | undefined, period: Period, requested: Territory | undefined, format: ExportFormat): ExportJob {
  forget();
  const territory = requested ?? defaultTerritory(period);
  const key = [viewer.role, viewer.subject, format, period.from, period.to, territory].join("|");
  const existing = jobs.get(key);
  if (existing) return existing;
  if (jobs.size >= MAX_JOBS) throw new GraphQLError("Too many report exports at once: try again in a minute", { extensions: { code: "RATE_LIMITED" } });
  const job: ExportJob = { status: "RUNNING", progress: 0.05, step: "Bắt đầu", startedAt: Date.now() };
  jobs.set(key, job);
  run(job, dataSource, authorization, period, territory, format).then(
    () => Object.assign(job, { status: "DONE", progress: 1, step: "Xong", finishedAt: Date.now() }),
    (error: unknown) => Object.assign(job, { status: "FAILED", step: "Lỗi", error: (error as Error).message, finishedAt: Date.now() }),
  );
  return job;
}
