import { Transform } from "node:stream";
import { OpenDataColumn, OpenDataFormat } from "./datasets";

/** Byte-order mark that makes Excel read a CSV file as UTF-8 (Vietnamese intact). */
export const UTF8_BOM = "\uFEFF";

/** A value of a row as the database driver or the API gives it. */
export type CellValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * A cell starting with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet
 * programs: a text value is prefixed with an apostrophe so it stays text, as open-data portals
 * recommend. Numbers are written as they are (a negative amount stays a number).
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Lists are joined with ";". */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = neutralised(typeof value === "string" ? value : value.join(";"));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 writes it. */
export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The header line of a dataset's CSV file, after the BOM. */
export function csvHeader(columns: readonly OpenDataColumn[]): string {
  return UTF8_BOM + csvRecord(columns.map((c) => c.name));
}

function valuesOf(row: Record<string, CellValue>, columns: readonly OpenDataColumn[]): CellValue[] {
  return columns.map((c) => {
    // A dataset whose query lacks a column is a bug: fail the download rather than write blanks.
    if (!(c.name in row)) throw new Error(`open data row has no column ${c.name}`);
    return row[c.name];
  });
}

/** One row as a line of the format (CSV record or JSON Lines object, keys in the columns' order). */
export function formatRow(row: Record<string, CellValue>, columns: readonly OpenDataColumn[], format: OpenDataFormat): string {
  const values = valuesOf(row, columns);
  if (format === "csv") return csvRecord(values);
  return `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.name, values[i] ?? null])))}\n`;
}

/**
 * Object rows in, text out: the header first (CSV), then one line per row. Backpressure flows
 * through, so memory stays at a batch of rows whatever the size of the dataset.
 */
export function rowFormatter(columns: readonly OpenDataColumn[], format: OpenDataFormat): Transform {
  let started = false;
  const start = (stream: Transform) => {
    if (started) return;
    started = true;
    if (format === "csv") stream.push(csvHeader(columns));
  };
  return new Transform({
    writableObjectMode: true,
    transform(row: Record<string, CellValue>, _encoding, done) {
      start(this);
      try {
        done(null, formatRow(row, columns, format));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      start(this);
      done();
    },
  });
}
