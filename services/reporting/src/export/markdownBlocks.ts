import MarkdownIt from "markdown-it";

/** Raw HTML in a template or a narrative is shown as text, never passed through. */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<MarkdownIt["parse"]>[number];

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "list"; items: Run[][] }
  | { kind: "table"; header: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: "image"; source: string; alt: string };

/** The draft's Markdown as HTML (a fragment), the chart linked at `chartUrl`. */
export function markdownToHtml(text: string, chartSource: string, chartUrl: string): string {
  const tokens = markdown.parse(text, {});
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type === "image" && child.attrGet("src") === chartSource) child.attrSet("src", chartUrl);
    }
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}

function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  for (const child of inline?.children ?? []) {
    if (child.type === "strong_open") bold = true;
    else if (child.type === "strong_close") bold = false;
    else if (child.type === "em_open") italic = true;
    else if (child.type === "em_close") italic = false;
    else if (child.type === "text" || child.type === "code_inline") runs.push({ text: child.content, bold, italic });
    else if (child.type === "softbreak" || child.type === "hardbreak") runs.push({ text: " ", bold, italic });
  }
  return runs;
}

const plain = (inline: Token | undefined) => runsOf(inline).map((r) => r.text).join("");

/**
 * The draft's Markdown as the blocks the DOCX and PDF writers lay out: headings, paragraphs,
 * bullet lists, tables, and images (only the chart is drawn; no other picture is fetched).
 */
export function markdownToBlocks(text: string): Block[] {
  const tokens = markdown.parse(text, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "heading_open") {
      blocks.push({ kind: "heading", level: Number(token.tag.slice(1)), runs: runsOf(tokens[i + 1]) });
      i += 2;
    } else if (token.type === "paragraph_open" && !token.hidden) {
      const inline = tokens[i + 1];
      const image = inline.children?.length === 1 && inline.children[0].type === "image" ? inline.children[0] : undefined;
      if (image) blocks.push({ kind: "image", source: image.attrGet("src") ?? "", alt: image.content });
      else blocks.push({ kind: "paragraph", runs: runsOf(inline) });
      i += 2;
    } else if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      const items: Run[][] = [];
      let depth = 0;
      for (i = i + 1; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.type === "bullet_list_open" || t.type === "ordered_list_open") depth++;
        else if ((t.type === "bullet_list_close" || t.type === "ordered_list_close") && depth-- === 0) break;
        else if (t.type === "inline") items.push(runsOf(t));
      }
      blocks.push({ kind: "list", items });
    } else if (token.type === "table_open") {
      const header: string[] = [];
      const rows: string[][] = [];
      const numeric: boolean[] = [];
      let row: string[] | undefined;
      let inHead = false;
      for (i = i + 1; i < tokens.length && tokens[i].type !== "table_close"; i++) {
        const t = tokens[i];
        if (t.type === "thead_open") inHead = true;
        else if (t.type === "thead_close") inHead = false;
        else if (t.type === "tr_open") row = [];
        else if (t.type === "tr_close" && row) {
          if (inHead) header.push(...row);
          else rows.push(row);
        } else if (t.type === "th_open") numeric.push((t.attrGet("style") ?? "").includes("right"));
        else if (t.type === "inline" && row) row.push(plain(t));
      }
      blocks.push({ kind: "table", header, rows, numeric });
    }
  }
  return blocks;
}
