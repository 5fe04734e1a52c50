import "reflect-metadata";
import { expect } from "chai";
import { DataSource } from "typeorm";
import { binaryText, binaryTextArray, CopyBinary, copyFromStdin, copyLine, dayNumber, dropDatabase, inChunks } from "../src";
import { freshDatabase } from "../src/testing";

/** A rollup-like row: what the fund's seed writes in COPY's binary format. */
interface Row {
  figure: string;
  owner: string | null;
  cell: (string | null)[];
  day: string;
  delta: number;
}

const ROWS: Row[] = [
  { figure: "portfolio", owner: "00000000-0000-4000-8000-00000000000a", cell: ["loans", "A", "Nông nghiệp", null, null, "1", "true", null], day: "2024-02-29", delta: 9_007_199_254_740_991 },
  { figure: "outstanding_principal", owner: "ffffffff-ffff-4fff-bfff-FFFFFFFFFFFF", cell: ["966", "false", null], day: "1999-12-31", delta: -9_007_199_254_740_991 },
  { figure: "xã \\N, \"quoted\"\ttab", owner: null, cell: ["with,comma", 'with "quote"', "back\\slash", "{brace}", "NULL", ""], day: "1969-07-20", delta: -1 },
  { figure: "empty cell", owner: "12345678-9abc-4def-8123-456789abcdef", cell: [], day: "2000-01-01", delta: 4_294_967_296 },
  { figure: "only nulls", owner: "12345678-9abc-4def-8123-456789abcdef", cell: [null, null], day: "2038-01-19", delta: 0 },
];

const TEXT_COLUMNS = [
  { name: "figure", type: "text", value: (r: Row) => r.figure },
  { name: "owner_id", type: "uuid", value: (r: Row) => r.owner },
  { name: "cell", type: "text", value: (r: Row) => r.cell },
  { name: "day", type: "date", value: (r: Row) => r.day },
  { name: "delta", type: "bigint", value: (r: Row) => r.delta },
];

/** CopyBinary against COPY's text format (copyLine, the loaders' other path): the same rows in PostgreSQL. */
describe("CopyBinary (COPY in the binary format)", function () {
  this.timeout(60_000);
  let url: string;
  let dataSource: DataSource;

  before(async () => {
    url = await freshDatabase("copy_binary");
    dataSource = new DataSource({ type: "postgres", url });
    await dataSource.initialize();
    for (const table of ["by_text", "by_binary"]) {
      await dataSource.query(`CREATE TABLE ${table} (figure text NOT NULL, owner_id uuid, cell text[] NOT NULL, day date NOT NULL, delta bigint NOT NULL)`);
    }
  });
  after(async () => {
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
  });

  it("loads the same values as COPY text, in statements of several buffers", async () => {
    // Enough rows for several megabyte buffers in one statement.
    const many = Array.from({ length: 40_000 }, (_, i) => ({ ...ROWS[i % ROWS.length], delta: ROWS[i % ROWS.length].delta - (i % 7) * Math.sign(ROWS[i % ROWS.length].delta) }));
    const names = TEXT_COLUMNS.map((c) => c.name);
    const figureFields = new Map(ROWS.map((r) => [r.figure, binaryText(r.figure)]));
    await dataSource.transaction(async ({ queryRunner }) => {
      const q = queryRunner!;
      expect(await copyFromStdin(q, "by_text", names, many.map((r) => copyLine(TEXT_COLUMNS, r)))).to.equal(many.length);
      const binary = inChunks(new CopyBinary(), function* (out) {
        for (const r of many) {
          out.row(5);
          if (r.figure.startsWith("xã")) out.text(r.figure);
          else out.bytes(figureFields.get(r.figure)!);
          if (r.owner === null) out.null();
          else out.uuid(r.owner);
          out.bytes(binaryTextArray(r.cell));
          out.date(dayNumber(r.day));
          out.int64(r.delta);
          yield;
        }
      });
      expect(await copyFromStdin(q, "by_binary", names, binary, "binary")).to.equal(many.length);
    });
    const differing = await dataSource.query(`SELECT (SELECT count(*)::int FROM (SELECT * FROM by_text EXCEPT ALL SELECT * FROM by_binary) a) + (SELECT count(*)::int FROM (SELECT * FROM by_binary EXCEPT ALL SELECT * FROM by_text) b) AS n`);
    expect(differing[0].n).to.equal(0);
    const read = await dataSource.query(`SELECT figure, owner_id, cell, day::text AS day, delta::text AS delta FROM by_binary ORDER BY ctid LIMIT ${ROWS.length}`);
    expect(read).to.deep.equal(many.slice(0, ROWS.length).map((r) => ({ figure: r.figure, owner_id: r.owner?.toLowerCase() ?? null, cell: r.cell, day: r.day, delta: String(r.delta) })));
  });

  it("refuses values the column would not hold exactly", () => {
    const out = new CopyBinary();
    expect(() => out.int64(1.5)).to.throw(/whole number/);
    expect(() => out.int64(2 ** 53)).to.throw(/whole number/);
    expect(() => out.uuid("not-a-uuid")).to.throw(/not a uuid/);
    expect(() => out.date(0.5)).to.throw(/day number/);
  });
});
