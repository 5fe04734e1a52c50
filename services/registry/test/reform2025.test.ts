import { createHash } from "node:crypto";
import { expect } from "chai";
import { DataSource } from "typeorm";
import { createDataSource, dropDatabase } from "@camau/shared";
import { freshDatabase, SubgraphUnderTest } from "@camau/shared/testing";
import { registryEntities } from "../src/entities";
import { InitialRegistry1700000000000 } from "../src/migrations/1700000000000-InitialRegistry";
import { ReferenceData1700000000001 } from "../src/migrations/1700000000001-ReferenceData";
import { Rollup1726000000000 } from "../src/migrations/1726000000000-Rollup";
import { ReportRollups1730000000000 } from "../src/migrations/1730000000000-ReportRollups";
import { Reform2025Units1760000000000 } from "../src/migrations/1760000000000-Reform2025Units";
import {
  ADMINISTRATIVE_UNITS,
  BAC_LIEU_PRE_2025_DISTRICTS,
  INITIAL_ADMINISTRATIVE_UNITS,
  POST_2025_COMMUNES,
  PRE_2025_DISTRICTS,
} from "@camau/shared";
import { ADMINISTRATIVE_UNIT_SUCCESSION } from "@camau/shared";
import { startRegistry } from "./support";

const oldCommunes = [...PRE_2025_DISTRICTS, ...BAC_LIEU_PRE_2025_DISTRICTS].flatMap((d) => d.communes.map(([code, name]) => ({ code, name, districtCode: d.code })));

