/** Bytes per buffer: the unit sent to the server. */
export const CHUNK_BYTES = 1 << 20;

/** No buffer yet: a writer takes its first when it first writes, none after its last `take`. */
const NO_CHUNK = Buffer.alloc(0);

/**
 * One COPY statement's data written straight into buffers of about a megabyte, for loaders of
 * millions of rows (the fund's national seed): the part CopyText (PostgreSQL's text format) and
 * CopyBinary (its binary format) share. `copyFromStdin` sends the buffers, in the writer's format.
 */
export abstract class CopyBuffer {
  /** The statement's format, as `COPY ... FROM STDIN (FORMAT ...)` names it. */
  abstract readonly format: "text" | "binary";
  private readonly full: Buffer[] = [];
  /** The buffer being written (none until the first write after a `take`). */
  protected buffer: Buffer = NO_CHUNK;
  protected at = 0;
  /** Bytes written so far (since the last `take`). */
  size = 0;

  /** Makes `bytes` contiguous bytes available at `this.at`. */
  protected room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.full.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }

  /** Counts `bytes` just written at `this.at`. */
  protected advance(bytes: number): void {
    this.at += bytes;
    this.size += bytes;
  }

  /** Bytes already in the format (a field encoded once and written on many rows). */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.advance(bytes.length);
  }

  /** Closes the statement's data (the binary format's trailer); nothing is written after it. A writer holds one statement. */
  end(): void {}

  /** The buffers written, in order (the writer is empty afterwards). */
  take(): Buffer[] {
    const chunks = this.full.splice(0);
    if (this.at > 0) chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = NO_CHUNK;
    this.at = 0;
    this.size = 0;
    return chunks;
  }
}

/**
 * The buffers of one statement's data that `write` produces into `out`, each handed on once full
 * while `write` goes on (it yields after each row), so that a long COPY streams instead of being
 * held whole.
 */
export function* inChunks<W extends CopyBuffer>(out: W, write: (out: W) => Iterable<void>): Generator<Buffer> {
  for (const _ of write(out)) if (out.size >= CHUNK_BYTES) yield* out.take();
  out.end();
  yield* out.take();
}
