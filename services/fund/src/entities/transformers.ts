import { ValueTransformer } from "typeorm";

/** pg returns `numeric` as a string; interest rates are plain numbers with at most four decimals. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};
