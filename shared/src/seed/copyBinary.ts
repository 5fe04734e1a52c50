import { CopyBuffer } from "./copyBuffer";

/**
 * COPY's binary format written straight into buffers, for the largest loads (the fund's rollup
 * rows, millions of `text[]` cells at national scale). In the text format one backend parses
 * every field back: each cell's array literal element by element, every date and number; given
 * the values as PostgreSQL stores them it only checks them, and a COPY of rollup rows costs the
 * server about half the CPU (docs/performance.md, round six). A row is `row(fields)` and then each
 * field in the table's column order; a field repeated on many rows (a cell, a figure's name) can be
 * encoded once with `binaryText` / `binaryTextArray` and written with `bytes`.
 */
export class CopyBinary extends CopyBuffer {
  readonly format = "binary";

  constructor() {
    super();
    this.bytes(HEADER);
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.room(2);
    this.buffer.writeInt16BE(fields, this.at);
    this.advance(2);
  }

  null(): void {
    this.room(4);
    this.buffer.writeInt32BE(-1, this.at);
    this.advance(4);
  }

  /** A `bigint` column's value: a whole number JavaScript holds exactly. */
  int64(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`COPY binary: ${value} is not a whole number a bigint holds exactly here`);
    this.room(12);
    const high = Math.floor(value / 2 ** 32);
    this.buffer.writeInt32BE(8, this.at);
    this.buffer.writeInt32BE(high, this.at + 4);
    this.buffer.writeUInt32BE(value - high * 2 ** 32, this.at + 8);
    this.advance(12);
  }

  /** A `date` column's value, as a day number (days since 1970-01-01, as `dayNumber` gives it). */
  date(day: number): void {
    if (!Number.isInteger(day)) throw new Error(`COPY binary: ${day} is not a day number`);
    this.room(8);
    this.buffer.writeInt32BE(4, this.at);
    this.buffer.writeInt32BE(day - POSTGRES_EPOCH_DAY, this.at + 4);
    this.advance(8);
  }

  /** A `timestamptz` column's value: an instant, as milliseconds since 1970-01-01T00:00:00Z. */
  timestamptz(ms: number): void {
    if (!Number.isSafeInteger(ms)) throw new Error(`COPY binary: ${ms} is not an instant in milliseconds`);
    this.int64((ms - POSTGRES_EPOCH_MS) * 1000);
  }

  /** A `jsonb` column's value: JSON text, which the server parses as it parses the text format's. */
  jsonb(json: string): void {
    this.room(5 + json.length * 3);
    const n = this.buffer.write(json, this.at + 5, "utf8");
    this.buffer.writeInt32BE(n + 1, this.at);
    this.buffer[this.at + 4] = JSONB_VERSION;
    this.advance(5 + n);
  }

  /** A text column's value (`text`, `varchar`), as UTF-8. */
  text(text: string): void {
    this.room(4 + text.length * 3);
    const n = this.buffer.write(text, this.at + 4, "utf8");
    this.buffer.writeInt32BE(n, this.at);
    this.advance(4 + n);
  }

  override end(): void {
    this.room(2);
    this.buffer.writeInt16BE(-1, this.at);
    this.advance(2);
  }

  /** A `boolean` column's value. */
  boolean(value: boolean): void {
    this.room(5);
    this.buffer.writeInt32BE(1, this.at);
    this.buffer[this.at + 4] = value ? 1 : 0;
    this.advance(5);
  }

  /** An `integer` column's value. */
  int32(value: number): void {
    if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) throw new Error(`COPY binary: ${value} is not an integer`);
    this.room(8);
    this.buffer.writeInt32BE(4, this.at);
    this.buffer.writeInt32BE(value, this.at + 4);
    this.advance(8);
  }

  /** A `smallint` column's value. */
  int16(value: number): void {
    if (!Number.isInteger(value) || value < -(2 ** 15) || value >= 2 ** 15) throw new Error(`COPY binary: ${value} is not a smallint`);
    this.room(6);
    this.buffer.writeInt32BE(2, this.at);
    this.buffer.writeInt16BE(value, this.at + 4);
    this.advance(6);
  }

  /**
   * A `uuid` column's value in its canonical text form, decoded in place (`binaryUuid` encodes one
   * written on many rows once, to write with `bytes`).
   */
  uuid(id: string): void {
    if (id.length !== 36) throw new Error(`COPY binary: ${id} is not a uuid`);
    this.room(20);
    this.buffer.writeInt32BE(16, this.at);
    let to = this.at + 4;
    let checked = 0;
    for (let i = 0; i < 36; i += 2) {
      if (i === 8 || i === 13 || i === 18 || i === 23) checked |= id.charCodeAt(i++) ^ DASH;
      const high = HEX_DIGIT[id.charCodeAt(i) & 0x7f] | (id.charCodeAt(i) & ~0x7f);
      const low = HEX_DIGIT[id.charCodeAt(i + 1) & 0x7f] | (id.charCodeAt(i + 1) & ~0x7f);
      checked |= (high | low) & ~0xf;
      this.buffer[to++] = (high << 4) | low;
    }
    // Checked as it is decoded (a pattern test cost as much as the decoding): nothing is advanced past a bad id.
    if (checked !== 0) throw new Error(`COPY binary: ${id} is not a uuid`);
    this.advance(20);
  }
}

