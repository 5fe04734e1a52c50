import { envInt } from "../config/env";
import { STAFF_ROLES } from "../auth/roles";
import { Viewer } from "../auth/viewer";

/**
 * Statistical disclosure control of the public aggregates, as statistics offices do it: a figure
 * that sums fewer than DISCLOSURE_MIN_UNITS units (3 by default: loans, borrowers...) would let
 * anyone who knows the others read one borrower's debt, so the public gets null for it, and the row
 * says `suppressed: true`. Since the table's totals are public too, one withheld cell could be
 * recovered by subtraction: more cells are withheld (the smallest first) until what is withheld
 * in a column adds up to at least the threshold (secondary suppression). Zero cells disclose
 * nothing and stay. Staff (OFFICER, ADMIN, FUND_OFFICER, FUND_APPROVER) see every figure.
 */
export function disclosureMinUnits(): number {
  return envInt("DISCLOSURE_MIN_UNITS", 3);
}

export function seesSmallCells(viewer: Viewer): boolean {
  return STAFF_ROLES.includes(viewer.role);
}

/** Which cells of one column to withhold, given how many units each cell sums. */
export function cellsToWithhold(units: readonly number[], minUnits = disclosureMinUnits()): boolean[] {
  const withheld = units.map((u) => u > 0 && u < minUnits);
  let total = units.reduce((sum, u, i) => sum + (withheld[i] ? u : 0), 0);
  while (total > 0 && total < minUnits) {
    let next = -1;
    units.forEach((u, i) => {
      if (!withheld[i] && u > 0 && (next < 0 || u < units[next])) next = i;
    });
    if (next < 0) break;
    withheld[next] = true;
    total += units[next];
  }
  return withheld;
}

/** A column of a published table: the figures that aggregate the same units. */
export interface DisclosedColumn<T, F extends keyof T = keyof T> {
  units: (row: T) => number;
  figures: readonly F[];
}

/** A row as published: its figures may be null (withheld), with a flag saying so. */
export type Disclosed<T, F extends keyof T> = Omit<T, F> & { [K in F]: T[K] | null } & { suppressed: boolean };

/** The rows as this viewer may see them: small cells withheld (null) for the public, with a flag per row. */
export function withholdSmallCells<T extends object, F extends keyof T>(rows: readonly T[], columns: readonly DisclosedColumn<T, F>[], viewer: Viewer): Disclosed<T, F>[] {
  const out = rows.map((row) => ({ ...row, suppressed: false }) as Disclosed<T, F>);
  if (seesSmallCells(viewer)) return out;
  for (const column of columns) {
    cellsToWithhold(rows.map(column.units)).forEach((withhold, i) => {
      if (!withhold) return;
      out[i].suppressed = true;
      for (const figure of column.figures) (out[i] as Record<F, unknown>)[figure] = null;
    });
  }
  return out;
}
