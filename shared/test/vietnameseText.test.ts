import { expect } from "chai";
import { Client } from "pg";
import type { QueryRunner } from "typeorm";
import { cleanText, dropDatabase, oneEditPatterns, searchClause, searchWords, VietnameseText1780000000000 } from "../src";
import { debianPostgresAvailable, freshDatabase, requireSystemTool, startReplicatedPostgres } from "../src/testing";

/** The alphabet in Vietnamese order, each letter starting a name, upper and lower case mixed. */
export const VIETNAMESE_ALPHABET = ["A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I", "K", "L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y"];

async function migrated(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await new VietnameseText1780000000000().up({ query: (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows) } as unknown as QueryRunner);
  return client;
}

/** What a server must do for names and searches; run on the embedded server and on Debian's PostgreSQL. */
async function checkServer(client: Client): Promise<void> {
  const shuffled = VIETNAMESE_ALPHABET.map((letter, i) => `${i % 2 ? letter.toLowerCase() : letter}ạch ${i}`).reverse();
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) name ORDER BY name COLLATE vietnamese_ci`, [shuffled]);
  expect(rows.map((r) => r.name.charAt(0).toUpperCase())).to.deep.equal(VIETNAMESE_ALPHABET);

  const before = async (a: string, b: string) => (await client.query<{ ok: boolean }>(`SELECT $1::text COLLATE vietnamese_ci < $2::text AS ok`, [a, b])).rows[0].ok;
  expect(await before("Bình Đông", "Bình Tây")).to.equal(true);
  expect(await before("Tân", "Tiến")).to.equal(true);
  expect(await before("Dương", "Đại")).to.equal(true);
  expect(await before("Đại", "Em")).to.equal(true);
  expect(await before("đại", "Em")).to.equal(true);
  expect(await before("zebra", "Đại")).to.equal(false);
  expect(await before("an", "Bình")).to.equal(true);
  expect(await before("An", "bình")).to.equal(true);

  const text = async (value: string) => (await client.query<{ t: string }>(`SELECT search_text($1) AS t`, [value])).rows[0].t;
  expect(await text("HTX Nông nghiệp Đông Hải")).to.equal("hop tac xa nong nghiep dong hai");
  expect(await text("THT nuôi tôm; QTDND Tân Thành")).to.equal("to hop tac nuoi tom quy tin dung nhan dan tan thanh");
  expect(await text("LHHTX  lúa-tôm (U Minh)")).to.equal("lien hiep hop tac xa lua tom u minh");
  expect(await text("Hợp tác xã Thạnh Phú".normalize("NFD"))).to.equal("hop tac xa thanh phu");
  // An abbreviation inside a word is left alone.
  expect(await text("HTXA")).to.equal("htxa");
}

describe("Vietnamese text: one normalisation for search, one collation for names", () => {
  it("splits searches at anything that is not a letter or a digit, keeping the words as typed", () => {
    expect(searchWords("  Hợp tác".normalize("NFD") + "   xã ")).to.deep.equal(["Hợp", "tác", "xã"]);
    expect(searchWords("lúa-tôm, U Minh/Cà Mau")).to.deep.equal(["lúa", "tôm", "U", "Minh", "Cà", "Mau"]);
    expect(searchWords("50%_a\\b")).to.deep.equal(["50", "a", "b"]);
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).to.have.length(10);
  });

  it("turns a search into a condition per word with its words as parameters only, and finds nothing without a usable word", () => {
    const clause = searchClause("c.search_document", "HTX nông'; DROP TABLE x --");
    expect(Object.entries(clause.params).filter(([name]) => !name.endsWith("near")).map(([, word]) => word)).to.deep.equal(["HTX", "nông", "DROP", "TABLE", "x"]);
    expect(clause.tolerant).not.to.contain("DROP");
    expect(searchClause("c.search_document", "--- 中文 ---").tolerant).to.equal("false");
  });

  it("spells a word one edit away as LIKE patterns: a letter missing, added, wrong or swapped", () => {
    const patterns = oneEditPatterns("Nghép");
    expect(patterns).to.include.members(["%ngh_ep%", "%ngh_p%", "%nghp%", "%nhgep%"]);
    // Without three letters in a row the trigram index could not narrow it down.
    expect(patterns).not.to.include("%ng_ep%");
    expect(oneEditPatterns("tân")).to.deep.equal([]);
    expect(oneEditPatterns("%_ab")).to.deep.equal([]);
  });

  it("cleans form text: NFC, trimmed, inner white space collapsed", () => {
    expect(cleanText("  Hợp   tác\txã ".normalize("NFD"))).to.equal("Hợp tác xã");
  });

  it("sorts names in the Vietnamese alphabet, case-insensitively, and normalises searches on the embedded server", async () => {
    const url = await freshDatabase("vietnamese_text");
    const client = await migrated(url);
    try {
      await checkServer(client);
    } finally {
      await client.end();
      await dropDatabase(url);
    }
  });

  it("does the same on Debian's PostgreSQL (vi-VN ICU collation there too)", async function () {
    requireSystemTool(this, debianPostgresAvailable(), "Debian's PostgreSQL server", "apt-get install postgresql");
    this.timeout(120_000);
    const server = await startReplicatedPostgres("vietnamese-text");
    let client: Client | undefined;
    try {
      const version = new Client({ connectionString: server.primaryUrl });
      await version.connect();
      const icu = await version.query(`SELECT 1 FROM pg_collation WHERE collname = 'vi-VN-x-icu'`);
      await version.end();
      expect(icu.rowCount, "vi-VN-x-icu exists").to.equal(1);
      client = await migrated(server.primaryUrl);
      await checkServer(client);
    } finally {
      await client?.end();
      await server.stop();
    }
  });
});
