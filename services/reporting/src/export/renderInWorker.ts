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
    const worker = new Worker(__filename, { workerData: job });
    worker.once("message", (bytes: Uint8Array) => resolve(Buffer.from(bytes)));
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`the export worker stopped with code ${code}`))));
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  render(workerData as RenderJob).then(
    (bytes) => port.postMessage(bytes),
    (error: unknown) => {
      throw error;
    },
  );
}
