import { DataSource } from "typeorm";

/**
 * Key of the advisory lock that makes migration runs on one database take turns. Advisory locks
 * are scoped to the database, so each subgraph's database has its own; the text key keeps it
 * apart from the rollups' keys.
 */
const MIGRATION_LOCK = "camau:migrations";

/**
 * Applies a subgraph's pending migrations, one transaction each, while holding a session-level
 * advisory lock: two runs at once (the migration Job retried while the first is still running,
 * replicas started with MIGRATE_ON_START) wait for each other instead of racing for the same
 * DDL, and the second finds nothing left to apply. The lock lives on its own connection of the
 * pool and goes away with it if the process dies. Returns the names of the migrations applied.
 *
 * Needs a session (a direct connection or a session-pooled one): a transaction-mode pooler would
 * hand the lock's session to another client between statements.
 */
export async function runPendingMigrations(dataSource: DataSource, log: (line: string) => void = () => undefined): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = (await lock.query("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [MIGRATION_LOCK])) as { locked: boolean }[];
    if (!locked) {
      log("another migration run holds the lock on this database: waiting for it");
      await lock.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    }
    try {
      const applied = await dataSource.runMigrations({ transaction: "each" });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}
