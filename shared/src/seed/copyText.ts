/**
 * COPY text written straight into buffers, for loaders of millions of rows (the fund's national
 * seed). Built as strings and handed to `copyLines`, those rows were turned into bytes by
 * flattening megabyte-long concatenations: about a tenth of the fund's seeding worker's CPU, and
 * ten times the cost of writing the same bytes here (docs/performance.md, round five). A field's
 * text is still `copyField`'s; a text repeated on many rows (a rollup cell) can be encoded once.
 * `copyFromStdin` sends the buffers.
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