const DASH = "-".charCodeAt(0);
/** The value of a hexadecimal digit by its character code (both cases); 0x10 for any other character. */
const HEX_DIGIT = (() => {
  const digits = new Uint8Array(128).fill(0x10);
  for (let d = 0; d < 16; d++) {
    digits["0123456789abcdef".charCodeAt(d)] = d;
    digits["0123456789ABCDEF".charCodeAt(d)] = d;
  }
  return digits;
})();

/** The signature, no flags, no header extension. */
const HEADER = Buffer.from([...Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), 0, 0, 0, 0, 0, 0, 0, 0]);
/** PostgreSQL counts dates from 2000-01-01, day 10,957 after 1970-01-01, and instants in microseconds from its midnight UTC. */
const POSTGRES_EPOCH_DAY = 10_957;
const POSTGRES_EPOCH_MS = POSTGRES_EPOCH_DAY * 86_400_000;
/** The only version of jsonb's binary form: its JSON text follows. */
const JSONB_VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** pg_type's oid of `text`: an array's elements name their type. */
const TEXT_OID = 25;

/** A text field with its length, to write on many rows with `bytes`. */
export function binaryText(text: string): Buffer {
  const out = Buffer.alloc(4 + Buffer.byteLength(text, "utf8"));
  out.writeInt32BE(out.length - 4, 0);
  out.write(text, 4, "utf8");
  return out;
}

/** A uuid field (canonical text form) with its length, to write on many rows with `bytes`. */
export function binaryUuid(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`COPY binary: ${id} is not a uuid`);
  const out = Buffer.alloc(20);
  out.writeInt32BE(16, 0);
  out.write(id.replace(/-/g, ""), 4, "hex");
  return out;
}

/** A one-dimensional `text[]` field (elements may be null) with its length, to write on many rows with `bytes`. */
export function binaryTextArray(values: readonly (string | null)[]): Buffer {
  const elements = values.map((v) => (v === null ? null : Buffer.from(v, "utf8")));
  const header = values.length === 0 ? 12 : 20;
  const length = header + elements.reduce((sum, e) => sum + 4 + (e?.length ?? 0), 0);
  const out = Buffer.alloc(4 + length);
  let at = out.writeInt32BE(length, 0);
  at = out.writeInt32BE(values.length === 0 ? 0 : 1, at);
  at = out.writeInt32BE(elements.includes(null) ? 1 : 0, at);
  at = out.writeInt32BE(TEXT_OID, at);
  if (values.length > 0) {
    at = out.writeInt32BE(values.length, at);
    at = out.writeInt32BE(1, at);
  }
  for (const e of elements) {
    at = out.writeInt32BE(e === null ? -1 : e.length, at);
    if (e) at += e.copy(out, at);
  }
  return out;
}
