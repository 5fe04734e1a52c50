import { expect } from "chai";
import { DataSource } from "typeorm";
import { createDataSource, dropDatabase, inVietnameseOrder, LegalStatus, OrderDirection, Page, PageArgs, paginate, Rating } from "@camau/shared";
import { freshDatabase, SubgraphUnderTest } from "@camau/shared/testing";
import { Client } from "pg";
import { registryEntities } from "../src/entities";
import { Cooperative } from "../src/entities/Cooperative";
import { CooperativeFilter, CooperativeOrder, CooperativeOrderField } from "../src/inputs/CooperativeFilter";
import { findCooperatives } from "../src/resolvers/cooperativeQuery";
import { registrySubgraph } from "../src/subgraph";
import { startRegistry } from "./support";

/**
 * The portal's list (no search) is read by SQL written in shared's paginateTable rather than by a
 * query builder. Its pages must be what the query builder's `paginate` gave and what the filter
 * means: the same items in the same order (Vietnamese name order, ties by id), the same cursors,
 * page info and totalCount, forward and backward, up to and past the last page.
 */
describe("registry: the cooperative list without a search", function () {
  this.timeout(120_000);
  let url: string;
  let ds: DataSource;

  // Names that tie under the Vietnamese collation (case and diacritics aside) and names that sort
  // differently by bytes than by the collation, so that the order and its id tie-break both matter.
  const NAMES = ["Hợp tác xã Ánh Dương", "hợp tác xã ánh dương", "HTX Đồng Tâm", "HTX Dong Tam", "HTX Bình Minh", "HTX Zeta", "HTX ăn uống", "HTX Ấp Mới"];
  const DISTRICTS = ["964", "966", "967", null];
  const SECTORS = ["AGRICULTURE", "FISHERIES", "SALT"];
  const STATUSES = [LegalStatus.ACTIVE, LegalStatus.ACTIVE, LegalStatus.SUSPENDED, LegalStatus.DISSOLVED];
  const RATINGS = [Rating.GOOD, Rating.FAIR, Rating.AVERAGE, Rating.WEAK];

  before(async () => {
    url = await freshDatabase("registry_cooperative_list");
    ds = createDataSource({ name: "registry-cooperative-list-test", url, entities: registryEntities, migrations: registrySubgraph.migrations }).dataSource;
    await ds.initialize();
    await ds.runMigrations();
    const rows = Array.from({ length: 240 }, (_, i) => {
      const district = DISTRICTS[i % 4];
      return [
        String(9_600_000_000 + i),
        NAMES[(i * 7) % NAMES.length],
        STATUSES[Math.floor(i / 4) % 4],
        `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`,
        SECTORS[(i * 5) % 3],
        district ? `3${district}${i % 3}` : `3200${i % 5}`,
        district,
        district ? "PRE_2025" : "POST_2025",
        (i % 6) * 500_000_000,
        i % 5 === 0,
        i % 4 === 1 ? "2022-01-01" : null,
      ];
    });
    for (const row of rows) {
      await ds.query(
        `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, address_code_system, charter_capital, legal_representative, is_new_model, alliance_joined_on, version)
         VALUES ($1, $2, $3, '2024-01-01', $4, 'LAW_2023', $5, $6, $7, $8, $9, 'Người Đại Diện', $10, $11, 1)`,
        row,
      );
    }
    const ids = (await ds.query(`SELECT id FROM cooperative ORDER BY code`)) as { id: string }[];
    for (const [i, { id }] of ids.entries()) {
      if (i % 3 === 2) continue; // some never rated
      await ds.query(`INSERT INTO classification (cooperative_id, year, score, rating, scheme, classified_on) VALUES ($1, 2022, 50, $2, 'TT01-2020', '2023-03-01'), ($1, 2023, 50, $3, 'TT01-2020', '2024-03-01')`, [
        id,
        RATINGS[i % 4],
        RATINGS[(i * 5) % 4],
      ]);
    }
  });

  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (url) await dropDatabase(url);
  });

  const filterOf = (f: Partial<CooperativeFilter>) => f as CooperativeFilter;
  const order = (field: CooperativeOrderField, direction = OrderDirection.ASC) => ({ field, direction }) as CooperativeOrder;

  /** Every page forward with `first: size`, then every page backward with `last: size`, from findCooperatives. */
  async function walk(filter: CooperativeFilter | null, orderBy: CooperativeOrder[] | null, size: number, countWithPage: boolean) {
    const forward: Page<Cooperative>[] = [];
    let after: string | null = null;
    do {
      const page: Page<Cooperative> = await findCooperatives(ds, filter, orderBy, { first: size, after }, { countWithPage });
      forward.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && forward.length < 500);
    const backward: Page<Cooperative>[] = [];
    let before: string | null = null;
    do {
      const page: Page<Cooperative> = await findCooperatives(ds, filter, orderBy, { last: size, before }, { countWithPage });
      backward.unshift(page);
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before && backward.length < 500);
    return { forward, backward };
  }

  const idsOf = (pages: Page<Cooperative>[]) => pages.flatMap((p) => p.edges.map((e) => e.node.id));

  const CASES: { what: string; filter: Partial<CooperativeFilter> | null; orderBy: CooperativeOrder[] | null; where: string; orderSql: string }[] = [
    { what: "no filter, by name", filter: null, orderBy: null, where: "TRUE", orderSql: `${inVietnameseOrder("name")}, id` },
    {
      what: "the portal's filter: a district, a sector, ACTIVE",
      filter: { districtCodes: ["966"], sectorCodes: ["FISHERIES"], statuses: [LegalStatus.ACTIVE] },
      orderBy: null,
      where: "district_code = '966' AND sector_code = 'FISHERIES' AND status = 'ACTIVE'",
      orderSql: `${inVietnameseOrder("name")}, id`,
    },
    {
      what: "several districts, sectors and statuses",
      filter: { districtCodes: ["964", "967"], sectorCodes: ["AGRICULTURE", "SALT"], statuses: [LegalStatus.ACTIVE, LegalStatus.SUSPENDED] },
      orderBy: null,
      where: "district_code IN ('964', '967') AND sector_code IN ('AGRICULTURE', 'SALT') AND status IN ('ACTIVE', 'SUSPENDED')",
      orderSql: `${inVietnameseOrder("name")}, id`,
    },
    {
      what: "founding dates, new model, alliance and latest rating",
      filter: { foundedFrom: "2012-01-01", foundedTo: "2019-12-31", isNewModel: false, isAllianceMember: false, latestRatings: [Rating.GOOD, Rating.WEAK] },
      orderBy: null,
      where: `founded_on BETWEEN '2012-01-01' AND '2019-12-31' AND NOT is_new_model AND alliance_joined_on IS NULL
        AND (SELECT rating FROM classification cl WHERE cl.cooperative_id = c.id ORDER BY year DESC LIMIT 1) IN ('GOOD', 'WEAK')`,
      orderSql: `${inVietnameseOrder("name")}, id`,
    },
    {
      what: "alliance members by founding date, latest first, then capital",
      filter: { isAllianceMember: true },
      orderBy: [order(CooperativeOrderField.FOUNDED_ON, OrderDirection.DESC), order(CooperativeOrderField.CHARTER_CAPITAL)],
      where: "alliance_joined_on IS NOT NULL",
      orderSql: "founded_on DESC, charter_capital ASC, id",
    },
    {
      what: "by capital descending, then name descending (ties everywhere)",
      filter: { statuses: [LegalStatus.ACTIVE] },
      orderBy: [order(CooperativeOrderField.CHARTER_CAPITAL, OrderDirection.DESC), order(CooperativeOrderField.NAME, OrderDirection.DESC)],
      where: "status = 'ACTIVE'",
      orderSql: `charter_capital DESC, ${inVietnameseOrder("name")} DESC, id`,
    },
    { what: "by code", filter: { communeCodes: ["32002"] }, orderBy: [order(CooperativeOrderField.CODE)], where: "district_code IS NULL AND commune_code = '32002'", orderSql: "code, id" },
    { what: "nothing matches", filter: { districtCodes: ["999"] }, orderBy: null, where: "FALSE", orderSql: "id" },
  ];

  for (const c of CASES) {
    it(`${c.what}: every item once, in order, forward and backward, with the count`, async () => {
      const expected = ((await ds.query(`SELECT id FROM cooperative c WHERE ${c.where} ORDER BY ${c.orderSql}`)) as { id: string }[]).map((r) => r.id);
      if (c.where !== "FALSE") expect(expected.length).to.be.greaterThan(5);
      for (const [size, countWithPage] of [[1, false], [1, true], [7, false], [7, true], [Math.min(expected.length || 20, 100), true], [100, false]] as const) {
        const { forward, backward } = await walk(c.filter && filterOf(c.filter), c.orderBy, size, countWithPage);
        expect(idsOf(forward), `forward, pages of ${size}`).to.deep.equal(expected);
        expect(idsOf(backward), `backward, pages of ${size}`).to.deep.equal(expected);
        const last = forward[forward.length - 1];
        expect(last.pageInfo.hasNextPage).to.equal(false);
        expect(last.edges.length).to.equal(expected.length === 0 ? 0 : ((expected.length - 1) % size) + 1);
        expect(backward[0].pageInfo.hasPreviousPage).to.equal(false);
        for (const page of [...forward, ...backward]) expect(await page.totalCount()).to.equal(expected.length);
      }
    });
  }

  it("gives the same pages, cursors, page info, entities and count as the query builder's paginate", async () => {
    const byName = [{ expression: inVietnameseOrder("c.name"), direction: "ASC" as const, valueOf: (r: Cooperative) => r.name }];
    const reference = (args: PageArgs) =>
      paginate(ds.getRepository(Cooperative).createQueryBuilder("c").where("c.status IN (:...statuses)", { statuses: ["ACTIVE"] }), args, byName, "c.id");
    const ours = (args: PageArgs) => findCooperatives(ds, filterOf({ statuses: [LegalStatus.ACTIVE] }), null, args, { countWithPage: true });
    const shape = async (page: Page<Cooperative>) => ({ edges: page.edges, pageInfo: page.pageInfo, totalCount: await page.totalCount() });
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const a: Page<Cooperative> = await ours({ first: 9, after });
      const b: Page<Cooperative> = await reference({ first: 9, after });
      expect(await shape(a)).to.deep.equal(await shape(b));
      expect(a.edges[0]?.node).to.be.instanceOf(Cooperative);
      // A cursor of one is a cursor of the other: clients' saved cursors keep working.
      const before = a.pageInfo.endCursor;
      if (before) expect(await shape(await ours({ last: 4, before }))).to.deep.equal(await shape(await reference({ last: 4, before })));
      if (!a.pageInfo.hasNextPage) break;
      after = a.pageInfo.endCursor;
    }
    expect(after).to.be.a("string");
  });

  it("first: 0 gives an empty page with the count, and refuses cursors of another order or forged", async () => {
    const empty = await findCooperatives(ds, null, null, { first: 0 }, { countWithPage: true });
    expect(empty.edges).to.deep.equal([]);
    expect(empty.pageInfo.hasNextPage).to.equal(false);
    expect(await empty.totalCount()).to.equal(240);
    const byCode = await findCooperatives(ds, null, [order(CooperativeOrderField.CODE)], { first: 2 });
    const refused = async (args: PageArgs, orderBy: CooperativeOrder[] | null = null) => {
      try {
        await findCooperatives(ds, null, orderBy, args);
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
      return "accepted";
    };
    expect(await refused({ first: 2, after: byCode.pageInfo.endCursor })).to.equal("BAD_USER_INPUT");
    expect(await refused({ first: 2, after: `${byCode.pageInfo.endCursor}x` }, [order(CooperativeOrderField.CODE)])).to.equal("BAD_USER_INPUT");
    expect(await refused({ first: 2 }, [order(CooperativeOrderField.RELEVANCE)])).to.equal("BAD_USER_INPUT");
    expect(await refused({ first: 2, last: 2 })).to.equal("BAD_USER_INPUT");
  });
});

