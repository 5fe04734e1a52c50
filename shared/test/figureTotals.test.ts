import "reflect-metadata";
import { expect } from "chai";
import { DataSource } from "typeorm";
import { copyFigureTotals, dayNumber, dropDatabase, FigureTotals, Rollup1726000000000 } from "../src";
import { freshDatabase } from "../src/testing";

/**
 * A figure's totals computed in memory, written by copyFigureTotals into the rollup tables of a
 * real PostgreSQL: the sums are the contributions', and the rows arrive in the order of the tables'
 * keys as the database sorts them (so that a seed's key builds find their input already sorted),
 * whatever order the cells were first seen in.
 */
describe("FigureTotals and copyFigureTotals", function () {
  this.timeout(60_000);
  let url: string;
  let dataSource: DataSource;

  before(async () => {
    url = await freshDatabase("figure_totals");
    dataSource = new DataSource({ type: "postgres", url });
    await dataSource.initialize();
    const q = dataSource.createQueryRunner();
    try {
      await new Rollup1726000000000().up(q);
    } finally {
      await q.release();
    }
  });
  after(async () => {
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
  });

  // First seen in an order unlike the keys': a later code first, NULLs, a shorter array, names with
  // diacritics after the code they belong to.
  const CELLS: (string | null)[][] = [
    ["OVERDUE", "A03", "Thủy sản", null],
    ["DISBURSED", "A01", "Nông nghiệp", "2"],
    ["OVERDUE", "A01", "Nông nghiệp", null],
    ["DISBURSED", "A01", "Nông nghiệp", null],
    ["DISBURSED", "A01", "Nông nghiệp", "10"],
    ["DISBURSED", "A01"],
    ["REPAID", null, null, null],
    ["DISBURSED", "C10", "Công nghiệp", "1"],
  ];

  function totalsOf(days: string[]): { totals: FigureTotals; expected: Map<string, number> } {
    const totals = new FigureTotals();
    const expected = new Map<string, number>();
    // Cells and days interleaved, a cell's sum on a day built from several contributions.
    for (let round = 0; round < 3; round++) {
      for (const [c, cell] of CELLS.entries()) {
        for (const [d, day] of days.entries()) {
          if ((c + d + round) % 3 === 0) continue;
          const delta = (c + 1) * 100 + d * 10 + round;
          totals.addAll([{ cell: [...cell], day: dayNumber(day), delta }], () => undefined);
          const key = `${day} ${JSON.stringify(cell)}`;
          expected.set(key, (expected.get(key) ?? 0) + delta);
        }
      }
    }
    return { totals, expected };
  }

  it("writes the summed deltas and the month-end snapshots in the order of the rollup tables' keys", async () => {
    const days = ["2024-03-15", "2023-11-02", "2024-03-01", "2023-12-31", "2024-01-20"];
    const { totals, expected } = totalsOf(days);
    await dataSource.transaction(async (manager) => {
      await copyFigureTotals(manager.queryRunner!, "portfolio_test", totals, "2024-04-10");
    });

    const deltas: { day: string; cell: (string | null)[]; delta: string }[] = await dataSource.query(
      `SELECT day::text AS day, cell, delta FROM rollup_delta WHERE figure = 'portfolio_test' ORDER BY ctid`,
    );
    expect(new Map(deltas.map((d) => [`${d.day} ${JSON.stringify(d.cell)}`, Number(d.delta)]))).to.deep.equal(expected);
    const deltasInKeyOrder: { day: string; cell: (string | null)[] }[] = await dataSource.query(
      `SELECT day::text AS day, cell FROM rollup_delta WHERE figure = 'portfolio_test' ORDER BY figure, day, cell`,
    );
    expect(deltas.map((d) => ({ day: d.day, cell: d.cell }))).to.deep.equal(deltasInKeyOrder);

    const snapshots: { through: string; cell: (string | null)[]; total: string }[] = await dataSource.query(
      `SELECT through::text AS through, cell, total FROM rollup_snapshot WHERE figure = 'portfolio_test' ORDER BY ctid`,
    );
    const snapshotsInKeyOrder: { through: string; cell: (string | null)[]; total: string }[] = await dataSource.query(
      `SELECT through::text AS through, cell, total FROM rollup_snapshot WHERE figure = 'portfolio_test' ORDER BY figure, through, cell`,
    );
    expect(snapshots).to.deep.equal(snapshotsInKeyOrder);
    // Each month end's total of a cell is the sum of its deltas up to that day.
    const throughMarch = snapshots.filter((s) => s.through === "2024-03-31");
    expect(throughMarch).to.have.length(CELLS.length);
    for (const s of throughMarch) {
      const sum = [...expected].filter(([key]) => key.endsWith(` ${JSON.stringify(s.cell)}`)).reduce((a, [, v]) => a + v, 0);
      expect(Number(s.total), JSON.stringify(s.cell)).to.equal(sum);
    }
    const [{ months }] = await dataSource.query(`SELECT count(*)::int AS months FROM rollup_horizon WHERE figure = 'portfolio_test'`);
    expect(months).to.equal(5); // November 2023 to March 2024
  });
});
