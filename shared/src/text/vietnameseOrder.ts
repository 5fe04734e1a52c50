/**
 * The collation names are sorted with: ICU's Vietnamese alphabet (A Ă Â B C D Đ E Ê … Ư V X Y,
 * accents compared after letters), case-insensitive (strength level 2). Deterministic, so names that
 * differ only by case still compare unequal and the keyset (name, id) stays a total order.
 * Created in every database by the VietnameseText migration.
 */
export const VIETNAMESE_COLLATION = "vietnamese_ci";

/** A text column's SQL expression in Vietnamese order, e.g. for a sort key; indexes must use the same expression. */
export function inVietnameseOrder(expression: string): string {
  return `${expression} COLLATE ${VIETNAMESE_COLLATION}`;
}
