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

/**
 * Lays out a file in a worker thread: drawing the chart and writing a PDF or DOCX takes seconds of
 * CPU, which on the service's own thread would stall every other request it serves meanwhile.
 */
export function renderInWorker(job: RenderJob): Promise<Buffer> {
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