describe("registry: the July 2025 reform's reference data", () => {
  it("has the two old trees: 9 + 7 district-level units, 101 + 64 communes, wards and townships", () => {
    expect(PRE_2025_DISTRICTS.map((d) => d.code)).to.deep.equal(["964", "966", "967", "968", "969", "970", "971", "972", "973"]);
    expect(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => d.name)).to.deep.equal([
      "Thành phố Bạc Liêu", "Huyện Hồng Dân", "Huyện Phước Long", "Huyện Vĩnh Lợi", "Thị xã Giá Rai", "Huyện Đông Hải", "Huyện Hòa Bình",
    ]);
    expect(PRE_2025_DISTRICTS.flatMap((d) => d.communes)).to.have.length(101);
    expect(BAC_LIEU_PRE_2025_DISTRICTS.flatMap((d) => d.communes)).to.have.length(64);
    // GSO commune codes are five digits and unique nationwide, so one code system holds both provinces.
    expect(new Set(oldCommunes.map((c) => c.code)).size).to.equal(oldCommunes.length);
    for (const c of oldCommunes) expect(c.code, c.name).to.match(/^3[12]\d{3}$/);
  });

  it("keeps the units the first migration inserted, though the current lists are built from them", () => {
    // Digest of the 131 rows ReferenceData inserted on every database so far: they must never change.
    const digest = createHash("sha256").update(JSON.stringify(INITIAL_ADMINISTRATIVE_UNITS)).digest("hex");
    expect(digest).to.equal("255f10ff69cf769cb281f47c2f6d1c46b9255395d97fff24d8ae3eaa44d853e0");
  });

  it("has the new province's 64 units: 55 communes and 9 wards, codes unique", () => {
    expect(POST_2025_COMMUNES).to.have.length(64);
    expect(POST_2025_COMMUNES.filter(([, , kind]) => kind === "COMMUNE")).to.have.length(55);
    const wards = POST_2025_COMMUNES.filter(([, , kind]) => kind === "WARD").map(([, name]) => name);
    expect(wards).to.have.members(["Phường An Xuyên", "Phường Lý Văn Lâm", "Phường Tân Thành", "Phường Hòa Thành", "Phường Bạc Liêu", "Phường Vĩnh Trạch", "Phường Hiệp Thành", "Phường Giá Rai", "Phường Láng Tròn"]);
    for (const [, name, kind] of POST_2025_COMMUNES) expect(name.startsWith(kind === "WARD" ? "Phường " : "Xã "), name).to.equal(true);
    expect(new Set(POST_2025_COMMUNES.map(([code]) => code)).size).to.equal(64);
    expect(new Set(POST_2025_COMMUNES.map(([, name]) => name)).size).to.equal(64);
    const keys = ADMINISTRATIVE_UNITS.map((u) => `${u.codeSystem}:${u.code}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it("gives every old commune a successor and every new unit a predecessor, and lists the parts of each split commune", () => {
    const newCodes = new Set(POST_2025_COMMUNES.map(([code]) => code));
    const byOld = new Map<string, typeof ADMINISTRATIVE_UNIT_SUCCESSION[number][]>();
    for (const row of ADMINISTRATIVE_UNIT_SUCCESSION) {
      expect(newCodes.has(row.newCode), row.newCode).to.equal(true);
      byOld.set(row.oldCode, [...(byOld.get(row.oldCode) ?? []), row]);
    }
    for (const c of oldCommunes) expect(byOld.has(c.code), `${c.name} (${c.districtCode})`).to.equal(true);
    expect([...byOld.keys()].every((code) => oldCommunes.some((c) => c.code === code))).to.equal(true);
    expect(new Set(ADMINISTRATIVE_UNIT_SUCCESSION.map((r) => r.newCode)).size).to.equal(64);
    // A commune goes whole into one new unit, or is split into two or more parts, none whole.
    for (const [code, rows] of byOld) {
      if (rows.some((r) => r.whole)) expect(rows, code).to.have.length(1);
      else expect(rows.length, code).to.be.at.least(2);
    }
    const split = [...byOld].filter(([, rows]) => !rows[0].whole).map(([code, rows]) => [code, rows.map((r) => r.newCode).sort()]);
    // Resolution 1655/NQ-UBTVQH15: the 19 units it splits ("một phần" ... "phần còn lại").
    expect(Object.fromEntries(split)).to.deep.equal({
      "32155": ["32152", "32155"], // Tạ An Khương → Tạ An Khương, Đầm Dơi
      "32048": ["32044", "32047"], // Khánh Thuận → Nguyễn Phích, U Minh
      "32056": ["32047", "32062"], // Khánh Lâm → U Minh, Khánh Lâm
      "32053": ["32044", "32059", "32062"], // Nguyễn Phích → Nguyễn Phích, Khánh An, Khánh Lâm
      "32245": ["32244", "32248"], // Tân Ân → Phan Ngọc Hiển, Đất Mũi
      "32242": ["32201", "32248"], // Viên An → Đất Mới, Đất Mũi
      "32107": ["32095", "32104"], // Trần Hợi → Trần Văn Thời, Đá Bạc
      "32124": ["32095", "32098"], // Phong Điền → Trần Văn Thời, Sông Đốc
      "32122": ["32014", "32095", "32134"], // Lợi An → Lý Văn Lâm, Trần Văn Thời, Lương Thế Trân
      "32191": ["32191", "32201"], // Thị trấn Năm Căn → Năm Căn, Đất Mới
      "32194": ["32191", "32201"], // Hàm Rồng → Năm Căn, Đất Mới
      "32141": ["32137", "32140", "32214"], // Hòa Mỹ → Tân Hưng, Hưng Mỹ, Phú Mỹ
      "32142": ["32128", "32137"], // Đông Hưng → Cái Nước, Tân Hưng
      "32143": ["32128", "32137"], // Đông Thới → Cái Nước, Tân Hưng
      "32146": ["32128", "32140"], // Tân Hưng Đông → Cái Nước, Hưng Mỹ
      "32020": ["32025", "32041"], // Phường 7 (Cà Mau) → Tân Thành, Hòa Thành
      "32017": ["32025", "32041"], // Phường 6 (Cà Mau) → Tân Thành, Hòa Thành
      "32035": ["32025", "32041"], // Định Bình → Tân Thành, Hòa Thành
      "32029": ["32025", "32041"], // Tắc Vân → Tân Thành, Hòa Thành
    });
  });
});

describe("registry: the Reform2025Units migration", function () {
  this.timeout(120_000);
  let url: string;
  let ds: DataSource;

  before(async () => {
    url = await freshDatabase("registry_reform");
    const dataSource = (migrations: Function[]) => createDataSource({ name: "registry-reform-test", url, entities: registryEntities, migrations }).dataSource;
    // First the database as it was before the reform's migration, with addresses under the first migration's codes:
    // 32002 was Phường 9 and 32005 Phường 4 there; the GSO codes are 31999 and 32002.
    const earlier = dataSource([InitialRegistry1700000000000, ReferenceData1700000000001, Rollup1726000000000, ReportRollups1730000000000]);
    await earlier.initialize();
    try {
      await earlier.runMigrations();
      await earlier.query(
        `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, charter_capital, legal_representative, version)
         VALUES ('9600000001', 'HTX Phường 9', 'ACTIVE', '2020-01-01', '2020-01-01', '2012', 'AGRICULTURE', '32002', '964', 0, 'A', 1),
                ('9600000002', 'HTX Phường 4', 'ACTIVE', '2020-01-01', '2020-01-01', '2012', 'AGRICULTURE', '32005', '964', 0, 'B', 1)`,
      );
      await earlier.query(`INSERT INTO cooperative_group (name, commune_code, district_code, sector_code, founded_on, status, version) VALUES ('THT Tân Đức', '32194', '970', 'AGRICULTURE', '2020-01-01', 'ACTIVE', 1)`);
    } finally {
      await earlier.destroy();
    }
    ds = dataSource([InitialRegistry1700000000000, ReferenceData1700000000001, Rollup1726000000000, ReportRollups1730000000000, Reform2025Units1760000000000]);
    await ds.initialize();
  });

  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (url) await dropDatabase(url);
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await ds.query(sql, params))[0].count);

  it("moves addresses to the corrected codes (codes swap between wards), then loads the full reform", async () => {
    await ds.runMigrations();

    const coops = await ds.query(`SELECT c.name, c.commune_code, u.name AS unit FROM cooperative c JOIN administrative_unit u ON u.code_system = 'PRE_2025' AND u.code = c.commune_code ORDER BY c.code`);
    expect(coops).to.deep.equal([
      { name: "HTX Phường 9", commune_code: "31999", unit: "Phường 9" },
      { name: "HTX Phường 4", commune_code: "32002", unit: "Phường 4" },
    ]);
    expect(await ds.query(`SELECT commune_code FROM cooperative_group`)).to.deep.equal([{ commune_code: "32164" }]);
  });

  it("holds both old trees and the new one, with codes unique per code system", async () => {
    const pre = `code_system = 'PRE_2025'`;
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE ${pre} AND level = 'PROVINCE'`)).to.equal(2);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE ${pre} AND level = 'DISTRICT' AND parent_code = '96'`)).to.equal(9);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE ${pre} AND level = 'DISTRICT' AND parent_code = '95'`)).to.equal(7);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE ${pre} AND level = 'COMMUNE'`)).to.equal(165);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE ${pre} AND valid_to <> '2025-06-30'`)).to.equal(0);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'POST_2025' AND level = 'COMMUNE' AND name LIKE 'Xã %'`)).to.equal(55);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'POST_2025' AND level = 'COMMUNE' AND name LIKE 'Phường %'`)).to.equal(9);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'POST_2025' AND valid_from <> '2025-07-01'`)).to.equal(0);
    // Exactly the data module's units: nothing left of the illustrative list or of the old codes.
    const rows: { key: string }[] = await ds.query(`SELECT code_system || ':' || code || ':' || name || ':' || coalesce(parent_code, '') AS key FROM administrative_unit`);
    expect(rows.map((r) => r.key)).to.have.members(ADMINISTRATIVE_UNITS.map((u) => `${u.codeSystem}:${u.code}:${u.name}:${u.parentCode ?? ""}`));
  });

  it("records the succession: every old commune has a successor, every new unit a predecessor", async () => {
    expect(await count(`SELECT count(*) FROM administrative_unit_succession`)).to.equal(ADMINISTRATIVE_UNIT_SUCCESSION.length);
    expect(await count(`SELECT count(*) FROM administrative_unit o WHERE o.code_system = 'PRE_2025' AND o.level = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM administrative_unit_succession s WHERE s.old_unit_id = o.id)`)).to.equal(0);
    expect(await count(`SELECT count(*) FROM administrative_unit n WHERE n.code_system = 'POST_2025' AND n.level = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM administrative_unit_succession s WHERE s.new_unit_id = n.id)`)).to.equal(0);
    expect(await count(`SELECT count(*) FROM administrative_unit_succession s JOIN administrative_unit o ON o.id = s.old_unit_id WHERE o.code <> s.old_code`)).to.equal(0);
    const split: { old_code: string; parts: string }[] = await ds.query(
      `SELECT old_code, string_agg(new_code, ',' ORDER BY new_code) AS parts FROM administrative_unit_succession WHERE NOT whole GROUP BY old_code HAVING count(*) >= 2 ORDER BY old_code`,
    );
    expect(split).to.have.length(19);
    expect(split.find((s) => s.old_code === "32122")).to.deep.equal({ old_code: "32122", parts: "32014,32095,32134" }); // Lợi An, in three parts
    const [row] = await ds.query(`SELECT whole, effective_on::text AS effective_on, source FROM administrative_unit_succession WHERE old_code = '31951'`);
    expect(row).to.deep.equal({ whole: true, effective_on: "2025-07-01", source: "Resolution 1655/NQ-UBTVQH15 (16 June 2025), Article 1, clause 59" });
  });

  it("reverts to the first migration's units", async () => {
    const before: { key: string }[] = await ds.query(`SELECT count(*)::text AS key FROM administrative_unit`);
    await ds.undoLastMigration();
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'PRE_2025' AND level = 'COMMUNE'`)).to.equal(101);
    expect(await count(`SELECT count(*) FROM administrative_unit WHERE code_system = 'POST_2025' AND level = 'COMMUNE'`)).to.equal(19);
    expect(await ds.query(`SELECT commune_code FROM cooperative ORDER BY code`)).to.deep.equal([{ commune_code: "32002" }, { commune_code: "32005" }]);
    await ds.runMigrations();
    expect(await ds.query(`SELECT count(*)::text AS key FROM administrative_unit`)).to.deep.equal(before);
  });
});

