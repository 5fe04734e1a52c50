import { Liquid } from "liquidjs";
import { BadUserInputError } from "@camau/shared";
import { describeChange, formatCount, formatMoney, formatNumber, formatPercent } from "../domain/vietnameseNumbers";

/** Characters that would turn a value from the records into Markdown structure (a table cell, a link, emphasis). */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;

const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : null);

/**
 * The engine of officers' templates. Liquid runs no code of the template's author: it only reads
 * the values it is given and applies filters. Files are out of reach (no include or render of a
 * file), only own properties of the values are readable, and parse, render time and memory are
 * bounded so a careless or hostile template cannot hold the service. Every value printed is
 * escaped for Markdown, so a name from the records cannot change the draft's structure; `raw`
 * prints the draft's own Markdown pieces (the chart, officers' narrative sections).
 */
export function createTemplateEngine(): Liquid {
  const engine = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    parseLimit: 200_000,
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
    outputEscape: (value: unknown) => String(value ?? "").replace(MARKDOWN_SPECIAL, (c) => `\\${c}`),
  });
  // Numbers as the province writes them (domain/vietnameseNumbers.ts).
  engine.registerFilter("number", (value: unknown) => {
    const n = asNumber(value);
    return n === null ? "—" : formatNumber(n);
  });
  engine.registerFilter("count2", (value: unknown) => {
    const n = asNumber(value);
    return n === null ? "—" : formatCount(n);
  });
  engine.registerFilter("money", (value: unknown) => {
    const n = asNumber(value);
    return n === null ? "—" : formatMoney(n);
  });
  engine.registerFilter("percent", (value: unknown) => {
    const n = asNumber(value);
    return n === null ? "—" : formatPercent(n);
  });
  engine.registerFilter("change", (value: unknown, other: unknown, unit: unknown, otherName: unknown) => {
    const n = asNumber(value);
    return n === null ? "" : describeChange(n, asNumber(other), String(unit ?? ""), String(otherName ?? ""));
  });
  return engine;
}

const engine = createTemplateEngine();

/** Renders a template body against a draft's values; a template that cannot render is bad input. */
export async function renderTemplate(body: string, values: Record<string, unknown>): Promise<string> {
  try {
    return await engine.parseAndRender(body, values);
  } catch (error) {
    throw new BadUserInputError(`The template cannot be rendered: ${(error as Error).message.split("\n")[0].slice(0, 500)}`, [
      { path: "body", message: (error as Error).message.split("\n")[0].slice(0, 500) },
    ]);
  }
}
