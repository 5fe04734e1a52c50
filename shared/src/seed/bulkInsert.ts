import * as pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { QueryRunner } from "typeorm";
import { BinaryField, binaryFieldsOf } from "./binaryColumns";
import { CopyBinary } from "./copyBinary";
import { inChunks } from "./copyBuffer";
import { copiesFrozen } from "./indexesAfterLoad";

/** One column of a bulk insert: its name, the array element type, and how to read a row's value. */
export interface BulkColumn<R> {
  name: string;
  /** PostgreSQL element type of the array parameter, e.g. `uuid`, `text`, `date` (used with `select`). */
  type: string;
  value: (row: R) => unknown;
  /**
   * Expression over the unnested value, when the column needs a conversion. A load with such a
   * column goes through the slower `INSERT ... SELECT FROM unnest(...)` instead of COPY.
   */
  select?: (v: string) => string;
}

/**
 * Columns named after a row's fields (`statusSince` → `status_since`), for rows shaped like their
 * table: one entry per field with its PostgreSQL element type, the value read as it is.
 */
export function columnsOfFields<R>(types: { readonly [F in keyof R & string]?: string }): BulkColumn<R>[] {
  return Object.entries(types as Record<string, string>).map(([field, type]) => ({
    name: field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
    type,
    value: (row: R) => row[field as keyof R],
  }));
}

const PROGRESS_EVERY = 100_000;
/**
 * Rows per COPY statement: statement-level triggers (the rollups', the search documents') see a
 * statement's rows at once, and row-level foreign-key checks queue in memory until the statement
 * ends, so a national table goes in several statements rather than one.
 */
const COPY_ROWS = 100_000;

export interface BulkInsertOptions {
  /** Rows per INSERT statement, for loads through `select` columns (COPY sends COPY_ROWS a statement). */
  chunkSize?: number;
  log?: (line: string) => void;
  label?: string;
}

/**
 * Loads rows into a table, used by every subgraph's demo-data loader: through `COPY ... FROM
 * STDIN` (several times faster than INSERT: no statement to parse and plan per chunk, no
 * parameter arrays to unnest), in the binary format when every column's type has a writer
 * (binaryColumns.ts), else in the text format, values converted exactly as pg converts query
 * parameters, so a column gets the same value as an INSERT would give it. Columns with a
 * `select` conversion go through `INSERT ... SELECT FROM unnest($1::uuid[], ...)` instead.
 * Runs in the query runner's connection (and transaction).
 */
