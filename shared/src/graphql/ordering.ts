import { registerLabelledEnum } from "./enumLabels";
import { BadUserInputError } from "./errors";
import type { SortKey } from "./pagination";

/** Sort direction of every `orderBy` in the API. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerLabelledEnum(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  labels: {
    ASC: { en: "Ascending", vi: "Tăng dần", detail: "A→Z, oldest first, smallest first" },
    DESC: { en: "Descending", vi: "Giảm dần" },
  },
});

/** One key of an `orderBy` argument: a field of the list's order enum and its direction. */
export interface OrderKey<F extends string> {
  field: F;
  direction: OrderDirection | "ASC" | "DESC";
}

/**
 * The sort keys of a list's `orderBy` argument: each field's column (its SQL expression and how to
 * read its cursor value) in the direction asked, or `fallback` when none is asked. More than
 * `maxKeys` keys is BAD_USER_INPUT: every key is another column in the keyset comparison.
 */
export function sortKeysOf<T, F extends string>(
  orderBy: readonly OrderKey<F>[] | null | undefined,
  columns: Record<F, Omit<SortKey<T>, "direction">>,
  fallback: readonly OrderKey<F>[],
  maxKeys: number,
): SortKey<T>[] {
  const orders = orderBy?.length ? orderBy : fallback;
  if (orders.length > maxKeys) throw new BadUserInputError(`orderBy takes at most ${maxKeys} keys`, [{ path: "orderBy", message: `at most ${maxKeys} keys` }]);
  return orders.map((o) => ({ ...columns[o.field], direction: o.direction as "ASC" | "DESC" }));
}
