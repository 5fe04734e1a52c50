import "reflect-metadata";
import { expect } from "chai";
import { DataSource, QueryRunner } from "typeorm";
import { BulkColumn, bulkInsert, columnsOfFields, copyLine, copyLines, dropDatabase, withIndexesAfterLoad } from "../src";
import { freshDatabase } from "../src/testing";

interface Row {
  id: string;
  parentId: string | null;
  label: string | null;
  tags: string[];
  on: string | null;
  at: Date;
  flag: boolean;
  amount: number;
  details: unknown;
}

const ROWS: Row[] = [
  { id: "00000000-0000-4000-8000-000000000001", parentId: null, label: "tab\there, new\nline, back\\slash, cr\r end", tags: ["A01", "B02"], on: "2021-01-05", at: new Date("2021-06-30T10:00:00Z"), flag: true, amount: 9_007_199_254_740_991, details: { note: 'quote " and \\ and \t' } },
  { id: "00000000-0000-4000-8000-000000000002", parentId: "00000000-0000-4000-8000-000000000001", label: null, tags: [], on: null, at: new Date("2024-02-29T23:59:59.123Z"), flag: false, amount: -1, details: null },
  { id: "00000000-0000-4000-8000-000000000003", parentId: null, label: "Hợp tác xã \\N không phải null", tags: ["with,comma", 'with "quote"'], on: "2019-12-31", at: new Date(0), flag: true, amount: 0, details: [1, "two"] },
];

const COLUMNS: BulkColumn<Row>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "parent_id", type: "uuid", value: (r) => r.parentId },
  { name: "label", type: "text", value: (r) => r.label },
  { name: "on_day", type: "date", value: (r) => r.on },
  { name: "at", type: "timestamptz", value: (r) => r.at },
  { name: "flag", type: "boolean", value: (r) => r.flag },
  { name: "amount", type: "bigint", value: (r) => r.amount },
  { name: "details", type: "jsonb", value: (r) => (r.details === null ? null : JSON.stringify(r.details)) },
];

