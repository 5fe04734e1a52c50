import { binaryText, binaryTextArray, binaryUuid, CopyBinary, copyFigureTotals, copyFromStdin, FigureTotals, inChunks } from "@camau/shared";
import { QueryRunner } from "typeorm";

/** A figure's cell: one array per distinct cell, shared by the owners in it (see FigureCells). */
export type Cell = (string | null)[];

/** One owner's change to a figure: + or − `delta` in `cell` from `day` (a day number) on. */
export interface OwnerChange {
  cell: Cell;
  day: number;
  delta: number;
}

/** An owner of a figure and its changes, computed when the writer reaches it. */
export interface FigureOwner {
  id: string;
  changes(): Iterable<OwnerChange>;
}

/** The cells of a figure, one array for each distinct list of values: their id and COPY text are found once per array. */
export class FigureCells {
  private readonly byValues = new Map<string, Cell>();

  /** The figure's array for these values, the same each time the same values are asked for. */
  of(values: Cell): Cell {
    const key = JSON.stringify(values);
    let cell = this.byValues.get(key);
    if (!cell) this.byValues.set(key, (cell = values));
    return cell;
  }

  /** Every cell asked for. */
  all(): Iterable<Cell> {
    return this.byValues.values();
  }
}

/**
 * Writes a figure computed by the loader as `rollup_rebuild` would, in the caller's transaction:
 * each owner's contributions, then the deltas and month ends summed from them (`today` is the
 * server's current date). The figure's rows must have been deleted first.
 *
 * The rows go out in the order of the rollup tables' keys (owners by id, whose lower-case text
 * sorts as the uuid's bytes; the deltas and month ends as FigureTotals writes them), so that when
 * the keys are built after the load (and the figures are written in the order of their names)
 * PostgreSQL's sort finds its input already sorted: about a third of the time of the same key
 * built over rows in any order.
 */
export async function copyFigure(q: QueryRunner, figure: string, owners: readonly FigureOwner[], cells: FigureCells, today: string): Promise<number> {
  const totals = new FigureTotals();
  // Each cell's id in the totals and its value in COPY's binary format (`field`), found once.
  const written = new Map<Cell, { id: number; field: Buffer }>();
  for (const cell of cells.all()) written.set(cell, { id: totals.idOf(cell), field: binaryTextArray(cell) });
  const byId = [...owners].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const figureField = binaryText(figure);
  // In binary, as the fund's contributions: PostgreSQL reads the cells' text[] without parsing them.
  const rows = await copyFromStdin(q, "rollup_contribution", ["figure", "owner_id", "cell", "day", "delta"], inChunks(new CopyBinary(), function* (out) {
    // An owner's changes are mostly in one cell: the last one found answers most lookups.
    let last: Cell | null = null;
    let known: { id: number; field: Buffer } | undefined;
    for (const owner of byId) {
      const ownerField = binaryUuid(owner.id);
      for (const { cell, day, delta } of owner.changes()) {
        if (cell !== last) {
          known = written.get(cell);
          if (known === undefined) throw new Error(`rollup ${figure}: owner ${owner.id} changes a cell its figure's cells lack`);
          last = cell;
        }
        totals.addById(known!.id, day, delta);
        out.row(5);
        out.bytes(figureField);
        out.bytes(ownerField);
        out.bytes(known!.field);
        out.date(day);
        out.int64(delta);
        yield;
      }
    }
  }), "binary");
  await copyFigureTotals(q, figure, totals, today);
  return rows;
}

/** A figure the loader computed: its owners and every cell their changes name. */
export interface ComputedFigure {
  figure: string;
  owners: readonly FigureOwner[];
  cells: FigureCells;
}

/**
 * Writes computed figures by copyFigure in the order of their names, the first column of every
 * rollup table's key (see copyFigure); returns the contributions written per figure.
 */
export async function copyFigures(q: QueryRunner, figures: readonly ComputedFigure[], today: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const f of [...figures].sort((a, b) => (a.figure < b.figure ? -1 : 1))) rows[f.figure] = await copyFigure(q, f.figure, f.owners, f.cells, today);
  return rows;
}
