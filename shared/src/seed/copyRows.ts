import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { QueryRunner } from "typeorm";

/** One column of a COPY: its name and how to read a row's value (null/undefined → NULL; arrays → text[] literals). */
export interface CopyColumn<R> {
  name: string;
  value: (row: R) => unknown;
}

/** Text-format escaping of one field (COPY … FROM STDIN, the default format). */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

/** A one-dimensional array literal: every element quoted (so no element needs a rule of its own), NULL for null. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
}

/** One value as a COPY text field. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyText(arrayLiteral(value));
  return copyText(String(value));
}

/** Roughly this many characters go to the server at a time. */
const BATCH_CHARS = 1 << 20;

/**
 * Loads rows with `COPY table (columns) FROM STDIN` on the query runner's own connection (inside its
 * transaction, if any), streamed in batches of about a megabyte: for bulk loads of millions of rows,
 * where multi-row INSERTs spend their time binding and parsing parameters.
 */
export async function copyRows<R>(q: QueryRunner, table: string, columns: ReadonlyArray<CopyColumn<R>>, rows: Iterable<R>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    for (const row of rows) {
      let line = "";
      for (let i = 0; i < columns.length; i++) line += (i ? "\t" : "") + copyField(columns[i].value(row));
      count++;
      yield `${line}\n`;
    }
  }
  await copyLines(q, table, columns.map((c) => c.name), lines());
  return count;
}

/** COPY of already formatted lines (each ending in a newline; see copyField), e.g. rows computed on the fly; returns the server's row count. */
export async function copyLines(q: QueryRunner, table: string, columnNames: readonly string[], lines: Iterable<string>): Promise<number> {
  const client = (await q.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columnNames.join(", ")}) FROM STDIN`));
  function* batches(): Generator<string> {
    let batch = "";
    for (const line of lines) {
      batch += line;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(batches(), { objectMode: false }), stream);
  if (!stream.writableFinished) await once(stream, "finish");
  return stream.rowCount;
}
