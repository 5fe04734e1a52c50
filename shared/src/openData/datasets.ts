import table from "./datasets.json";

/**
 * The one list of the open-data datasets: what the gateway's catalogue describes and serves, and
 * what each subgraph must stream from its own database. A column names the public GraphQL field it
 * carries (a path from the dataset's type, e.g. `address.communeCode`), so a dataset holds nothing
 * an anonymous caller of the API could not read; the end-to-end tests ask the API for those very
 * fields anonymously and compare. Columns are never personal data: no member, no person's name
 * (the legal representative is left out although the API shows it), no fund record of one borrower,
 * no free-text note that may name people.
 */
export type OpenDataFormat = "csv" | "jsonl";

export const OPEN_DATA_FORMATS: Readonly<Record<OpenDataFormat, { mediaType: string; label: string }>> = {
  csv: { mediaType: "text/csv", label: "CSV" },
  jsonl: { mediaType: "application/jsonl", label: "JSON Lines" },
};

export interface OpenDataColumn {
  /** Column header in CSV, key in JSON Lines. */
  readonly name: string;
  /** The public GraphQL field it holds, as a path from the dataset's type. */
  readonly field: string;
}

export interface OpenDataset {
  /** File name without extension: /open-data/<name>.csv */
  readonly name: string;
  /** The subgraph that streams it from its own database; `gateway`: made by the gateway from the API. */
  readonly source: "registry" | "trade" | "outreach" | "gateway";
  /** The GraphQL type one row describes. */
  readonly type: string;
  readonly title: { vi: string; en: string };
  readonly description: { vi: string; en: string };
  readonly keywords: readonly string[];
  readonly columns: readonly OpenDataColumn[];
  /** Holds figures in force on the day of the download (OCOP stars): the file changes at midnight too. */
  readonly changesDaily?: boolean;
}

/** A column of the table: its name when it carries the field of that name, else both. */
type ColumnRow = string | OpenDataColumn;

const SOURCES: readonly OpenDataset["source"][] = ["registry", "trade", "outreach", "gateway"];

/** A row of datasets.json as a dataset; a row naming no known source is refused when the module loads. */
function datasetOf(row: (typeof table)[number]): OpenDataset {
  const source = SOURCES.find((s) => s === row.source);
  if (!source) throw new Error(`open data: dataset ${row.name} has an unknown source ${row.source}`);
  return { ...row, source, columns: row.columns.map((column: ColumnRow) => (typeof column === "string" ? { name: column, field: column } : column)) };
}

/** The datasets, one row each in datasets.json (a table, edited as one). */
export const OPEN_DATASETS: readonly OpenDataset[] = table.map(datasetOf);

export function openDataset(name: string): OpenDataset | undefined {
  return OPEN_DATASETS.find((d) => d.name === name);
}
