import { ValueTransformer } from "typeorm";

/**
 * pg returns `bigint` columns as strings; money and counts are numbers in the API. Values
 * outside the safe-integer range are refused instead of silently losing precision.
 */
export const bigintTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new Error(`bigint ${value} is outside the safe-integer range`);
    return number;
  },
};
