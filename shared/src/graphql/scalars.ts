import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from "graphql";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD between years 1900 and 2999. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw invalid(`Date must be a calendar date written YYYY-MM-DD between 1900 and 2999, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * A calendar date `YYYY-MM-DD` (legal dates, periods; Vietnam's calendar). Kept as a string
 * internally, so no time zone can shift it by a day.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date written YYYY-MM-DD (ngày), e.g. 2021-06-30. Periods include both ends.",
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw invalid("Date must be a string YYYY-MM-DD");
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw invalid(`DateTime must be ISO 8601 with an offset, got ${JSON.stringify(value)}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`DateTime ${value} is not a valid instant`);
  return date;
}

/** An instant, ISO 8601 with an offset (timestamps such as when a record was made). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An instant in ISO 8601 with an offset, e.g. 2021-06-30T08:00:00.000Z.",
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date");
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid("DateTime must be a string");
    return parseDateTime(ast.value);
  },
});

/** Largest amount the API accepts: 10^15 đồng, far above any real amount, within the safe range. */
export const MAX_MONEY = 1_000_000_000_000_000;

function parseMoney(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw invalid(`Money must be a whole number of đồng, got ${JSON.stringify(value)}`);
  }
  if (value < 0) throw invalid("Money cannot be negative");
  if (value > MAX_MONEY) throw invalid(`Money cannot exceed ${MAX_MONEY} đồng`);
  return value;
}

/** Whole Vietnamese đồng, a JSON number in the safe-integer range (beyond GraphQL Int). */
export const MoneyScalar = new GraphQLScalarType<number, number>({
  name: "Money",
  description: "An amount in whole Vietnamese đồng (VND), a non-negative JSON number up to 10^15 (beyond the 32-bit Int).",
  serialize: (value) => {
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isSafeInteger(number)) throw new GraphQLError("Money cannot represent a non-integer");
    return number;
  },
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw invalid("Money must be a whole number");
    return parseMoney(Number(ast.value));
  },
});
