import { BulkColumn, bulkInsert, clearFigures, columnsOfFields, deferRollups, rebuildRollups, withIndexesAfterLoad, withTriggersOff } from "@camau/shared";
import { REGISTRY_ROLLUPS } from "../report/rollups";
import { MEMBER_FIGURES, MemberRollups } from "./memberRollups";
import { ORGANISATION_FIGURES, organisationFigures } from "./organisationRollups";
import { copyFigures } from "./copyFigure";
import { cooperativeStatusDays } from "./statusDays";
import { hasSearchDocumentTrigger, withSearchDocumentsInBulk } from "./searchDocumentsInBulk";
import { DataSource, QueryRunner } from "typeorm";
import {
  ClassificationRow,
  CooperativeEventRow,
  CooperativeGroupRow,
  CooperativeRow,
  CooperativeUnionRow,
  MemberRow,
  RegistryDataset,
  UnionMembershipRow,
} from "@camau/demo-data";

/**
 * Writes a generated dataset into the registry's tables in one transaction: everything or
 * nothing. Rows go through the shared bulkInsert (COPY).
 */

export interface LoadOptions {
  /** Rows per INSERT statement. */
  chunkSize?: number;
  /**
   * Load only when the cooperative table is empty, checked inside the transaction under an
   * advisory lock, so two processes starting at once load the dataset once.
   */
  onlyIfEmpty?: boolean;
}

export interface LoadResult {
  loaded: boolean;
  rows: Record<string, number>;
}

const DEFAULT_CHUNK_SIZE = 1000;
/** Arbitrary key of the advisory lock that serialises seeding. */
const SEED_LOCK_KEY = 96_001;

