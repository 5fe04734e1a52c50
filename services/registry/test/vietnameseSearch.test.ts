import { expect } from "chai";
import { Client } from "pg";
import { RANKED_CANDIDATES } from "@camau/shared";
import { judgeSearch, SubgraphUnderTest } from "@camau/shared/testing";
import { startRegistry } from "./support";

/** The alphabet in Vietnamese order. */
const ALPHABET = ["A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I", "K", "L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y"];

/** Cooperatives of the search tests: key → name and address [code system, commune, district]. */
const COOPERATIVES: Record<string, [name: string, codeSystem: string, commune: string, district: string | null]> = {
  c1: ["Hợp tác xã Nông nghiệp Khánh Hòa", "PRE_2025", "32047", "966"],
  c2: ["HTX Nông nghiệp Thạnh Phú", "PRE_2025", "32128", "969"],
  c3: ["Hợp tác xã Lúa tôm Nguyễn Phích", "PRE_2025", "32053", "966"],
  c4: ["HTX Dịch vụ Lúa-Tôm Tân Tiến", "PRE_2025", "32095", "968"],
  c5: ["Hợp tác xã Thủy sản Đất Mũi", "POST_2025", "32044", null],
  c6: ["Hợp tác xã Nông nghiệp công nghệ cao Hòa Thành", "PRE_2025", "32038", "964"],
  c7: ["Quỹ tín dụng nhân dân Tân Thành", "PRE_2025", "32095", "968"],
  c8: ["Hợp tác xã Muối Tân Thuận", "PRE_2025", "32167", "970"],
  c9: ["Hợp tác xã Mật ong U Minh Hạ", "PRE_2025", "32095", "968"],
  c10: ["Hợp tác xã Vận tải Phương Nam", "PRE_2025", "32095", "968"],
  c11: ["Hợp tác xã Hoàng Long", "PRE_2025", "32095", "968"],
  c12: ["Hợp tác xã Thoại Sơn", "PRE_2025", "32095", "968"],
};

const GROUPS: Record<string, [name: string, commune: string, district: string | null]> = {
  g1: ["Tổ hợp tác Nuôi tôm Khánh Hòa", "32047", "966"],
  g2: ["THT Lúa-tôm Nguyễn Phích", "32044", null],
  g3: ["Tổ hợp tác Rau sạch Tân Thành", "32095", "968"],
};

/** Queries as people type them, with the cooperatives a person expects (judged from names and locations). */
const JUDGED_COOPERATIVES = [
  { query: "nong nghiep", expected: ["c1", "c2", "c6"] },
  { query: "HTX nong nghiep", expected: ["c1", "c2", "c6"] },
  { query: "hợp tác xã nông nghiệp", expected: ["c1", "c2", "c6"] },
  { query: "nong nghep", expected: ["c1", "c2", "c6"] },
  { query: "lúa-tôm", expected: ["c3", "c4"] },
  { query: "lua tom", expected: ["c3", "c4"] },
  { query: "Huyện U Minh", expected: ["c1", "c3", "c5"] },
  { query: "Nguyễn Phích", expected: ["c3", "c5"] },
  { query: "nguyen phic", expected: ["c3", "c5"] },
  { query: "QTDND Tan Thanh", expected: ["c7"] },
  { query: "quy tin dung", expected: ["c7"] },
  { query: "muoi", expected: ["c8"] },
  { query: "dat mui", expected: ["c5"] },
  { query: "HTX thuy san Dat Mui", expected: ["c5"] },
  { query: "van tai", expected: ["c10"] },
  { query: "mat ong u minh", expected: ["c9"] },
  { query: "Đầm Dơi", expected: ["c8"] },
];

const JUDGED_GROUPS = [
  { query: "THT nuoi tom", expected: ["g1"] },
  { query: "to hop tac lua-tom", expected: ["g2"] },
  { query: "Huyện U Minh", expected: ["g1", "g2"] },
  { query: "rau sach", expected: ["g3"] },
  { query: "nguyen phic", expected: ["g2"] },
];

