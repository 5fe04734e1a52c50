import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { seriesChartPng } from "./chart";
import { draftToDocx } from "./docx";
import { markdownToBlocks } from "./markdownBlocks";
import { draftToPdf } from "./pdf";
import type { DraftFigures } from "../figures/reportFigures";

export interface RenderJob {
  format: "DOCX" | "PDF" | "CHART_PNG";
  markdown: string;
  title: string;
  series: DraftFigures["series"];
}

/** The key of a render worker's job in its workerData. */
const RENDER_JOB = "camauReportRenderJob";

async function render(job: RenderJob): Promise<Buffer> {
  const chart = seriesChartPng(job.series);
  if (job.format === "CHART_PNG") return chart;
  const blocks = markdownToBlocks(job.markdown);
  return job.format === "DOCX" ? draftToDocx(blocks, chart, job.title) : draftToPdf(blocks, chart, job.title);
}

/** Files laid out at once; the others wait their turn (each is seconds of one core). */
const CONCURRENCY = Math.max(1, Number(process.env.REPORT_EXPORT_CONCURRENCY ?? 2) || 2);
let running = 0;
const waiting: (() => void)[] = [];

async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Lays out a file in a worker thread: drawing the chart and writing a PDF or DOCX takes seconds of
 * CPU, which on the service's own thread would stall every other request it serves meanwhile.
 * At most REPORT_EXPORT_CONCURRENCY at once, so a burst of exports cannot take every core.
 */
export function renderInWorker(job: RenderJob): Promise<Buffer> {
  return turn(() => renderNow(job));
}

function renderNow(job: RenderJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { [RENDER_JOB]: job } });
    worker.once("message", (bytes: Uint8Array) => resolve(Buffer.from(bytes)));
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`the export worker stopped with code ${code}`))));
  });
}

// Only in the thread renderNow started: this module is also loaded in other worker threads (the
// seed's, which load every subgraph's module), where there is no job to render.
const job = isMainThread ? undefined : (workerData as { [RENDER_JOB]?: RenderJob } | null)?.[RENDER_JOB];
if (job && parentPort) {
  const port = parentPort;
  render(job).then(
    (bytes) => port.postMessage(bytes),
    (error: unknown) => {
      throw error;
    },
  );
}