describe("registry: administrativeUnits across the reform", function () {
  this.timeout(120_000);
  let registry: SubgraphUnderTest;

  before(async () => {
    registry = await startRegistry();
  });

  after(async () => {
    await registry?.stop();
  });

  it("lists the new province's 64 communes and wards after the reform", async () => {
    const result = await registry.query(`{ administrativeUnits(asOf: "2026-06-30", level: COMMUNE) { code name codeSystem parentCode validFrom validTo } }`);
    expect(result.errors).to.equal(undefined);
    const units = result.data!.administrativeUnits as { code: string; name: string; codeSystem: string; parentCode: string; validTo: string | null }[];
    expect(units).to.have.length(64);
    expect(units.every((u) => u.codeSystem === "POST_2025" && u.parentCode === "96" && u.validTo === null)).to.equal(true);
    expect(units.find((u) => u.code === "32014")?.name).to.equal("Phường Lý Văn Lâm");
  });

  it("lists the old trees the day before, old Bạc Liêu included", async () => {
    const result = await registry.query(`{ administrativeUnits(asOf: "2025-06-30", level: DISTRICT) { code parentCode } }`);
    expect(result.errors).to.equal(undefined);
    const units = result.data!.administrativeUnits as { code: string; parentCode: string }[];
    expect(units.filter((u) => u.parentCode === "96")).to.have.length(9);
    expect(units.filter((u) => u.parentCode === "95")).to.have.length(7);
    // The 2021 demo period sees old Cà Mau's tree only, as before.
    const in2021 = await registry.query(`{ administrativeUnits(asOf: "2021-06-30", level: DISTRICT) { code } }`);
    expect(in2021.data!.administrativeUnits.map((u: { code: string }) => u.code)).to.deep.equal(["964", "966", "967", "968", "969", "970", "971", "972", "973"]);
  });
});
