import * as pg from "pg";
import { QueryRunner } from "typeorm";
import { CopyBinary } from "./copyBinary";

/** Writes one non-null value of a column in COPY's binary format. */
export type BinaryField = (out: CopyBinary, value: unknown) => void;

/** pg's own conversion of a JavaScript value to the text of a query parameter. */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils.prepareValue;

/**
 * How a value goes into a column of each type in the binary format, by the type's name in the
 * catalog (`regtype`). Each gives the column the value COPY's text format gives it (`copyField`,
 * pg's conversion of a query parameter) for the values the loaders hold: any value for a text
 * column, a whole number for a number column, `YYYY-MM-DD` or a Date for a date, a Date or an
 * instant with its offset for a timestamptz, JSON for a jsonb, a canonical uuid; anything else
 * stops the load with an error rather than being written differently.
 */
const FIELDS: Readonly<Record<string, BinaryField>> = {
  text: textField,
  "character varying": textField,
  uuid: (out, value) => {
    if (typeof value !== "string") throw new Error(`COPY binary: ${String(value)} is not a uuid`);
    out.uuid(value);
  },
  date: (out, value) => out.date(dayOf(value)),
  bigint: (out, value) => out.int64(wholeNumber(value)),
  integer: (out, value) => out.int32(wholeNumber(value)),
  smallint: (out, value) => out.int16(wholeNumber(value)),
  "timestamp with time zone": (out, value) => out.timestamptz(instantOf(value)),
  jsonb: (out, value) => {
    const json = typeof value === "string" ? value : prepareValue(value);
    if (typeof json !== "string") throw new Error("COPY binary: bytes for a jsonb column");
    out.jsonb(json);
  },
  boolean: (out, value) => {
    if (typeof value !== "boolean") throw new Error(`COPY binary: ${String(value)} is not a boolean`);
    out.boolean(value);
  },
};

function textField(out: CopyBinary, value: unknown): void {
  const text = typeof value === "string" ? value : prepareValue(value);
  if (typeof text !== "string") throw new Error("COPY binary: bytes for a text column");
  out.text(text);
}

function dayOf(value: unknown): number {
  if (typeof value === "string") {
    const day = dayOfIso(value);
    if (Number.isNaN(day)) throw new Error(`COPY binary: ${value} is not a YYYY-MM-DD date`);
    return day;
  }
  // pg sends a Date as its local date and time, of which a date column keeps the date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return Math.round(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) / 86_400_000);
  throw new Error(`COPY binary: ${String(value)} is not a date`);
}

/** An instant with its offset, as the loaders write them (`2021-06-30T10:00:00+07:00`, `…Z`). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since 1970-01-01T00:00:00Z of a Date, or of the text of an instant with its offset
 * (ECMAScript's date-time format, which Date.parse reads exactly); any other text stops the load,
 * as the server would read it in the session's time zone.
 */
function instantOf(value: unknown): number {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value === "string") {
    const parts = INSTANT.exec(value);
    if (parts && !Number.isNaN(dayOfIso(parts[1]))) return Date.parse(value);
  }
  throw new Error(`COPY binary: ${String(value)} is not an instant with its offset`);
}

const ZERO = "0".charCodeAt(0);

/**
 * The day number of `YYYY-MM-DD`, NaN for any other text or a day the month lacks (which
 * PostgreSQL refuses): read digit by digit, as dayNumber's parse and cache cost as much as the
 * rest of a member's row.
 */
function dayOfIso(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  const digit = (i: number) => {
    const d = iso.charCodeAt(i) - ZERO;
    return d >= 0 && d <= 9 ? d : NaN;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  // Date.UTC reads years 0–99 as 1900–1999.
  return (year >= 100 ? Date.UTC(year, month - 1, day) : new Date(0).setUTCFullYear(year, month - 1, day)) / 86_400_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function wholeNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d{1,15}$/.test(value)) return Number(value);
  throw new Error(`COPY binary: ${String(value)} is not a whole number`);
}

/**
 * The binary writers of a table's columns, in the given order, when every column's type has one;
 * undefined otherwise (the load goes in the text format). The types are the catalog's, not the
 * loaders' declarations: binary input takes no conversion, an `integer` sent to a `smallint`
 * column is an error.
 */
export async function binaryFieldsOf(q: QueryRunner, table: string, columnNames: readonly string[]): Promise<BinaryField[] | undefined> {
  const types: { name: string; type: string }[] = await q.query(
    `SELECT attname AS name, atttypid::regtype::text AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [table],
  );
  const typeOf = new Map(types.map((t) => [t.name, t.type]));
  const fields = columnNames.map((name) => FIELDS[typeOf.get(name) ?? ""]);
  return fields.every((f) => f !== undefined) ? fields : undefined;
}
