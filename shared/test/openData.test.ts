import "reflect-metadata";
import { expect } from "chai";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { DataSource } from "typeorm";
import { createChangeTracking, csvField, csvRecord, dropDatabase, latestChange, OPEN_DATASETS, rowFormatter } from "../src";
import { freshDatabase } from "../src/testing";

/** The stream's text, BOM kept (TextDecoder, behind stream/consumers' text(), drops it). */
const text = async (stream: NodeJS.ReadableStream) => (await buffer(stream)).toString("utf8");

describe("open data: file formats", () => {
  it("neutralises cells a spreadsheet would run as formulas, and leaves numbers alone", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).to.equal(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+84 290")).to.equal("'+84 290");
    expect(csvField("-1")).to.equal("'-1");
    expect(csvField("@SUM(A1)")).to.equal("'@SUM(A1)");
    expect(csvField("\tx")).to.equal("'\tx");
    expect(csvField(-1)).to.equal("-1");
    expect(csvField("Hợp tác xã Tân Tiến")).to.equal("Hợp tác xã Tân Tiến");
  });

  it("quotes as RFC 4180 writes it: commas, quotes and line breaks; empty for null; lists joined with ;", () => {
    expect(csvRecord(["a,b", 'say "hi"', "line\nbreak", null, ["0111", "0112"], true, 12])).to.equal(`"a,b","say ""hi""","line\nbreak",,0111;0112,true,12\r\n`);
  });

  it("writes the BOM and header first, then one line per row, even for an empty dataset", async () => {
    const columns = [{ name: "id", field: "id" }, { name: "name", field: "name" }];
    const csv = await text(Readable.from([{ id: "1", name: "Đầm Dơi" }]).pipe(rowFormatter(columns, "csv")));
    expect(csv).to.equal("\uFEFFid,name\r\n1,Đầm Dơi\r\n");
    expect(await text(Readable.from([]).pipe(rowFormatter(columns, "csv")))).to.equal("\uFEFFid,name\r\n");
    const jsonl = await text(Readable.from([{ name: "Đầm Dơi", id: "1" }]).pipe(rowFormatter(columns, "jsonl")));
    expect(jsonl).to.equal(`{"id":"1","name":"Đầm Dơi"}\n`);
  });

  it("fails a row that lacks a column instead of writing a blank", async () => {
    const stream = Readable.from([{ id: "1" }]).pipe(rowFormatter([{ name: "id", field: "id" }, { name: "name", field: "name" }], "csv"));
    let failure: unknown;
    await text(stream).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.match(/no column name/);
  });

  it("names each dataset once, each column once", () => {
    expect(new Set(OPEN_DATASETS.map((d) => d.name)).size).to.equal(OPEN_DATASETS.length);
    for (const dataset of OPEN_DATASETS) expect(new Set(dataset.columns.map((c) => c.name)).size, dataset.name).to.equal(dataset.columns.length);
  });
});

describe("open data: change stamps (real PostgreSQL)", function () {
  this.timeout(60_000);
  let url: string;
  let db: DataSource;
  before(async () => {
    url = await freshDatabase("open_data_changes");
    db = new DataSource({ type: "postgres", url });
    await db.initialize();
    await db.query(`CREATE TABLE a (id int PRIMARY KEY, v text)`);
    await db.query(`CREATE TABLE b (id int PRIMARY KEY)`);
    const runner = db.createQueryRunner();
    await createChangeTracking(runner, ["a", "b"]);
    await runner.release();
  });
  after(async () => {
    await db?.destroy();
    if (url) await dropDatabase(url);
  });

  it("moves a table's stamp forward on every kind of write, and only that table's", async () => {
    const stampOf = async (table: string) => (await latestChange(db, [table]))!.getTime();
    const startA = await stampOf("a");
    const startB = await stampOf("b");
    await db.query(`INSERT INTO a VALUES (1, 'x')`);
    const inserted = await stampOf("a");
    expect(inserted).to.be.greaterThan(startA);
    await db.query(`UPDATE a SET v = 'y'`);
    const updated = await stampOf("a");
    expect(updated).to.be.greaterThan(inserted);
    await db.query(`DELETE FROM a`);
    const deleted = await stampOf("a");
    expect(deleted).to.be.greaterThan(updated);
    await db.query(`TRUNCATE a`);
    expect(await stampOf("a")).to.be.greaterThan(deleted);
    expect(await stampOf("b")).to.equal(startB);
    expect((await latestChange(db))!.getTime()).to.equal(await stampOf("a"));
  });

  it("leaves the stamp alone when a transaction rolls back", async () => {
    const before = (await latestChange(db, ["b"]))!.getTime();
    await db.transaction(async (m) => {
      await m.query(`INSERT INTO b VALUES (1)`);
      throw new Error("roll back");
    }).catch(() => undefined);
    expect((await latestChange(db, ["b"]))!.getTime()).to.equal(before);
  });
});
