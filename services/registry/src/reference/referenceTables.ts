import { entityRows } from "@camau/shared";
import { DataSource } from "typeorm";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Sector } from "../entities/Sector";

/** Key of an administrative unit: code system and code, e.g. `PRE_2025:966`. */
export const unitKey = (codeSystem: string, code: string) => `${codeSystem}:${code}`;

/** The two tables whole, as of one version of them. */
interface Snapshot {
  version: string;
  sectorByCode: ReadonlyMap<string, Sector>;
  unitByKey: ReadonlyMap<string, AdministrativeUnit>;
}

/**
 * How long a process serves its copy before asking whether the tables changed: the longest a
 * change (a migration's new units, a renamed commune) can take to show in answers.
 */
export const REFERENCE_TABLES_RECHECK_MS = 1_000;

/**
 * The registry's reference tables, sectors and administrative units (a dozen and a few hundred
 * rows), kept whole in each process and pool: every list shows each cooperative's sector and
 * district, and reading them was two of the list's four statements, with the driver's and the
 * hydration's CPU. No mutation writes these tables, but migrations do, also while other
 * processes serve, and SQL may. So the copy is checked against `reference_data_version`, a
 * counter that a statement trigger on both tables raises in the writing transaction (migration
 * ReferenceDataVersion): at most once per REFERENCE_TABLES_RECHECK_MS, one indexed one-row
 * read, and the tables are read again when it moved. A replica's counter comes with its data,
 * so each pool's copy follows the data that pool serves. When the counter cannot be read, the
 * rows are read per request as before until the next check, so the copy only ever saves work.
 * The objects are shared by every request: resolvers read them and never change them.
 */
export class ReferenceTables {
  private snapshot?: Promise<Snapshot | undefined>;
  private checkedAt = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recheckMs = REFERENCE_TABLES_RECHECK_MS,
  ) {}

  async sectors(codes: readonly string[]): Promise<Sector[]> {
    const snapshot = await this.current();
    // Without a copy (the counter unreadable: a database not yet migrated, say) the rows are read as they were before the copy.
    if (!snapshot) return entityRows(this.dataSource, Sector).query("s", "FROM sector s WHERE s.code = ANY($1::varchar[])", [codes]);
    return codes.map((code) => snapshot.sectorByCode.get(code)).filter((s): s is Sector => s !== undefined);
  }

  async units(keys: readonly string[]): Promise<AdministrativeUnit[]> {
    const snapshot = await this.current();
    if (!snapshot) return entityRows(this.dataSource, AdministrativeUnit).query("u", "FROM administrative_unit u WHERE (u.code_system || ':' || u.code) = ANY($1::text[])", [keys]);
    return keys.map((key) => snapshot.unitByKey.get(key)).filter((u): u is AdministrativeUnit => u !== undefined);
  }

  /** The copy as of the last check, checking again when it is older than recheckMs; undefined when that check failed. */
  private current(): Promise<Snapshot | undefined> {
    const now = performance.now();
    if (this.snapshot && now - this.checkedAt < this.recheckMs) return this.snapshot;
    this.checkedAt = now;
    // A failed check is not retried before the next interval (one error a second in the log, not one per request).
    this.snapshot = this.refresh(this.snapshot).catch(() => undefined);
    return this.snapshot;
  }

  private async refresh(previous: Promise<Snapshot | undefined> | undefined): Promise<Snapshot> {
    // The version first: a change committed between it and the tables' read makes the copy newer
    // than its version, never older, and the next check reads the tables again.
    const [{ version }] = (await this.dataSource.query("SELECT version::text AS version FROM reference_data_version")) as { version: string }[];
    const kept = await previous;
    if (kept?.version === version) return kept;
    const [sectors, units] = await Promise.all([
      entityRows(this.dataSource, Sector).query("s", "FROM sector s", []),
      entityRows(this.dataSource, AdministrativeUnit).query("u", "FROM administrative_unit u", []),
    ]);
    return { version, sectorByCode: new Map(sectors.map((s) => [s.code, s])), unitByKey: new Map(units.map((u) => [unitKey(u.codeSystem, u.code), u])) };
  }
}

const byDataSource = new WeakMap<DataSource, ReferenceTables>();

/** The copy of a pool (one per data source, kept as long as it). */
export function referenceTablesOf(dataSource: DataSource): ReferenceTables {
  let tables = byDataSource.get(dataSource);
  if (!tables) byDataSource.set(dataSource, (tables = new ReferenceTables(dataSource)));
  return tables;
}
