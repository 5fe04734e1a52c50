import { QueryRunner } from "typeorm";

/** One column of a bulk insert: its name, the array element type, and how to read a row's value. */
export interface BulkColumn<R> {
  name: string;
  /** PostgreSQL element type of the array parameter, e.g. `uuid`, `text`, `date`. */
  type: string;
  value: (row: R) => unknown;
  /** Expression over the unnested value, when the column needs a conversion. */
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
 * Inserts rows in chunks through `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)`:
 * one array parameter per column, so a chunk is not bound by PostgreSQL's 65,535-parameter limit
 * and the statement text is the same for every chunk. Used by every subgraph's demo-data loader.
 */
export async function bulkInsert<R>(
  q: QueryRunner,
  table: string,
  columns: ReadonlyArray<BulkColumn<R>>,
  rows: Iterable<R>,
  options: { chunkSize?: number; log?: (line: string) => void; label?: string } = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? 1000;
  const aliases = columns.map((_, i) => `c${i}`);
  const sql =
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(", ")}) ` +
    `SELECT ${columns.map((c, i) => (c.select ? c.select(`u.${aliases[i]}`) : `u.${aliases[i]}`)).join(", ")} ` +
    `FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")}) AS u(${aliases.join(", ")})`;
  let buffers: unknown[][] = columns.map(() => []);
  let pending = 0;
  let total = 0;
  let nextProgress = PROGRESS_EVERY;
  const flush = async () => {
    if (pending === 0) return;
    await q.query(sql, buffers);
    total += pending;
    buffers = columns.map(() => []);
    pending = 0;
    if (options.log && total >= nextProgress) {
      options.log(`${options.label ?? "seed"}: ${table}: ${total.toLocaleString("en-US")} rows`);
      nextProgress += PROGRESS_EVERY;
    }
  };
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) buffers[i].push(columns[i].value(row));
    if (++pending >= chunkSize) await flush();
  }
  await flush();
  return total;
}
