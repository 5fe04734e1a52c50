import { QueryRunner } from "typeorm";
import { dayNumber, isoOfDay } from "../calendar/isoDates";
import { copyField, copyLines } from "../seed/bulkInsert";

/**
 * A dated rollup's rows computed in memory, for demo-data loaders that compute the owners'
 * contributions themselves instead of asking PostgreSQL to evaluate a rollup function over a
 * national table: what `rollup_rebuild` writes after the contributions, i.e. the deltas summed
 * per day and cell (rollup_delta) and the month-end totals (rollup_horizon, rollup_snapshot) as
 * `rollup_extend_horizon` takes them from nothing. The SQL functions stay the rule: each loader's
 * test rebuilds its figures by them after a seed and requires the same rows.
 */

/** One owner's contribution to a figure: + or − `delta` in `cell` from `day` on. */
export interface Contribution {
  cell: (string | null)[];
  day: string;
  delta: number;
}

export class FigureTotals {
  private readonly cellIds = new Map<string, number>();
  /** Cell arrays already seen (contribution functions reuse one array per cell and owner). */
  private readonly known = new WeakMap<(string | null)[], number>();
  readonly cells: (string | null)[][] = [];
  /** Per cell id: day number → sum of deltas (small integer keys: a single map keyed by day and cell was the costliest step of the fund's seed). */
  private readonly sums: Map<number, number>[] = [];
  private static readonly CELLS = 2 ** 21;

  /** Adds a contribution; returns the id of its cell (an index of `cells`). */
  add(c: Contribution): number {
    return this.addOn(c.cell, dayNumber(c.day), c.delta);
  }

  /** Adds `delta` in `cell` on a day number (see isoDates); returns the id of the cell. */
  addOn(cell: (string | null)[], day: number, delta: number): number {
    const id = this.idOf(cell);
    const byDay = this.sums[id];
    byDay.set(day, (byDay.get(day) ?? 0) + delta);
    return id;
  }

  /** The id of a cell (an index of `cells`), given a new one the first time its values are seen. */
  idOf(cell: (string | null)[]): number {
    let id = this.known.get(cell);
    if (id === undefined) {
      const key = JSON.stringify(cell);
      id = this.cellIds.get(key);
      if (id === undefined) {
        id = this.cells.length;
        if (id >= FigureTotals.CELLS) throw new Error("rollup: too many cells in one figure");
        this.cellIds.set(key, id);
        this.cells.push(cell);
        this.sums.push(new Map());
      }
      this.known.set(cell, id);
    }
    return id;
  }

  /** rollup_delta's rows, by day (then cell). */
  *deltas(): Generator<{ day: string; cell: (string | null)[]; delta: number }> {
    const keys = new Float64Array(this.sums.reduce((n, byDay) => n + byDay.size, 0));
    let n = 0;
    this.sums.forEach((byDay, id) => {
      for (const day of byDay.keys()) keys[n++] = day * FigureTotals.CELLS + id;
    });
    keys.sort();
    for (const k of keys) {
      const id = k % FigureTotals.CELLS;
      const day = Math.floor(k / FigureTotals.CELLS);
      const delta = this.sums[id].get(day)!;
      if (delta === 0) continue;
      yield { day: isoOfDay(day), cell: this.cells[id], delta };
    }
  }

  /** Month ends of the horizon and the non-zero totals per cell at each, `today` being the server's current date. */
  snapshots(today: string): { horizon: string[]; rows: { through: string; cell: (string | null)[]; total: number }[] } {
    const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    const firstDayOf = (month: number) => dayNumber(`${String(Math.floor(month / 12)).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}-01`);
    let first = Infinity;
    for (const byDay of this.sums) for (const [day, delta] of byDay) if (delta !== 0 && day < first) first = day;
    if (first === Infinity) return { horizon: [], rows: [] };
    const firstMonth = monthOf(isoOfDay(first));
    const lastMonth = monthOf(today) - 1;
    if (firstMonth > lastMonth) return { horizon: [], rows: [] };
    const months = lastMonth - firstMonth + 1;
    // A month's end is the day before the first of the next.
    const horizon = Array.from({ length: months }, (_, m) => isoOfDay(firstDayOf(firstMonth + m + 1) - 1));
    const perCell = this.cells.map(() => new Float64Array(months));
    this.sums.forEach((byDay, id) => {
      for (const [day, delta] of byDay) {
        const m = monthOf(isoOfDay(day)) - firstMonth;
        if (m < months) perCell[id][m] += delta;
      }
    });
    const rows: { through: string; cell: (string | null)[]; total: number }[] = [];
    for (let m = 0; m < months; m++) {
      for (let id = 0; id < this.cells.length; id++) {
        if (m > 0) perCell[id][m] += perCell[id][m - 1];
        if (perCell[id][m] !== 0) rows.push({ through: horizon[m], cell: this.cells[id], total: perCell[id][m] });
      }
    }
    return { horizon, rows };
  }
}

/**
 * Writes what `rollup_rebuild` writes after a figure's contributions (its deltas, month-end
 * horizon and snapshots) from totals computed in memory, through COPY in the caller's
 * transaction. `today` is the server's current date (the horizon ends at the last complete month).
 */
export async function copyFigureTotals(q: QueryRunner, figure: string, totals: FigureTotals, today: string): Promise<void> {
  const literals = totals.cells.map((cell) => copyField(cell));
  const ids = new Map(totals.cells.map((cell, id) => [cell, id]));
  const literal = (cell: (string | null)[]) => literals[ids.get(cell)!];
  await copyLines(q, "rollup_delta", ["figure", "day", "cell", "delta"], (function* () {
    for (const d of totals.deltas()) yield `${figure}\t${d.day}\t${literal(d.cell)}\t${d.delta}\n`;
  })());
  const { horizon, rows } = totals.snapshots(today);
  await copyLines(q, "rollup_horizon", ["figure", "through"], horizon.map((through) => `${figure}\t${through}\n`));
  await copyLines(q, "rollup_snapshot", ["figure", "through", "cell", "total"], (function* () {
    for (const s of rows) yield `${figure}\t${s.through}\t${literal(s.cell)}\t${s.total}\n`;
  })());
}
