import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { QueryRunner } from "typeorm";

/**
 * COPY text of the fund's seed written straight into buffers, for the millions of rows of a
 * national seed. Built as strings and handed to the shared `copyLines`, these rows were turned
 * into bytes by flattening megabyte-long concatenations: about a tenth of the seeding worker's
 * CPU, and ten times the cost of writing the same bytes here (docs/performance.md, round five).
 * A field's text is still the shared `copyField`'s; the rollup cells, repeated on every
 * contribution, are encoded once.
 */

/** Bytes per buffer: the unit sent to the server. */
const CHUNK_BYTES = 1 << 20;

export class CopyText {
  private readonly full: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  /** Bytes written so far. */
  size = 0;

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.full.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }

  /** Text known to be ASCII (ids, numbers, dates, the seed's own names): one byte a character. */
  ascii(text: string): void {
    this.room(text.length);
    const n = this.buffer.write(text, this.at, "latin1");
    this.at += n;
    this.size += n;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    const n = this.buffer.write(text, this.at, "utf8");
    this.at += n;
    this.size += n;
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
    this.size += bytes.length;
  }

  /** The buffers written, in order (the writer is empty afterwards). */
  take(): Buffer[] {
    const chunks = this.full.splice(0);
    if (this.at > 0) chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    this.size = 0;
    return chunks;
  }
}

/**
 * The buffers of COPY text that `write` produces, each handed on once full while `write` goes on
 * (it yields after each row), so that a long COPY streams instead of being held whole.
 */
export function* inChunks(write: (out: CopyText) => Iterable<void>): Generator<Buffer> {
  const out = new CopyText();
  for (const _ of write(out)) if (out.size >= CHUNK_BYTES) yield* out.take();
  yield* out.take();
}

/** One `COPY table (columns) FROM STDIN` of COPY text already in buffers, on the query runner's connection (and transaction); the server's row count. */
export async function copyBytes(q: QueryRunner, table: string, columnNames: readonly string[], chunks: Iterable<Uint8Array>): Promise<number> {
  const client = (await q.connect()) as { query<T>(submittable: T): T };
  const stream = client.query(copyFrom(`COPY ${table} (${columnNames.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}
