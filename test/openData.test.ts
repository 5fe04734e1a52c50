import { RunningGateway, startGateway } from "@camau/gateway";
import { OPEN_DATASETS, OpenDataset, Role, signToken } from "@camau/shared";
import { freePort } from "@camau/shared/testing";
import { expect } from "chai";
import { e2eStack, graphql } from "./support/stack";

/**
 * Bulk open data through the gateway: every dataset downloads as CSV (BOM, Vietnamese intact) and
 * JSON Lines, its rows are what the API answers an anonymous caller for the same fields, a client
 * holding the current copy gets 304, and the DCAT catalogue lists every dataset with URLs that work.
 */
async function download(file: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const base = new URL((await e2eStack()).gatewayUrl);
  const response = await fetch(new URL(`/open-data/${file}`, base), { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function jsonLines(bytes: Buffer): Record<string, unknown>[] {
  return bytes.toString("utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field), records.push(record), (record = []), (field = ""), i++;
    } else field += ch;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}

/** The GraphQL selection of a dataset's columns: `address.communeCode` becomes `address { communeCode }`. */
function selectionOf(dataset: OpenDataset): string {
  const tree: Record<string, any> = {};
  for (const { field } of dataset.columns) {
    let node = tree;
    for (const part of field.split(".")) node = node[part] ??= {};
  }
  const print = (node: Record<string, any>): string => Object.entries(node).map(([k, v]) => (Object.keys(v).length ? `${k} { ${print(v)} }` : k)).join(" ");
  return print(tree);
}

const valueAt = (object: any, path: string) => path.split(".").reduce((o, k) => (o == null ? o : o[k]), object);

const rowDatasets = OPEN_DATASETS.filter((d) => d.source !== "gateway");

describe("end to end: open data downloads and catalogue", function () {
  this.timeout(240_000);
  before(async () => {
    await e2eStack();
  });

  for (const dataset of rowDatasets) {
    it(`${dataset.name}: JSON Lines rows are what the API answers an anonymous caller for the same fields`, async () => {
      const file = await download(`${dataset.name}.jsonl`);
      expect(file.status).to.equal(200);
      expect(file.headers.get("content-type")).to.equal("application/jsonl; charset=utf-8");
      const rows = jsonLines(file.bytes);
      expect(rows.length, "the demo data has rows").to.be.greaterThan(0);
      expect(Object.keys(rows[0])).to.deep.equal(dataset.columns.map((c) => c.name));
      // A sample across the file: first, last and every n-th row.
      const step = Math.max(1, Math.floor(rows.length / 8));
      const sample = rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
      const root = dataset.type[0].toLowerCase() + dataset.type.slice(1);
      for (const row of sample) {
        const answer = await graphql<Record<string, any>>(`query($id: ID!) { item: ${root}(id: $id) { ${selectionOf(dataset)} } }`, { id: row.id });
        expect(answer.errors, JSON.stringify(answer.errors)).to.equal(undefined);
        const expected = Object.fromEntries(dataset.columns.map((c) => [c.name, valueAt(answer.data!.item, c.field) ?? null]));
        expect(row).to.deep.equal(expected);
      }
    });

    it(`${dataset.name}: CSV starts with a BOM, has the columns as header and the same rows as JSON Lines`, async () => {
      const [csv, jsonl] = await Promise.all([download(`${dataset.name}.csv`), download(`${dataset.name}.jsonl`)]);
      expect(csv.status).to.equal(200);
      expect(csv.headers.get("content-type")).to.equal("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).to.equal(`attachment; filename="${dataset.name}.csv"`);
      expect([...csv.bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const [header, ...records] = csvRecords(csv.bytes.toString("utf8").slice(1));
      expect(header).to.deep.equal(dataset.columns.map((c) => c.name));
      const rows = jsonLines(jsonl.bytes);
      expect(records.length).to.equal(rows.length);
      records.forEach((record, i) => {
        dataset.columns.forEach((column, j) => {
          const value = rows[i][column.name];
          const text = value === null ? "" : Array.isArray(value) ? value.join(";") : String(value);
          expect(record[j], `${column.name} of row ${i}`).to.equal(/^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text);
        });
      });
    });
  }

  it("keeps Vietnamese intact in CSV: the cooperatives' names with their diacritics", async () => {
    const csv = (await download("cooperatives.csv")).bytes.toString("utf8");
    const names = csvRecords(csv.slice(1)).slice(1).map((r) => r[2]);
    const vietnamese = names.filter((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n));
    expect(vietnamese.length).to.be.greaterThan(names.length / 2);
    const first = (await graphql<{ cooperatives: { edges: { node: { name: string } }[] } }>(`{ cooperatives(first: 1, filter: { search: "nông nghiệp" }) { edges { node { name } } } }`)).data!.cooperatives.edges[0].node.name;
    expect(names).to.include(first);
  });

  it("answers 304 to a client holding the current copy (If-None-Match, If-Modified-Since), with caching headers", async () => {
    const first = await download("cooperative-groups.csv");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).to.match(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(lastModified).getTime()).to.be.greaterThan(0);
    expect(first.headers.get("cache-control")).to.equal("public, max-age=300");
    const again = await download("cooperative-groups.csv", { "if-none-match": etag });
    expect(again.status).to.equal(304);
    expect(again.bytes.length).to.equal(0);
    expect((await download("cooperative-groups.csv", { "if-modified-since": lastModified })).status).to.equal(304);
    // The other format is another file.
    expect((await download("cooperative-groups.jsonl", { "if-none-match": etag })).status).to.equal(200);
  });

  it("report-figures: one row per half-year up to the last complete one, the 2021-H1 row as the report answers", async () => {
    const file = await download("report-figures.jsonl");
    expect(file.status).to.equal(200);
    const rows = jsonLines(file.bytes);
    const periods = rows.map((r) => `${r.from}/${r.to}`);
    expect(periods).to.include("2021-01-01/2021-06-30");
    rows.forEach((row, i) => {
      if (i > 0) expect(String(row.from) > String(rows[i - 1].from)).to.equal(true);
      expect(String(row.to) < new Date().toISOString().slice(0, 10)).to.equal(true);
    });
    const h1 = rows.find((r) => r.from === "2021-01-01")!;
    expect(h1).to.deep.include({ cooperativeCount: 275, cooperativeGroupCount: 961, memberCount: 14190, unionCount: 1, unionMemberCooperativeCount: 5, newCooperativeCount: 16, stateManagementClassCount: 9, outreachClassCount: 56, newAllianceMemberCount: 7, fundedProjectCount: 22 });
    const dataset = OPEN_DATASETS.find((d) => d.name === "report-figures")!;
    const answer = await graphql<{ r: Record<string, unknown> }>(`{ r: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { ${selectionOf(dataset)} } }`);
    expect(h1).to.deep.equal(answer.data!.r);
  });

  it("serves a DCAT catalogue listing every dataset with working CSV and JSON Lines URLs, licence, update time and descriptions in Vietnamese and English", async () => {
    const base = new URL((await e2eStack()).gatewayUrl).origin;
    const response = await fetch(`${base}/open-data/catalog.json`);
    expect(response.status).to.equal(200);
    expect(response.headers.get("content-type")).to.equal("application/ld+json; charset=utf-8");
    const catalog = (await response.json()) as any;
    expect(catalog["@type"]).to.equal("dcat:Catalog");
    expect(catalog["@context"].dcat).to.equal("http://www.w3.org/ns/dcat#");
    const datasets = catalog["dcat:dataset"] as any[];
    expect(datasets.map((d) => d["dct:identifier"])).to.deep.equal(OPEN_DATASETS.map((d) => d.name));
    for (const dataset of datasets) {
      expect(dataset["dct:description"].map((t: any) => t["@language"])).to.deep.equal(["vi", "en"]);
      expect(dataset["dct:publisher"]["foaf:name"]).to.be.a("string").and.not.equal("");
      expect(Date.parse(dataset["dct:modified"]["@value"])).to.be.greaterThan(0);
      const distributions = dataset["dcat:distribution"] as any[];
      expect(distributions.map((d) => d["dct:format"])).to.deep.equal(["CSV", "JSON Lines"]);
      for (const distribution of distributions) {
        expect(distribution["dct:license"]["@id"]).to.equal("https://creativecommons.org/licenses/by/4.0/");
        const url = distribution["dcat:downloadURL"]["@id"] as string;
        expect(url.startsWith(`${base}/open-data/`)).to.equal(true);
        const head = await fetch(url, { method: "HEAD" });
        expect(head.status, url).to.equal(200);
        expect(distribution["dcat:mediaType"]["@id"]).to.match(new RegExp(`/${head.headers.get("content-type")!.split(";")[0]}$`));
      }
    }
  });

  it("holds no personal data: no member's name, national ID or phone, no legal representative appears in any file", async () => {
    const officer = signToken({ sub: "open-data-test", role: Role.OFFICER });
    const answer = await graphql<{ cooperatives: { edges: { node: { legalRepresentative: string; members: { edges: { node: { fullName: string; nationalId: string | null; phone: string | null } }[] } } }[] } }>(
      `{ cooperatives(first: 10) { edges { node { legalRepresentative members(first: 50) { edges { node { fullName nationalId phone } } } } } } }`,
      {},
      officer,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).to.equal(undefined);
    const personal = new Set<string>();
    for (const { node } of answer.data!.cooperatives.edges) {
      personal.add(node.legalRepresentative);
      for (const { node: member } of node.members.edges) [member.fullName, member.nationalId, member.phone].forEach((v) => v && personal.add(v));
    }
    expect(personal.size).to.be.greaterThan(50);
    for (const dataset of OPEN_DATASETS.filter((d) => d.source !== "gateway")) {
      const values = jsonLines((await download(`${dataset.name}.jsonl`)).bytes).flatMap((row) => Object.values(row).flat());
      const leaked = values.filter((v) => typeof v === "string" && personal.has(v));
      expect(leaked, dataset.name).to.deep.equal([]);
    }
  });

  describe("fair use", () => {
    let gateway: RunningGateway | undefined;
    before(async () => {
      const stack = await e2eStack();
      gateway = await startGateway({
        port: await freePort(),
        subgraphUrls: Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.url])),
        fairUse: { enabled: true, costPerWindow: 15_000, windowSeconds: 60, expensiveCost: 10_000 },
      });
    });
    after(() => gateway?.stop());

    it("counts a download as an expensive operation: the second one within the window is refused with 429 and Retry-After; a 304 costs nothing", async () => {
      const url = new URL("/open-data/cooperative-unions.csv", gateway!.url);
      const first = await fetch(url);
      expect(first.status).to.equal(200);
      await first.arrayBuffer();
      const revalidated = await fetch(url, { headers: { "if-none-match": first.headers.get("etag")! } });
      expect(revalidated.status).to.equal(304);
      const second = await fetch(url.toString().replace(".csv", ".jsonl"));
      expect(second.status).to.equal(429);
      expect(Number(second.headers.get("retry-after"))).to.be.within(1, 60);
      const body = (await second.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).to.equal("RATE_LIMITED");
    });
  });

  it("answers 404 for an unknown dataset or format, and the subgraphs' internal routes refuse callers without the gateway secret", async () => {
    expect((await download("members.csv")).status).to.equal(404);
    expect((await download("cooperatives.xlsx")).status).to.equal(404);
    // The registry's internal dataset (the places trade's report counts by) is not served to the public.
    expect((await download("cooperative-places.jsonl")).status).to.equal(404);
    const registry = (await e2eStack()).subgraphs.find((s) => s.name === "registry")!;
    const direct = await fetch(new URL("/open-data/cooperatives.csv", registry.url));
    expect(direct.status).to.equal(401);
    expect((await fetch(new URL("/open-data/cooperative-places.jsonl", registry.url))).status).to.equal(401);
  });
});