/** bulkInsert (the demo-data loaders' one bulk path) and the index helper, on a real PostgreSQL. */
describe("bulkInsert (COPY) and withIndexesAfterLoad", function () {
  this.timeout(60_000);
  let url: string;
  let dataSource: DataSource;

  before(async () => {
    url = await freshDatabase("bulk_insert");
    dataSource = new DataSource({ type: "postgres", url });
    await dataSource.initialize();
  });
  after(async () => {
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
  });

  async function freshTables(q: QueryRunner): Promise<void> {
    for (const table of ["by_copy", "by_insert"]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
      await q.query(`CREATE TABLE ${table} (
        id uuid PRIMARY KEY, parent_id uuid REFERENCES ${table} (id), label text, tags varchar(20)[] NOT NULL,
        on_day date, at timestamptz NOT NULL, flag boolean NOT NULL, amount bigint NOT NULL, details jsonb)`);
      await q.query(`CREATE INDEX ${table}_label ON ${table} (lower(label)) WHERE label IS NOT NULL`);
    }
  }

  const rowsOf = (table: string) => dataSource.query(`SELECT * FROM ${table} ORDER BY id`);

  it("writes through COPY the same values as INSERT with the same values as parameters", async () => {
    await dataSource.transaction(async ({ queryRunner }) => {
      const q = queryRunner!;
      await freshTables(q);
      const copied = await bulkInsert(q, "by_copy", [...COLUMNS, { name: "tags", type: "text", value: (r) => r.tags }], ROWS);
      expect(copied).to.equal(ROWS.length);
      for (const r of ROWS) {
        await q.query(`INSERT INTO by_insert (id, parent_id, label, on_day, at, flag, amount, details, tags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          ...COLUMNS.map((c) => c.value(r)),
          r.tags,
        ]);
      }
    });
    const [copied, inserted] = [await rowsOf("by_copy"), await rowsOf("by_insert")];
    expect(copied).to.have.length(3);
    expect(copied).to.deep.equal(inserted);
    expect(copied[0].label).to.equal(ROWS[0].label);
    expect(copied[2].label).to.equal(ROWS[2].label);
    expect(copied[2].tags).to.deep.equal(["with,comma", 'with "quote"']);
  });

  it("loads more rows than one COPY statement holds, the same rows as the INSERT path (select columns)", async () => {
    const many = Array.from({ length: 250_001 }, (_, i) => ({ ...ROWS[i % 3], id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, parentId: null }));
    const tags: BulkColumn<Row> = { name: "tags", type: "text", value: (r) => r.tags.join("|"), select: (v) => `string_to_array(${v}, '|')::varchar(20)[]` };
    const lines: string[] = [];
    await dataSource.transaction(async ({ queryRunner }) => {
      const q = queryRunner!;
      await freshTables(q);
      expect(await bulkInsert(q, "by_copy", [...COLUMNS, { name: "tags", type: "text", value: (r) => r.tags }], many, { log: (l) => lines.push(l), label: "test" })).to.equal(many.length);
      expect(await bulkInsert(q, "by_insert", [...COLUMNS, tags], many, { chunkSize: 10_000 })).to.equal(many.length);
    });
    expect(lines).to.deep.equal(["test: by_copy: 100,000 rows", "test: by_copy: 200,000 rows"]);
    const differing = await dataSource.query(`SELECT count(*)::int AS n FROM (SELECT * FROM by_copy EXCEPT SELECT * FROM by_insert) d`);
    expect(differing[0].n).to.equal(0);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM by_copy`))[0].n).to.equal(many.length);
  });

  /** A row of every column type the binary format is written for, with the values the loaders hold. */
  interface Typed {
    id: string;
    name: unknown;
    code: string | null;
    day: string | Date | null;
    big: number | string;
    whole: number | null;
    small: number;
    flag: boolean | null;
    at: string | Date | null;
    doc: unknown;
  }
  const TYPED_TABLE = `(id uuid, name text, code varchar(12), day date, big bigint, whole integer, small smallint, flag boolean, at timestamptz, doc jsonb)`;
  const TYPED_COLUMNS = columnsOfFields<Typed>({ id: "uuid", name: "text", code: "text", day: "date", big: "bigint", whole: "int", small: "smallint", flag: "boolean", at: "timestamptz", doc: "jsonb" });
  const TYPED: Typed[] = [
    { id: "00000000-0000-4000-8000-000000000001", name: "tab\there, new\nline, back\\slash, cr\r end", code: "A01", day: "2024-02-29", big: 9_007_199_254_740_991, whole: 2_147_483_647, small: 32_767, flag: true, at: "2021-06-30T10:00:00+07:00", doc: '{"note": "quote \\" and \\\\ and \\t", "n": [1, 2.5]}' },
    { id: "ABCDEF01-2345-4789-ABCD-EF0123456789", name: "Hợp tác xã \\N không phải null", code: null, day: null, big: -9_007_199_254_740_991, whole: -2_147_483_648, small: -32_768, flag: false, at: "2024-02-29T23:59:59.123Z", doc: { tên: "Hợp tác xã", kind: null } },
    { id: "12345678-9abc-4def-8123-456789abcdef", name: 1234.5, code: "", day: "0099-12-31", big: "4294967296", whole: null, small: 0, flag: null, at: new Date(0), doc: null },
    { id: "ffffffff-ffff-4fff-bfff-ffffffffffff", name: "", code: "Mười hai kí", day: new Date(2021, 0, 5, 23, 30), big: 0, whole: 1, small: -1, flag: true, at: "1969-12-31T20:15:30.5-05:30", doc: "[]" },
  ];

  it("loads a table whose column types all have a binary writer in COPY's binary format, the same values as its text format", async () => {
    await dataSource.transaction(async ({ queryRunner }) => {
      const q = queryRunner!;
      await q.query(`DROP TABLE IF EXISTS typed_text, typed_binary`);
      await q.query(`CREATE TABLE typed_text ${TYPED_TABLE}`);
      await q.query(`CREATE TABLE typed_binary ${TYPED_TABLE}`);
      await copyLines(q, "typed_text", TYPED_COLUMNS.map((c) => c.name), TYPED.map((r) => copyLine(TYPED_COLUMNS, r)));
      expect(await bulkInsert(q, "typed_binary", TYPED_COLUMNS, TYPED)).to.equal(TYPED.length);
    });
    const [text, binary] = [await dataSource.query(`SELECT * FROM typed_text ORDER BY id`), await dataSource.query(`SELECT * FROM typed_binary ORDER BY id`)];
    expect(binary).to.have.length(TYPED.length);
    expect(binary).to.deep.equal(text);
    expect(binary.map((r: { name: string }) => r.name)).to.include(TYPED[0].name).and.to.include("1234.5");
  });

  it("refuses, in the binary format, a value it cannot write as the text format would, instead of writing another", async () => {
    for (const day of ["2023-02-29", "1900-02-29", "2021-04-31", "2021-1-5", "0000-01-01", "2021-01-05T00:00:00Z"]) {
      const failure = await dataSource
        .transaction(async ({ queryRunner }) => bulkInsert(queryRunner!, "typed_binary", TYPED_COLUMNS, [{ ...TYPED[0], day }]))
        .then(() => undefined, (error: Error) => error);
      expect(failure?.message).to.match(/is not a YYYY-MM-DD date/);
    }
    for (const id of ["00000000-0000-4000-8000-00000000000g", "000000000-000-4000-8000-000000000001", "00000000-0000-4000-8000-0000000000ễ1", "{00000000-0000-4000-8000-00000001}"]) {
      const failure = await dataSource
        .transaction(async ({ queryRunner }) => bulkInsert(queryRunner!, "typed_binary", TYPED_COLUMNS, [{ ...TYPED[0], id }]))
        .then(() => undefined, (error: Error) => error);
      expect(failure?.message).to.match(/is not a uuid/);
    }
    // Instants without their offset would be read in the session's time zone; impossible ones refused.
    for (const at of ["2021-06-30T10:00:00", "2021-06-30 10:00:00+07", "2023-02-29T10:00:00Z", "2021-06-30T24:00:00Z", "2021-06-30T10:60:00+07:00", "30/06/2021", new Date(Number.NaN)]) {
      const failure = await dataSource
        .transaction(async ({ queryRunner }) => bulkInsert(queryRunner!, "typed_binary", TYPED_COLUMNS, [{ ...TYPED[0], at }]))
        .then(() => undefined, (error: Error) => error);
      expect(failure?.message).to.match(/is not an instant with its offset/);
    }
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM typed_binary`))[0].n).to.equal(TYPED.length);
  });

  it("builds the indexes and foreign keys again as they were, and a load that breaks one fails", async () => {
    const schemaOf = () =>
      dataSource.query(`SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'by_copy'
        UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'by_copy'::regclass ORDER BY 1`);
    await dataSource.transaction(async ({ queryRunner }) => freshTables(queryRunner!));
    const before = await schemaOf();
    expect(before.map((r: { d: string }) => r.d).join("\n")).to.match(/by_copy_label/).and.to.match(/FOREIGN KEY/);
    const columns = [...COLUMNS, { name: "tags", type: "text", value: (r: Row) => r.tags }];
    await dataSource.transaction(async ({ queryRunner }) => {
      const q = queryRunner!;
      const loaded = await withIndexesAfterLoad(q, "by_copy", async () => {
        expect((await q.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'by_copy'`))[0].n).to.equal(0);
        return bulkInsert(q, "by_copy", columns, ROWS);
      });
      expect(loaded).to.equal(3);
    });
    expect(await schemaOf()).to.deep.equal(before);
    expect(await dataSource.query(`SELECT id FROM by_copy WHERE lower(label) LIKE 'tab%'`)).to.have.length(1);

    const orphan = { ...ROWS[1], id: "00000000-0000-4000-8000-0000000000ff", parentId: "00000000-0000-4000-8000-00000000dead" };
    let failure: Error | undefined;
    await dataSource
      .transaction(async ({ queryRunner }) => withIndexesAfterLoad(queryRunner!, "by_copy", () => bulkInsert(queryRunner!, "by_copy", columns, [orphan])))
      .catch((error: Error) => (failure = error));
    expect(failure?.message).to.match(/foreign key/);
    expect(await schemaOf()).to.deep.equal(before);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM by_copy`))[0].n).to.equal(3);

    let duplicate: Error | undefined;
    await dataSource
      .transaction(async ({ queryRunner }) => withIndexesAfterLoad(queryRunner!, "by_copy", () => bulkInsert(queryRunner!, "by_copy", columns, [ROWS[0]])))
      .catch((error: Error) => (duplicate = error));
    expect(duplicate?.message).to.match(/could not create unique index/);
    expect(await schemaOf()).to.deep.equal(before);

    // A key another table's foreign key depends on stays in place during the load.
    await dataSource.query(`CREATE TABLE by_copy_child (id uuid PRIMARY KEY, parent_id uuid NOT NULL REFERENCES by_copy (id))`);
    const keptDuring: number[] = [];
    await dataSource.transaction(async ({ queryRunner }) =>
      withIndexesAfterLoad(queryRunner!, "by_copy", async () => {
        keptDuring.push((await queryRunner!.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'by_copy'`))[0].n);
        return bulkInsert(queryRunner!, "by_copy", columns, [{ ...ROWS[1], id: "00000000-0000-4000-8000-0000000000aa" }]);
      }),
    );
    expect(keptDuring).to.deep.equal([1]);
    expect(await schemaOf()).to.deep.equal(before);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM by_copy`))[0].n).to.equal(4);
  });

  it("loads an empty table into a new file under wal_level=minimal (no WAL for the load), never one that holds rows", async () => {
    const [{ wal_level: walLevel }] = await dataSource.query(`SHOW wal_level`);
    await dataSource.transaction(async ({ queryRunner }) => freshTables(queryRunner!));
    const file = async () => (await dataSource.query(`SELECT pg_relation_filenode('by_insert') AS f`))[0].f as string;
    const columns = [...COLUMNS, { name: "tags", type: "text", value: (r: Row) => r.tags }];
    const load = (rows: Row[]) => dataSource.transaction(async ({ queryRunner }) => withIndexesAfterLoad(queryRunner!, "by_insert", () => bulkInsert(queryRunner!, "by_insert", columns, rows)));

    const empty = await file();
    await load(ROWS.slice(0, 2));
    const loaded = await file();
    // The embedded server runs with wal_level=minimal; another server (TEST_DATABASE_URL) keeps the file.
    expect(loaded !== empty).to.equal(walLevel === "minimal");
    await load(ROWS.slice(2));
    expect(await file()).to.equal(loaded);
    expect(await dataSource.query(`SELECT id FROM by_insert ORDER BY id`)).to.deep.equal(ROWS.map((r) => ({ id: r.id })));
  });

  it("writes the rows of a table truncated for its load frozen (pages all-visible at once), and only those", async () => {
    const [{ wal_level: walLevel }] = await dataSource.query(`SHOW wal_level`);
    await dataSource.transaction(async ({ queryRunner }) => freshTables(queryRunner!));
    const columns = [...COLUMNS, { name: "tags", type: "text", value: (r: Row) => r.tags }];
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...ROWS[i % 3], id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, parentId: null }));
    // ANALYZE counts the pages the visibility map marks all-visible: without VACUUM, only frozen rows' pages.
    const allVisible = async () => {
      await dataSource.query(`ANALYZE by_insert`);
      const [{ pages, visible }] = await dataSource.query(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'by_insert'::regclass`);
      return { pages, visible };
    };
    const load = (rows: Row[]) => dataSource.transaction(async ({ queryRunner }) => withIndexesAfterLoad(queryRunner!, "by_insert", () => bulkInsert(queryRunner!, "by_insert", columns, rows)));

    await load(many);
    const first = await allVisible();
    expect(first.pages).to.be.greaterThan(10);
    // Truncated (and so frozen) only under wal_level=minimal, as the embedded server runs. PostgreSQL
    // marks the pages each batch of the COPY filled: most of them, not the pages batches share.
    if (walLevel === "minimal") expect(first.visible).to.be.greaterThan(first.pages / 2);
    else expect(first.visible).to.equal(0);
    // A table that held rows is not truncated: its new rows are written as any others, and COPY does not refuse them.
    await load(many.map((r, i) => ({ ...r, id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}` })));
    const second = await allVisible();
    expect(second.pages).to.be.greaterThan(first.pages);
    expect(second.visible).to.be.at.most(first.pages);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM by_insert`))[0].n).to.equal(4000);
  });
});
