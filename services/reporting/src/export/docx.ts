import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { CHART_IMAGE_SOURCE } from "../template/draftValues";
import { CHART_SIZE } from "./chart";
import { Block, Run } from "./markdownBlocks";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

const textRuns = (runs: Run[]) => runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));

function table(block: Extract<Block, { kind: "table" }>): Table {
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ alignment: block.numeric[column] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((text, i) => cell(text, i, true)) }),
      ...block.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

/** The draft as a Word document (docx package): headings, paragraphs, lists, tables and the chart. */
export async function draftToDocx(blocks: Block[], chartPng: Buffer, title: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        children.push(new Paragraph({ heading: HEADINGS[Math.min(block.level, 4) - 1], children: textRuns(block.runs) }));
        break;
      case "paragraph":
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: textRuns(block.runs) }));
        break;
      case "list":
        for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: textRuns(item) }));
        break;
      case "table":
        children.push(table(block), new Paragraph({ children: [] }));
        break;
      case "image":
        if (block.source !== CHART_IMAGE_SOURCE) break;
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: "png", data: chartPng, transformation: { width: CHART_SIZE.width * 0.75, height: CHART_SIZE.height * 0.75 }, altText: { name: "chart", title: block.alt, description: block.alt } })],
          }),
        );
        break;
    }
  }
  const document = new Document({
    title,
    creator: "Cà Mau collective economy platform",
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
