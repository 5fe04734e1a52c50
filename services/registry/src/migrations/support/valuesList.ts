/** `($1, $2, ...), ($n, ...)` for a multi-row INSERT of `rows` rows of `width` parameters each. */
export function valuesList(rows: number, width: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const params: string[] = [];
    for (let c = 1; c <= width; c++) params.push(`$${r * width + c}`);
    tuples.push(`(${params.join(", ")})`);
  }
  return tuples.join(", ");
}