/** Bulk insert with the registry's progress lines (one summary line per table). */
async function insertAll<R>(
  q: QueryRunner,
  table: string,
  columns: ReadonlyArray<BulkColumn<R>>,
  rows: Iterable<R>,
  chunkSize: number,
  log: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  const searchDocuments = await hasSearchDocumentTrigger(q, table);
  const copy = (target: string) => bulkInsert(q, target, columns, rows, { chunkSize, log, label: "registry seed" });
  // The tables are empty: their indexes and foreign keys are built once over the loaded rows, and
  // search documents are written for all rows at once.
  const total = await withIndexesAfterLoad(q, table, () =>
    searchDocuments ? withSearchDocumentsInBulk(q, table, columns.map((c) => c.name), copy) : copy(table),
  );
  log(`registry seed: ${table}: ${total.toLocaleString("en-US")} rows inserted, indexes and keys built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return total;
}

/** One table of the dataset: where its rows are and how a row fills the table's columns. */
interface DatasetTable {
  name: string;
  load(q: QueryRunner, dataset: RegistryDataset, chunkSize: number, log: (line: string) => void): Promise<number>;
}

function table<R>(name: string, rowsOf: (dataset: RegistryDataset) => Iterable<R>, columns: ReadonlyArray<BulkColumn<R>>): DatasetTable {
  return { name, load: (q, dataset, chunkSize, log) => insertAll(q, name, columns, rowsOf(dataset), chunkSize, log) };
}

/** Columns cooperatives and unions share: both are organisations registered under the law. */
const organisationFields = {
  id: "uuid", code: "text", name: "text", foreignName: "text", abbreviation: "text", status: "text", statusSince: "date", foundedOn: "date", governingLaw: "text",
  street: "text", communeCode: "text", districtCode: "text", addressCodeSystem: "text", charterCapital: "bigint", legalRepresentative: "text", version: "int",
} as const;

/** Business lines: an array column, written as PostgreSQL's array literal. */
const businessLinesColumn: BulkColumn<CooperativeRow> = { name: "business_lines", type: "varchar(10)[]", value: (r) => r.businessLines };

/** The tables in the order their foreign keys need. */
const REGISTRY_TABLES: readonly DatasetTable[] = [
  table("cooperative", (d) => d.cooperatives, [
    ...columnsOfFields<CooperativeRow>({ ...organisationFields, sectorCode: "text", isNewModel: "boolean", allianceJoinedOn: "date" }),
    businessLinesColumn,
  ]),
  table("cooperative_event", (d) => d.events, [
    ...columnsOfFields<CooperativeEventRow>({ id: "uuid", cooperativeId: "uuid", kind: "text", effectiveOn: "date", recordedAt: "timestamptz", actorSubject: "text", actorRole: "text", statusAfter: "text" }),
    { name: "details", type: "jsonb", value: (r) => JSON.stringify(r.details) },
  ]),
  table("classification", (d) => d.classifications, columnsOfFields<ClassificationRow>({ id: "uuid", cooperativeId: "uuid", year: "int", score: "int", rating: "text", scheme: "text", classifiedOn: "date" })),
  table("cooperative_group", (d) => d.groups, columnsOfFields<CooperativeGroupRow>({
    id: "uuid", name: "text", communeCode: "text", districtCode: "text", sectorCode: "text", foundedOn: "date", certifiedOn: "date", status: "text", dissolvedOn: "date", version: "int",
  })),
  table("cooperative_union", (d) => d.unions, columnsOfFields<CooperativeUnionRow>(organisationFields)),
  table("union_membership", (d) => d.unionMemberships, columnsOfFields<UnionMembershipRow>({ id: "uuid", unionId: "uuid", cooperativeId: "uuid", joinedOn: "date", leftOn: "date" })),
  table("member", (d) => d.members(), columnsOfFields<MemberRow>({
    id: "uuid", cooperativeId: "uuid", groupId: "uuid", kind: "text", fullName: "text", membershipType: "text", joinedOn: "date", leftOn: "date",
    capitalContributed: "bigint", nationalId: "text", dateOfBirth: "date", phone: "text",
  })),
];

export async function loadRegistry(dataSource: DataSource, dataset: RegistryDataset, log: (line: string) => void, options: LoadOptions = {}): Promise<LoadResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  return dataSource.transaction(async ({ queryRunner }) => {
    const q = queryRunner!;
    const rows: Record<string, number> = {};
    // A lost commit of demo data is harmless; not waiting for the WAL flush makes loading faster.
    await q.query("SET LOCAL synchronous_commit TO OFF");
    await deferRollups(q);
    if (options.onlyIfEmpty) {
      await q.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      const [{ present }] = await q.query("SELECT EXISTS (SELECT 1 FROM cooperative) AS present");
      if (present) {
        log("registry seed: the registry already holds data; demo dataset not loaded");
        return { loaded: false, rows };
      }
    }

    // The report's figures are computed from the dataset, the member figures as the members stream
    // to the server (see memberRollups.ts, organisationRollups.ts); whatever they held is cleared
    // first, as rollup_rebuild clears a figure.
    const statusDays = cooperativeStatusDays(dataset.events);
    const memberRollups = new MemberRollups(dataset, statusDays);
    const inMemory: readonly string[] = [...ORGANISATION_FIGURES, ...MEMBER_FIGURES];
    await clearFigures(q, inMemory);
    const observed: RegistryDataset = { ...dataset, members: () => memberRollups.observe(dataset.members()) };
    // The rollups' triggers do nothing while the rollups are deferred but would still collect each
    // statement's rows and their distinct owners (5 million members at national scale).
    await withTriggersOff(
      q,
      REGISTRY_TABLES.map((t) => t.name),
      ["rollup_on_change"],
      async () => {
        for (const { name, load } of REGISTRY_TABLES) rows[name] = await load(q, observed, chunkSize, log);
      },
    );

    // The report's rollups once for the whole dataset, not once per inserted chunk: the figures
    // computed from the dataset, any other by its SQL function (first, so its rebuild does not scan
    // the computed figures' rows for its own).
    const started = Date.now();
    const [{ today }] = await q.query(`SELECT current_date::text AS today`);
    const inSql = Object.fromEntries(Object.entries(REGISTRY_ROLLUPS).filter(([figure]) => !inMemory.includes(figure)));
    // Each step's time, so a slow seed says where its time goes.
    let stepStarted = started;
    const step = (what: string) => {
      log(`registry seed: ${what} in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
      stepStarted = Date.now();
    };
    // The rollup tables hold nothing yet either: their keys are built once over the rebuilt rows,
    // which copyFigures writes in the keys' order.
    const rebuild = async () => {
      await rebuildRollups(q, inSql);
      await copyFigures(q, [...organisationFigures(dataset, statusDays), ...memberRollups.figures()], today);
      step("report rollups' rows written");
    };
    await withIndexesAfterLoad(q, "rollup_contribution", () => withIndexesAfterLoad(q, "rollup_delta", () => withIndexesAfterLoad(q, "rollup_snapshot", rebuild)));
    step("report rollups' keys built");
    log(`registry seed: report rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { loaded: true, rows };
  });
}
