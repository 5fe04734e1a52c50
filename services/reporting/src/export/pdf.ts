import PDFDocument from "pdfkit";
import { CHART_IMAGE_SOURCE } from "../template/draftValues";
import { CHART_SIZE } from "./chart";
import { FONT_BOLD, FONT_REGULAR } from "./fonts";
import { Block, Run } from "./markdownBlocks";

const HEADING_SIZES = [16, 14, 12.5, 12];

function writeRuns(doc: PDFKit.PDFDocument, runs: Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  if (!runs.length) return;
  runs.forEach((run, i) => {
    doc.font(run.bold ? "bold" : "regular");
    doc.text(run.text, { ...options, continued: i < runs.length - 1 });
  });
}

/** The draft as a PDF (pdfkit) with DejaVu Sans embedded, so every Vietnamese letter shows. */
export function draftToPdf(blocks: Block[], chartPng: Buffer, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Creator: "Cà Mau collective economy platform" } });
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("regular").fontSize(11);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        doc.moveDown(0.6).fontSize(HEADING_SIZES[Math.min(block.level, 4) - 1]);
        writeRuns(doc, block.runs.map((r) => ({ ...r, bold: true })));
        doc.fontSize(11).moveDown(0.3);
        break;
      case "paragraph":
        writeRuns(doc, block.runs, { align: "justify" });
        doc.moveDown(0.5);
        break;
      case "list":
        for (const item of block.items) {
          writeRuns(doc, [{ text: "•  " }, ...item], { indent: 10 });
          doc.moveDown(0.2);
        }
        doc.moveDown(0.3);
        break;
      case "table":
        doc.font("regular").fontSize(10);
        doc.table({
          columnStyles: block.header.map((_, i) => (i === 0 ? "*" : { width: 95, align: { x: block.numeric[i] ? "right" : "left", y: "center" } })),
          data: [block.header.map((text) => ({ text, font: { src: FONT_BOLD } })), ...block.rows],
        });
        doc.fontSize(11).moveDown(0.5);
        break;
      case "image": {
        if (block.source !== CHART_IMAGE_SOURCE) break;
        const height = (width * CHART_SIZE.height) / CHART_SIZE.width;
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        doc.image(chartPng, doc.page.margins.left, doc.y, { width });
        doc.y += height + 10;
        break;
      }
    }
  }
  doc.end();
  return done;
}
