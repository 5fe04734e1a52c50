import { CopyBuffer } from "./copyBuffer";

/**
 * COPY text written straight into buffers, for loaders of millions of rows (the fund's national
 * seed). Built as strings and handed to `copyLines`, those rows were turned into bytes by
 * flattening megabyte-long concatenations: about a tenth of the fund's seeding worker's CPU, and
 * ten times the cost of writing the same bytes here (docs/performance.md, round five). A field's
 * text is still `copyField`'s; a text repeated on many rows can be encoded once (`bytes`).
 */
export class CopyText extends CopyBuffer {
  readonly format = "text";

  /** Text known to be ASCII (ids, numbers, dates, the seed's own names): one byte a character. */
  ascii(text: string): void {
    this.room(text.length);
    const n = this.buffer.write(text, this.at, "latin1");
    this.advance(n);
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    const n = this.buffer.write(text, this.at, "utf8");
    this.advance(n);
  }
}
