import { QueryRunner } from "typeorm";
import { dayNumber, isoOfDay } from "../calendar/isoDates";
import { copyFromStdin, copyLines } from "../seed/bulkInsert";
import { binaryText, binaryTextArray, CopyBinary } from "../seed/copyBinary";
import { inChunks } from "../seed/copyBuffer";

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
  /** The day as its number (dayNumber): the sums are kept by day number, the text is written once per day. */
  day: number;
  delta: number;
}

/**
 * The rollup tables' order of cells (PostgreSQL's comparison of `text[]`): element by element,
 * NULL after any text, a shorter array first. The values that decide it are codes, ratings and
 * booleans in ASCII, which the database's collation orders as their code units (names follow the
 * code they belong to).
 */
function compareCells(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export class FigureTotals {
  private readonly cellIds = new Map<string, number>();
  readonly cells: (string | null)[][] = [];
  /**
   * The sum of deltas per cell and day, in an open-addressing hash table of typed arrays: the key
   * is cell id × DAYS + (day number + DAY_OFFSET), 0 an empty slot. Millions of sums at national
   * scale: held in one map per cell they were live objects that every garbage collection traced
   * again, and collection was about a third of the fund's seeding worker's time.
   */
  private keys = new Float64Array(1 << 16);
  private sums = new Float64Array(1 << 16);
  private used = 0;
  private static readonly CELLS = 2 ** 21;
  private static readonly DAYS = 2 ** 17;
  /** Day numbers from 1790 to 2148 (day 0 is 1970-01-01; founding and membership dates go back before it). */
  private static readonly DAY_OFFSET = 2 ** 16;

  /**
   * Adds one owner's contributions, whose cells are one array per cell (as the contribution
   * functions make them), and calls `each` with each contribution and the id of its cell (an index
   * of `cells`). The arrays are known by identity within the call only: a weak map of every loan's
   * arrays made each garbage collection process a million entries at national scale.
   */
  addAll(contributions: readonly Contribution[], each: (c: Contribution, id: number) => void): void {
    const known = new Map<(string | null)[], number>();
    for (const c of contributions) {
      let id = known.get(c.cell);
      if (id === undefined) known.set(c.cell, (id = this.idOf(c.cell)));
      this.addById(id, c.day, c.delta);
      each(c, id);
    }
  }

  /** The id of a cell (an index of `cells`), given a new one the first time its values are seen. */
  idOf(cell: (string | null)[]): number {
    const text = JSON.stringify(cell);
    let id = this.cellIds.get(text);
    if (id === undefined) {
      id = this.cells.length;
      if (id >= FigureTotals.CELLS) throw new Error("rollup: too many cells in one figure");
      this.cellIds.set(text, id);
      this.cells.push(cell);
    }
    return id;
  }

  /** Adds `delta` in the cell of id `id` (from idOf) on a day number. */
  addById(id: number, day: number, delta: number): void {
    const offsetDay = day + FigureTotals.DAY_OFFSET;
    if (!(offsetDay > 0 && offsetDay < FigureTotals.DAYS && Number.isInteger(day))) throw new Error(`rollup: day ${day} out of range`);
    const key = id * FigureTotals.DAYS + offsetDay;
    const slot = this.slotOf(key);
    if (this.keys[slot] === 0) {
      this.keys[slot] = key;
      this.sums[slot] = delta;
      if (++this.used * 2 > this.keys.length) this.grow();
    } else {
      this.sums[slot] += delta;
    }
  }

  /** The slot holding `key`, or the empty slot where it goes (linear probing). */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    const id = Math.floor(key / FigureTotals.DAYS);
    let slot = (Math.imul(id, 0x9e3779b1) ^ Math.imul(key % FigureTotals.DAYS, 0x85ebca77)) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const keys = this.keys;
    const sums = this.sums;
    this.keys = new Float64Array(keys.length * 2);
    this.sums = new Float64Array(keys.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === 0) continue;
      const slot = this.slotOf(keys[k]);
      this.keys[slot] = keys[k];
      this.sums[slot] = sums[k];
    }
  }

  /** Each (cell id, day number + DAY_OFFSET, sum) held, in no particular order. */
  private *entries(): Generator<[number, number, number]> {
    for (let k = 0; k < this.keys.length; k++) {
      const key = this.keys[k];
      if (key !== 0) yield [Math.floor(key / FigureTotals.DAYS), key % FigureTotals.DAYS, this.sums[k]];
    }
  }

  /**
   * The cells' ids in the rollup tables' order of cells (compareCells). The rows are written in
   * the order of the tables' keys (figure, day or month end, cell), so that the keys built after a
   * seed's load sort input that is already in order: 40 % of the time of the same key over rows in
   * any order (the fund's deltas at national scale; docs/performance.md, round seven).
   */
  private idsInKeyOrder(): number[] {
    return this.cells.map((_, id) => id).sort((x, y) => compareCells(this.cells[x], this.cells[y]));
  }

  /** rollup_delta's rows in its key's order: by day, then cell (compareCells); days as day numbers. */
  *deltas(): Generator<{ day: number; cell: (string | null)[]; delta: number }> {
    const byKey = this.idsInKeyOrder();
    const ranks = new Uint32Array(this.cells.length);
    byKey.forEach((id, rank) => (ranks[id] = rank));
    const order = new Float64Array(this.used);
    let n = 0;
    for (const [id, offsetDay] of this.entries()) order[n++] = offsetDay * FigureTotals.CELLS + ranks[id];
    order.sort();
    for (const k of order) {
      const id = byKey[k % FigureTotals.CELLS];
      const offsetDay = Math.floor(k / FigureTotals.CELLS);
      const delta = this.sums[this.slotOf(id * FigureTotals.DAYS + offsetDay)];
      if (delta === 0) continue;
      yield { day: offsetDay - FigureTotals.DAY_OFFSET, cell: this.cells[id], delta };
    }
  }

  /**
   * Month ends of the horizon and the non-zero totals per cell at each (in rollup_snapshot's key
   * order: by month end, then cell), `today` being the server's current date.
   */
  snapshots(today: string): { horizon: string[]; rows: { through: string; cell: (string | null)[]; total: number }[] } {
    const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    const firstDayOf = (month: number) => dayNumber(`${String(Math.floor(month / 12)).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}-01`);
    let first = Infinity;
    for (const [, offsetDay, delta] of this.entries()) if (delta !== 0 && offsetDay - FigureTotals.DAY_OFFSET < first) first = offsetDay - FigureTotals.DAY_OFFSET;
    if (first === Infinity) return { horizon: [], rows: [] };
    const firstMonth = monthOf(isoOfDay(first));
    const lastMonth = monthOf(today) - 1;
    if (firstMonth > lastMonth) return { horizon: [], rows: [] };
    const months = lastMonth - firstMonth + 1;
    // A month's end is the day before the first of the next.
    const horizon = Array.from({ length: months }, (_, m) => isoOfDay(firstDayOf(firstMonth + m + 1) - 1));
    const perCell = this.cells.map(() => new Float64Array(months));
    for (const [id, offsetDay, delta] of this.entries()) {
      const m = monthOf(isoOfDay(offsetDay - FigureTotals.DAY_OFFSET)) - firstMonth;
      if (m < months) perCell[id][m] += delta;
    }
    const byKey = this.idsInKeyOrder();
    const rows: { through: string; cell: (string | null)[]; total: number }[] = [];
    for (let m = 0; m < months; m++) {
      for (const id of byKey) {
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
 * transaction (deltas and snapshots in the binary format, each cell encoded once).
 * `today` is the server's current date (the horizon ends at the last complete month).
 */
export async function copyFigureTotals(q: QueryRunner, figure: string, totals: FigureTotals, today: string): Promise<void> {
  const figureField = binaryText(figure);
  const cellFields = totals.cells.map((cell) => binaryTextArray(cell));
  const ids = new Map(totals.cells.map((cell, id) => [cell, id]));
  const cellField = (cell: (string | null)[]) => cellFields[ids.get(cell)!];
  await copyFromStdin(q, "rollup_delta", ["figure", "day", "cell", "delta"], inChunks(new CopyBinary(), function* (out) {
    for (const d of totals.deltas()) {
      out.row(4);
      out.bytes(figureField);
      out.date(d.day);
      out.bytes(cellField(d.cell));
      out.int64(d.delta);
      yield;
    }
  }), "binary");
  const { horizon, rows } = totals.snapshots(today);
  await copyLines(q, "rollup_horizon", ["figure", "through"], horizon.map((through) => `${figure}\t${through}\n`));
  await copyFromStdin(q, "rollup_snapshot", ["figure", "through", "cell", "total"], inChunks(new CopyBinary(), function* (out) {
    for (const s of rows) {
      out.row(4);
      out.bytes(figureField);
      out.date(dayNumber(s.through));
      out.bytes(cellField(s.cell));
      out.int64(s.total);
      yield;
    }
  }), "binary");
}
