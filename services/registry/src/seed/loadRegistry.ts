import { BulkColumn, bulkInsert, deferRollups, rebuildRollups } from "@camau/shared";
import { REGISTRY_ROLLUPS } from "../report/rollups";
import { DataSource, QueryRunner } from "typeorm";
import { RegistryDataset } from "@camau/demo-data";

/**
 * Writes a generated dataset into the registry's tables in one transaction: everything or
 * nothing. Rows go in chunks through `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)`:
 * one array parameter per column, so a chunk's size is not bound by PostgreSQL's 65,535-parameter
 * limit and the statement text stays the same for every chunk.
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
  const total = await bulkInsert(q, table, columns, rows, { chunkSize, log, label: "registry seed" });
  log(`registry seed: ${table}: ${total.toLocaleString("en-US")} rows inserted`);
  return total;
}

/** Business lines travel as one comma-joined text per row (unnest would flatten a 2-D array). */
const businessLinesColumn = {
  name: "business_lines",
  type: "text",
  select: (v: string) => `string_to_array(${v}, ',')::varchar(10)[]`,
};

export async function loadRegistry(dataSource: DataSource, dataset: RegistryDataset, log: (line: string) => void, options: LoadOptions = {}): Promise<LoadResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const q = dataSource.createQueryRunner();
  await q.connect();
  const rows: Record<string, number> = {};
  try {
    await q.startTransaction();
    // A lost commit of demo data is harmless; not waiting for the WAL flush makes loading faster.
    await q.query("SET LOCAL synchronous_commit TO OFF");
    await deferRollups(q);
    if (options.onlyIfEmpty) {
      await q.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      const [{ present }] = await q.query("SELECT EXISTS (SELECT 1 FROM cooperative) AS present");
      if (present) {
        await q.commitTransaction();
        log("registry seed: the registry already holds data; demo dataset not loaded");
        return { loaded: false, rows };
      }
    }

    rows.cooperative = await insertAll(q, "cooperative", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "code", type: "text", value: (r) => r.code },
      { name: "name", type: "text", value: (r) => r.name },
      { name: "foreign_name", type: "text", value: (r) => r.foreignName },
      { name: "abbreviation", type: "text", value: (r) => r.abbreviation },
      { name: "status", type: "text", value: (r) => r.status },
      { name: "status_since", type: "date", value: (r) => r.statusSince },
      { name: "founded_on", type: "date", value: (r) => r.foundedOn },
      { name: "governing_law", type: "text", value: (r) => r.governingLaw },
      { name: "sector_code", type: "text", value: (r) => r.sectorCode },
      { ...businessLinesColumn, value: (r) => r.businessLines.join(",") },
      { name: "street", type: "text", value: (r) => r.street },
      { name: "commune_code", type: "text", value: (r) => r.communeCode },
      { name: "district_code", type: "text", value: (r) => r.districtCode },
      { name: "address_code_system", type: "text", value: (r) => r.addressCodeSystem },
      { name: "charter_capital", type: "bigint", value: (r) => r.charterCapital },
      { name: "legal_representative", type: "text", value: (r) => r.legalRepresentative },
      { name: "is_new_model", type: "boolean", value: (r) => r.isNewModel },
      { name: "alliance_joined_on", type: "date", value: (r) => r.allianceJoinedOn },
      { name: "version", type: "int", value: (r) => r.version },
    ], dataset.cooperatives, chunkSize, log);

    rows.cooperative_event = await insertAll(q, "cooperative_event", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "cooperative_id", type: "uuid", value: (r) => r.cooperativeId },
      { name: "kind", type: "text", value: (r) => r.kind },
      { name: "effective_on", type: "date", value: (r) => r.effectiveOn },
      { name: "recorded_at", type: "timestamptz", value: (r) => r.recordedAt },
      { name: "actor_subject", type: "text", value: (r) => r.actorSubject },
      { name: "actor_role", type: "text", value: (r) => r.actorRole },
      { name: "status_after", type: "text", value: (r) => r.statusAfter },
      { name: "details", type: "jsonb", value: (r) => JSON.stringify(r.details) },
    ], dataset.events, chunkSize, log);

    rows.classification = await insertAll(q, "classification", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "cooperative_id", type: "uuid", value: (r) => r.cooperativeId },
      { name: "year", type: "int", value: (r) => r.year },
      { name: "score", type: "int", value: (r) => r.score },
      { name: "rating", type: "text", value: (r) => r.rating },
      { name: "scheme", type: "text", value: (r) => r.scheme },
      { name: "classified_on", type: "date", value: (r) => r.classifiedOn },
    ], dataset.classifications, chunkSize, log);

    rows.cooperative_group = await insertAll(q, "cooperative_group", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "name", type: "text", value: (r) => r.name },
      { name: "commune_code", type: "text", value: (r) => r.communeCode },
      { name: "district_code", type: "text", value: (r) => r.districtCode },
      { name: "sector_code", type: "text", value: (r) => r.sectorCode },
      { name: "founded_on", type: "date", value: (r) => r.foundedOn },
      { name: "certified_on", type: "date", value: (r) => r.certifiedOn },
      { name: "status", type: "text", value: (r) => r.status },
      { name: "dissolved_on", type: "date", value: (r) => r.dissolvedOn },
      { name: "version", type: "int", value: (r) => r.version },
    ], dataset.groups, chunkSize, log);

    rows.cooperative_union = await insertAll(q, "cooperative_union", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "code", type: "text", value: (r) => r.code },
      { name: "name", type: "text", value: (r) => r.name },
      { name: "foreign_name", type: "text", value: (r) => r.foreignName },
      { name: "abbreviation", type: "text", value: (r) => r.abbreviation },
      { name: "status", type: "text", value: (r) => r.status },
      { name: "status_since", type: "date", value: (r) => r.statusSince },
      { name: "founded_on", type: "date", value: (r) => r.foundedOn },
      { name: "governing_law", type: "text", value: (r) => r.governingLaw },
      { name: "street", type: "text", value: (r) => r.street },
      { name: "commune_code", type: "text", value: (r) => r.communeCode },
      { name: "district_code", type: "text", value: (r) => r.districtCode },
      { name: "address_code_system", type: "text", value: (r) => r.addressCodeSystem },
      { name: "charter_capital", type: "bigint", value: (r) => r.charterCapital },
      { name: "legal_representative", type: "text", value: (r) => r.legalRepresentative },
      { name: "version", type: "int", value: (r) => r.version },
    ], dataset.unions, chunkSize, log);

    rows.union_membership = await insertAll(q, "union_membership", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "union_id", type: "uuid", value: (r) => r.unionId },
      { name: "cooperative_id", type: "uuid", value: (r) => r.cooperativeId },
      { name: "joined_on", type: "date", value: (r) => r.joinedOn },
      { name: "left_on", type: "date", value: (r) => r.leftOn },
    ], dataset.unionMemberships, chunkSize, log);

    rows.member = await insertAll(q, "member", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "cooperative_id", type: "uuid", value: (r) => r.cooperativeId },
      { name: "group_id", type: "uuid", value: (r) => r.groupId },
      { name: "kind", type: "text", value: (r) => r.kind },
      { name: "full_name", type: "text", value: (r) => r.fullName },
      { name: "membership_type", type: "text", value: (r) => r.membershipType },
      { name: "joined_on", type: "date", value: (r) => r.joinedOn },
      { name: "left_on", type: "date", value: (r) => r.leftOn },
      { name: "capital_contributed", type: "bigint", value: (r) => r.capitalContributed },
      { name: "national_id", type: "text", value: (r) => r.nationalId },
      { name: "date_of_birth", type: "date", value: (r) => r.dateOfBirth },
      { name: "phone", type: "text", value: (r) => r.phone },
    ], dataset.members(), chunkSize, log);

    // The report's rollups once for the whole dataset, not once per inserted chunk.
    const started = Date.now();
    await rebuildRollups(q, REGISTRY_ROLLUPS);
    log(`registry seed: report rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await q.commitTransaction();
    return { loaded: true, rows };
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw error;
  } finally {
    await q.release();
  }
}