describe("registry subgraph: names in Vietnamese order, search as a Vietnamese user expects", function () {
  let registry: SubgraphUnderTest;
  let db: Client;
  const codeOf = new Map<string, string>();
  const keyOfCode = new Map<string, string>();

  const insertCooperative = (code: string, name: string, codeSystem: string, commune: string, district: string | null) =>
    db.query(
      `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, address_code_system, charter_capital, legal_representative, version)
       VALUES ($1, $2, 'ACTIVE', '2020-01-01', '2020-01-01', 'LAW_2012', 'AGRICULTURE', $3, $4, $5, 100000000, 'Nguyễn Văn A', 1)`,
      [code, name, commune, district, codeSystem],
    );

  before(async function () {
    this.timeout(120_000);
    registry = await startRegistry();
    db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
  });

  after(async () => {
    await db?.end();
    await registry?.stop();
  });

  describe("sorting", () => {
    const names = [
      ...ALPHABET.map((letter, i) => `${i % 3 === 1 ? letter.toLowerCase() : letter}ạch Thử ${String(i).padStart(2, "0")}`),
      "Bình Tây", "Bình Đông", "Tiến", "Tân", "dương", "Dương", "Đại", "đại", "Em", "zebra",
    ];

    before(async () => {
      // Inserted in reverse code-point order, so insertion or code-point order would both show.
      const byCodePoint = [...names].sort().reverse();
      for (const [i, name] of byCodePoint.entries()) await insertCooperative(`30000000${String(i).padStart(2, "0")}`, name, "PRE_2025", "32047", "966");
    });

    after(async () => {
      await db.query(`DELETE FROM cooperative WHERE code LIKE '30000000%'`);
    });

    async function allPages(direction: "forward" | "backward", size: number): Promise<string[]> {
      const names: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const args = direction === "forward" ? `first: ${size}, after: $cursor` : `last: ${size}, before: $cursor`;
        const result: { data?: any; errors?: unknown } = await registry.query(`query ($cursor: String) { cooperatives(orderBy: [{ field: NAME }], ${args}) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, { cursor });
        expect(result.errors).to.equal(undefined);
        const page: any = result.data!.cooperatives;
        const pageNames = page.edges.map((e: { node: { name: string } }) => e.node.name);
        if (direction === "forward") names.push(...pageNames);
        else names.unshift(...pageNames);
        const more = direction === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
        if (!more) return names;
        cursor = direction === "forward" ? page.pageInfo.endCursor : page.pageInfo.startCursor;
      }
    }

    it("pages through the alphabet A Ă Â B C D Đ E Ê … U Ư V X Y in order, forward and backward, case-insensitively", async () => {
      const forward = await allPages("forward", 4);
      expect(forward).to.have.length(names.length);
      expect(await allPages("backward", 3)).to.deep.equal(forward);
      const alphabetRows = forward.filter((n) => n.includes("ạch Thử"));
      expect(alphabetRows.map((n) => n.charAt(0).toUpperCase())).to.deep.equal(ALPHABET);
      const at = (name: string) => forward.indexOf(name);
      expect(at("Bình Đông")).to.be.lessThan(at("Bình Tây"));
      expect(at("Tân")).to.be.lessThan(at("Tiến"));
      for (const d of ["Đại", "đại"]) {
        expect(at(d)).to.be.greaterThan(at("Dương")).and.greaterThan(at("dương"));
        expect(at(d)).to.be.lessThan(at("Em"));
      }
      expect(at("zebra")).to.be.greaterThan(at("Đại"));
      expect(at("Đại")).to.be.lessThan(at(alphabetRows[alphabetRows.length - 1]));
    });

    it("keeps the same order for groups and unions, and uses an index of that order for the pages", async () => {
      for (const table of ["cooperative", "cooperative_group", "cooperative_union"]) {
        await db.query("BEGIN");
        try {
          // On a tiny table the planner prefers a scan and a sort; forbid them to see which index serves the order.
          await db.query("SET LOCAL enable_seqscan = off");
          await db.query("SET LOCAL enable_sort = off");
          const { rows } = await db.query(
            `EXPLAIN SELECT id FROM ${table} t WHERE (t.name COLLATE vietnamese_ci > $1 OR (t.name COLLATE vietnamese_ci = $1 AND t.id > $2)) ORDER BY t.name COLLATE vietnamese_ci, t.id LIMIT 21`,
            ["Bình", "00000000-0000-0000-0000-000000000000"],
          );
          const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
          expect(plan).to.match(new RegExp(`Index (Only )?Scan using ${table}_vietnamese_name`));
          expect(plan).not.to.match(/Sort/);
        } finally {
          await db.query("ROLLBACK");
        }
      }
    });
  });

  describe("search", () => {
    before(async () => {
      for (const [i, [key, [name, codeSystem, commune, district]]] of Object.entries(COOPERATIVES).entries()) {
        const code = `31000000${String(i).padStart(2, "0")}`;
        codeOf.set(key, code);
        keyOfCode.set(code, key);
        await insertCooperative(code, name, codeSystem, commune, district);
      }
      for (const [key, [name, commune, district]] of Object.entries(GROUPS)) {
        await db.query(
          `INSERT INTO cooperative_group (name, commune_code, district_code, sector_code, founded_on, status, version) VALUES ($1, $2, $3, 'AGRICULTURE', '2020-01-01', 'ACTIVE', 1)`,
          [name, commune, district],
        );
        keyOfCode.set(name, key);
      }
    });

    const searchCooperatives = async (query: string, extra = ""): Promise<string[]> => {
      const result = await registry.query(`query ($q: String) { cooperatives(filter: { search: $q }, first: 100${extra}) { totalCount edges { node { code name } } } }`, { q: query });
      expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
      return result.data!.cooperatives.edges.map((e: { node: { code: string } }) => keyOfCode.get(e.node.code)!);
    };

    it("finds the judged cooperatives: every expected one, and few others", async () => {
      const { results, precision, recall } = await judgeSearch("cooperatives", JUDGED_COOPERATIVES, (q) => searchCooperatives(q));
      for (const r of results) expect(r.recall, `recall of ${r.query}: found ${r.found}`).to.equal(1);
      expect(recall).to.equal(1);
      expect(precision).to.be.at.least(0.95);
    });

    it("treats a legal-form abbreviation as its words: 'HTX nong nghiep' finds what 'nong nghiep' finds", async () => {
      expect((await searchCooperatives("HTX nong nghiep")).sort()).to.deep.equal((await searchCooperatives("nong nghiep")).sort());
      // A people's credit fund is a cooperative too (a credit cooperative).
      expect((await searchCooperatives("hop tac xa")).length).to.equal(Object.keys(COOPERATIVES).length);
    });

    it("ranks whole words first, then word prefixes, then words inside words; name order on request", async () => {
      const ranked = await searchCooperatives("hoa");
      // Khánh Hòa and Hòa Thành hold the whole word, Hoàng Long a word starting with it, Thoại Sơn a word containing it.
      expect(ranked.slice(0, 2).sort()).to.deep.equal(["c1", "c6"]);
      expect(ranked.indexOf("c11")).to.be.greaterThan(1);
      expect(ranked.indexOf("c12")).to.be.greaterThan(ranked.indexOf("c11"));
      const byName = await searchCooperatives("hoa", ", orderBy: [{ field: NAME }]");
      expect(byName.map((k) => COOPERATIVES[k][0])).to.deep.equal(
        [...byName.map((k) => COOPERATIVES[k][0])].sort((a, b) => a.localeCompare(b, "vi", { sensitivity: "accent" })),
      );
      expect(byName).to.have.members(ranked);
    });

    it("pages a ranked search with its cursors, forward and back, in the same order", async () => {
      const all = await searchCooperatives("hop tac xa");
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const r: { data?: any; errors?: unknown } = await registry.query(`query ($a: String) { cooperatives(filter: { search: "hop tac xa" }, first: 3, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`, { a: after });
        expect(r.errors).to.equal(undefined);
        seen.push(...r.data!.cooperatives.edges.map((e: { node: { code: string } }) => keyOfCode.get(e.node.code)!));
        if (!r.data!.cooperatives.pageInfo.hasNextPage) break;
        after = r.data!.cooperatives.pageInfo.endCursor;
      }
      expect(seen).to.deep.equal(all);
    });

    it("refuses RELEVANCE order without a search", async () => {
      const result = await registry.query(`{ cooperatives(orderBy: [{ field: RELEVANCE }]) { totalCount } }`);
      expect(result.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("finds the judged groups, located searches included", async () => {
      const search = async (q: string) => {
        const result = await registry.query(`query ($q: String) { cooperativeGroups(filter: { search: $q }, first: 100) { edges { node { name } } } }`, { q });
        expect(result.errors).to.equal(undefined);
        return result.data!.cooperativeGroups.edges.map((e: { node: { name: string } }) => keyOfCode.get(e.node.name)!);
      };
      const { results, precision } = await judgeSearch("groups", JUDGED_GROUPS, search);
      for (const r of results) expect(r.recall, `recall of ${r.query}: found ${r.found}`).to.equal(1);
      expect(precision).to.be.at.least(0.95);
    });

    it("keeps a document current when its name or address changes", async () => {
      await db.query(`UPDATE cooperative SET name = 'Hợp tác xã Rừng tràm', commune_code = '32167', district_code = '970' WHERE code = $1`, [codeOf.get("c10")]);
      expect(await searchCooperatives("rung tram dam doi")).to.deep.equal(["c10"]);
      expect(await searchCooperatives("van tai")).to.deep.equal([]);
    });
  });

  describe("a broad search", () => {
    // More matches than a relevance order ranks, all holding "tan" inside a word only and all
    // before the whole-word matches in name order ("Atana…" < "Tân…").
    const FILLERS = 2 * RANKED_CANDIDATES + 100;

    before(async () => {
      await db.query(
        `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, address_code_system, charter_capital, legal_representative, version)
         SELECT '32' || lpad(i::text, 8, '0'), 'Hợp tác xã Atana ' || lpad(i::text, 4, '0'), 'ACTIVE', '2020-01-01', '2020-01-01', 'LAW_2012', 'AGRICULTURE', '32047', '966', 'PRE_2025', 100000000, 'Nguyễn Văn A', 1
         FROM generate_series(1, $1::int) AS i`,
        [FILLERS],
      );
    });

    after(async () => {
      await db.query(`DELETE FROM cooperative WHERE code LIKE '32%' AND name LIKE 'Hợp tác xã Atana %'`);
    });

    it("still returns the best matches first; relevance lists and counts the ranked matches, name order every match", async () => {
      const page = async (orderBy: string) => {
        const result = await registry.query(`{ cooperatives(filter: { search: "tan" }, first: 100${orderBy}) { totalCount edges { node { code name } } } }`);
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        return result.data!.cooperatives as { totalCount: number; edges: { node: { code: string; name: string } }[] };
      };
      const ranked = await page("");
      const keys = ranked.edges.map((e) => keyOfCode.get(e.node.code) ?? e.node.name);
      const firstFiller = keys.findIndex((k) => k.startsWith("Hợp tác xã Atana"));
      // Tân Tiến, Tân Thành and Tân Thuận hold "tan" as a whole word: before every filler.
      for (const best of ["c4", "c7", "c8"]) expect(keys.indexOf(best), `${best} in ${keys.slice(0, 20).join(", ")}`).to.be.within(0, firstFiller - 1);
      expect(firstFiller).to.be.greaterThan(0);
      const byName = await page(", orderBy: [{ field: NAME }]");
      expect(byName.totalCount).to.be.greaterThan(FILLERS);
      // The relevance order holds the ranked candidates only; its count is theirs, bounded
      // whatever the number of matches, and exactly the rows its pages go through.
      expect(ranked.totalCount).to.be.within(RANKED_CANDIDATES, 2 * RANKED_CANDIDATES);
      let listed = 0;
      let after: string | null = null;
      for (;;) {
        const result = await registry.query(`query ($after: String) { cooperatives(filter: { search: "tan" }, first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`, { after });
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        const connection = result.data!.cooperatives as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        listed += connection.edges.length;
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(listed).to.equal(ranked.totalCount);
    });

    /** Every page of a search in relevance order, forward by `first: 100`: the codes or names listed and the first page's totalCount. */
    const everyPage = async (search: string) => {
      const listed: string[] = [];
      let totalCount = -1;
      let after: string | null = null;
      for (;;) {
        const result = await registry.query(`query ($q: String, $after: String) { cooperatives(filter: { search: $q }, first: 100, after: $after) { totalCount edges { node { code name } } pageInfo { hasNextPage endCursor } } }`, { q: search, after });
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        const connection = result.data!.cooperatives as { totalCount: number; edges: { node: { code: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        if (after === null) totalCount = connection.totalCount;
        listed.push(...connection.edges.map((e) => keyOfCode.get(e.node.code) ?? e.node.name));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return { listed, totalCount };
    };

    it("pages a broad search and a rare one among its matches through their candidates once each, and counts them without a page", async () => {
      for (const search of ["tan", "atana", "Atana 0042"]) {
        const { listed, totalCount } = await everyPage(search);
        expect(new Set(listed).size, search).to.equal(listed.length);
        expect(listed.length, search).to.equal(totalCount);
        const countOnly = await registry.query(`query ($q: String) { cooperatives(filter: { search: $q }, first: 0) { totalCount edges { cursor } } }`, { q: search });
        expect(countOnly.errors, JSON.stringify(countOnly.errors)).to.equal(undefined);
        expect((countOnly.data!.cooperatives as { totalCount: number }).totalCount, search).to.equal(totalCount);
      }
      expect((await everyPage("atana")).totalCount).to.be.within(RANKED_CANDIDATES, 2 * RANKED_CANDIDATES);
      // "0042" is also inside the codes of the fillers 0420–0429 (3200000420…): the whole word first.
      expect((await everyPage("Atana 0042")).listed[0]).to.equal("Hợp tác xã Atana 0042");
    });

    it("reads the table from its first page in every session, so every page of a broad search ranks the same candidates", async () => {
      // A scan may otherwise start where another one is, in tables larger than a quarter of shared_buffers (national scale).
      const { rows } = await db.query<{ synchronize_seqscans: string }>("SHOW synchronize_seqscans");
      expect(rows[0].synchronize_seqscans).to.equal("off");
    });

    it("falls back to the near spellings of a word in many rows when it finds nothing as typed, bounded and paged once each", async () => {
      // "atanna" is nowhere; one letter less it is in every filler.
      const { listed, totalCount } = await everyPage("atanna");
      expect(totalCount).to.be.within(RANKED_CANDIDATES, 2 * RANKED_CANDIDATES);
      expect(listed.length).to.equal(totalCount);
      expect(new Set(listed).size).to.equal(listed.length);
      for (const name of listed) expect(name).to.match(/^Hợp tác xã Atana \d{4}$/);
    });

    it("counts every match in relevance order when a search finds fewer than it ranks", async () => {
      const count = async (search: string, orderBy: string) => {
        const result = await registry.query(`query ($q: String) { cooperatives(filter: { search: $q }${orderBy}) { totalCount } }`, { q: search });
        expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
        return (result.data!.cooperatives as { totalCount: number }).totalCount;
      };
      for (const search of ["tan", "Atana 00", "atana 0001"]) {
        const byName = await count(search, ", orderBy: [{ field: NAME }]");
        if (byName >= RANKED_CANDIDATES) continue;
        expect(byName, search).to.be.greaterThan(0);
        expect(await count(search, ""), search).to.equal(byName);
      }
    });
  });
});