export async function bulkInsert<R>(q: QueryRunner, table: string, columns: ReadonlyArray<BulkColumn<R>>, rows: Iterable<R>, options: BulkInsertOptions = {}): Promise<number> {
  let total = 0;
  let nextProgress = PROGRESS_EVERY;
  const progress = (count: number) => {
    total += count;
    if (options.log && total >= nextProgress) {
      options.log(`${options.label ?? "seed"}: ${table}: ${total.toLocaleString("en-US")} rows`);
      nextProgress = (Math.floor(total / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    }
  };
  if (columns.some((c) => c.select)) await insertThroughUnnest(q, table, columns, rows, options.chunkSize ?? 1000, progress);
  else await copyRows(q, table, columns, rows, progress);
  return total;
}

async function copyRows<R>(q: QueryRunner, table: string, columns: ReadonlyArray<BulkColumn<R>>, rows: Iterable<R>, progress: (count: number) => void): Promise<void> {
  const names = columns.map((c) => c.name);
  // In the binary format when every column's type has a writer: the server then only checks each
  // value instead of parsing its text (docs/performance.md, round six: the registry's members).
  const fields = await binaryFieldsOf(q, table, names);
  const iterator = rows[Symbol.iterator]();
  let next = iterator.next();
  while (!next.done) {
    let inStatement = 0;
    if (fields) {
      const write = function* (out: CopyBinary): Generator<void> {
        for (; !next.done && inStatement < COPY_ROWS; inStatement++, next = iterator.next()) {
          binaryRow(out, columns, fields, next.value);
          yield;
        }
      };
      await copyFromStdin(q, table, names, inChunks(new CopyBinary(), write), "binary");
    } else {
      const lines = function* (): Generator<string> {
        for (; !next.done && inStatement < COPY_ROWS; inStatement++, next = iterator.next()) yield copyLine(columns, next.value);
      };
      await copyLines(q, table, names, lines());
    }
    progress(inStatement);
  }
}

/** One row in COPY's binary format: each column's value by its type's writer (binaryFieldsOf), null or undefined as NULL. */
export function binaryRow<R>(out: CopyBinary, columns: ReadonlyArray<BulkColumn<R>>, fields: readonly BinaryField[], row: R): void {
  out.row(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const value = columns[i].value(row);
    if (value === null || value === undefined) out.null();
    else fields[i](out, value);
  }
}

/** Roughly this many characters go to the server at a time. */
const BATCH_CHARS = 1 << 20;

/**
 * One `COPY table (columns) FROM STDIN` of lines already in COPY's text format (each ending in a
 * newline; see copyField), streamed in batches of about a megabyte on the query runner's own
 * connection (inside its transaction, if any): for loaders that compute their rows' text on the
 * fly, such as the fund's rollups. Returns the server's row count.
 */
export function copyLines(q: QueryRunner, table: string, columnNames: readonly string[], lines: Iterable<string>): Promise<number> {
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
  return copyFromStdin(q, table, columnNames, batches());
}

/**
 * The COPY itself: chunks of COPY data (text as strings or bytes; the binary format as a
 * CopyBinary writes it) streamed on the query runner's own connection; the server's row count.
 * Rows are written frozen into a table withIndexesAfterLoad truncated for the load (copiesFrozen).
 */
export async function copyFromStdin(q: QueryRunner, table: string, columnNames: readonly string[], chunks: Iterable<string | Uint8Array>, format: "text" | "binary" = "text"): Promise<number> {
  const client = (await q.connect()) as pg.PoolClient;
  const options = [...(format === "binary" ? ["FORMAT binary"] : []), ...(copiesFrozen(q, table) ? ["FREEZE"] : [])];
  const stream = client.query(copyFrom(`COPY ${table} (${columnNames.join(", ")}) FROM STDIN${options.length ? ` (${options.join(", ")})` : ""}`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/** pg's own conversion of a JavaScript value to the text of a query parameter (dates, arrays, JSON...). */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils.prepareValue;

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** One value as a field of COPY's text format, converted as pg converts a query parameter: `\N` for null, backslash escapes. */
export function copyField(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return "\\N";
  if (Buffer.isBuffer(text)) return `\\\\x${text.toString("hex")}`;
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : text;
}

/** One row in COPY's text format (tab-separated fields, a newline), as bulkInsert sends it: for loaders that pass lines to copyLines. */
export function copyLine<R>(columns: ReadonlyArray<BulkColumn<R>>, row: R): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) line += (i > 0 ? "\t" : "") + copyField(columns[i].value(row));
  return `${line}\n`;
}

/**
 * `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)` in chunks: one array parameter per
 * column, so a chunk is not bound by PostgreSQL's 65,535-parameter limit and the statement text
 * is the same for every chunk.
 */
async function insertThroughUnnest<R>(
  q: QueryRunner,
  table: string,
  columns: ReadonlyArray<BulkColumn<R>>,
  rows: Iterable<R>,
  chunkSize: number,
  progress: (count: number) => void,
): Promise<void> {
  const aliases = columns.map((_, i) => `c${i}`);
  const sql =
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(", ")}) ` +
    `SELECT ${columns.map((c, i) => (c.select ? c.select(`u.${aliases[i]}`) : `u.${aliases[i]}`)).join(", ")} ` +
    `FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")}) AS u(${aliases.join(", ")})`;
  let buffers: unknown[][] = columns.map(() => []);
  let pending = 0;
  const flush = async () => {
    if (pending === 0) return;
    await q.query(sql, buffers);
    progress(pending);
    buffers = columns.map(() => []);
    pending = 0;
  };
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) buffers[i].push(columns[i].value(row));
    if (++pending >= chunkSize) await flush();
  }
  await flush();
}