describe("registry subgraph: the list reads its count with its page when asked for", function () {
  this.timeout(120_000);
  let registry: SubgraphUnderTest;

  before(async () => {
    registry = await startRegistry();
    const db = new Client({ connectionString: registry.databaseUrl });
    await db.connect();
    try {
      for (let i = 0; i < 12; i++) {
        await db.query(
          `INSERT INTO cooperative (code, name, status, status_since, founded_on, governing_law, sector_code, commune_code, district_code, charter_capital, legal_representative, version)
           VALUES ($1, $2, 'ACTIVE', '2024-01-01', '2020-01-01', 'LAW_2023', $3, '32002', '964', 0, 'A', 1)`,
          [String(9_700_000_000 + i), `HTX Số ${i % 5}`, i % 3 ? "AGRICULTURE" : "SALT"],
        );
      }
    } finally {
      await db.end();
    }
  });

  after(async () => {
    await registry?.stop();
  });

  /** The answer and the number of SQL statements it took. */
  async function counted(query: string, variables: Record<string, unknown> = {}) {
    const before = await registry.sqlStatements();
    const answer = await registry.query(query, variables);
    expect(answer.errors).to.equal(undefined);
    return { data: answer.data!, statements: (await registry.sqlStatements()) - before };
  }

  it("one statement for the page and its totalCount, asked directly or through fragments", async () => {
    const direct = await counted(`{ cooperatives(filter: { sectorCodes: ["AGRICULTURE"] }, first: 5) { totalCount edges { node { code } } } }`);
    expect(direct.data.cooperatives.totalCount).to.equal(8);
    expect(direct.data.cooperatives.edges).to.have.length(5);
    expect(direct.statements).to.equal(1);
    const fragments = await counted(
      `query { cooperatives(filter: { sectorCodes: ["AGRICULTURE"] }, first: 5) { ...Page } }
       fragment Page on CooperativeConnection { ... on CooperativeConnection { ...Count } edges { node { code } } }
       fragment Count on CooperativeConnection { totalCount }`,
    );
    expect(fragments.data.cooperatives.totalCount).to.equal(8);
    expect(fragments.statements).to.equal(1);
    const noCount = await counted(`{ cooperatives(first: 5) { edges { node { code } } } }`);
    expect(noCount.statements).to.equal(1);
  });

  it("counts apart when the page is empty (after the last item), and for a search", async () => {
    const all = await counted(`{ cooperatives(first: 100) { totalCount pageInfo { endCursor } } }`);
    expect(all.data.cooperatives.totalCount).to.equal(12);
    const past = await counted(`query ($after: String) { cooperatives(first: 5, after: $after) { totalCount edges { cursor } } }`, { after: all.data.cooperatives.pageInfo.endCursor });
    expect(past.data.cooperatives).to.deep.equal({ totalCount: 12, edges: [] });
    expect(past.statements).to.equal(2);
    const search = await counted(`{ cooperatives(filter: { search: "htx so" }, first: 5) { totalCount } }`);
    expect(search.data.cooperatives.totalCount).to.equal(12);
  });
});
