import { Client } from "pg";
import { DataSource, EntitySchema, EntitySubscriberInterface, EventSubscriber, MixedList, TransactionStartEvent } from "typeorm";
import { registerAuditService } from "../audit/recordAudit";
import { CountingLogger, DatabasePool, SqlStatementCounter } from "./sqlStatementCounter";

export interface SubgraphDataSourceOptions {
  /** Subgraph name, for logs and the connection's application_name. */
  name: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Connection pool size. */
  poolSize?: number;
  counter?: SqlStatementCounter;
  /**
   * PostgreSQL statement_timeout of every connection of the pool, in ms; 0 or omitted: none (the
   * server's own setting). runSubgraph sets it on the serving pool (DB_STATEMENT_TIMEOUT_MS);
   * migrations, seeding and scripts use pools without it.
   */
  statementTimeoutMs?: number;
  /**
   * The URL points at PgBouncer in transaction pooling mode, which refuses startup parameters
   * such as statement_timeout: the serving pool's timeout is then the role's default in the
   * database (applyStatementTimeoutToRole), and a pool without a timeout lifts it per transaction.
   * Transaction pooling also holds because nothing keeps state on a session: statements are
   * unnamed (pg and TypeORM never name them; nothing here does), advisory locks are transaction
   * scoped (pg_advisory_xact_lock in the rollups and seeds), settings are local (set_config(...,
   * true), SET LOCAL), and there is no LISTEN. Keep it so.
   */
  behindPgBouncer?: boolean;
  /** Which pool this is (statement counts on /metrics); "replica" also means read-only. */
  pool?: DatabasePool;
}

/** A TypeORM data source of one subgraph's own database. Schema changes only through migrations. */
export function createDataSource(options: SubgraphDataSourceOptions): { dataSource: DataSource; counter: SqlStatementCounter } {
  const counter = options.counter ?? new SqlStatementCounter();
  const pool = options.pool ?? "primary";
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    synchronize: false,
    uuidExtension: "pgcrypto",
    logger: new CountingLogger(counter, options.name, pool),
    maxQueryExecutionTime: 1000,
    applicationName: `camau-${options.name}`,
    poolSize: options.poolSize ?? 10,
    // A standby refuses CREATE EXTENSION; the primary's migrations have installed them already.
    installExtensions: pool === "primary",
    subscribers: options.behindPgBouncer && !options.statementTimeoutMs ? [LiftStatementTimeoutPerTransaction] : [],
    extra: {
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      ...startupStatementTimeout(options),
    },
  });
  registerAuditService(dataSource, options.name);
  return { dataSource, counter };
}

/**
 * Direct connections: statement_timeout goes into pg's startup packet, so the server applies it
 * to the whole session of every pooled connection, transactions included, with no extra round
 * trip; a pool without a timeout asks for 0 there, which also overrides a role default. Behind
 * PgBouncer nothing is sent (it refuses the parameter): see applyStatementTimeoutToRole.
 */
function startupStatementTimeout(options: SubgraphDataSourceOptions): { statement_timeout?: number } {
  if (options.behindPgBouncer) return {};
  return { statement_timeout: options.statementTimeoutMs ?? 0 };
}

/**
 * Behind PgBouncer in transaction pooling mode the serving pool cannot send statement_timeout,
 * and a SET on a pooled connection would stay on a server connection that PgBouncer hands to
 * other clients. The timeout becomes instead the default of the subgraph's role in its own
 * database: PostgreSQL applies it to every server session PgBouncer opens from then on, at no
 * cost per statement, and it covers reads outside transactions too (a SET LOCAL per transaction
 * would cost a round trip and miss them). A standby gets it by replication.
 *
 * Run before any pool of the subgraph opens: in the same transaction the server connection
 * that runs it takes the value with SET, so the one connection PgBouncer opened for it does not
 * stay behind without it (it is the value every session of the role now starts with, so it may
 * stay on that connection). Server connections PgBouncer opened earlier for other processes keep
 * the value they started with until it recycles them (server_lifetime). 0 removes the default.
 */
export async function applyStatementTimeoutToRole(databaseUrl: string, statementTimeoutMs: number): Promise<void> {
  if (!Number.isSafeInteger(statementTimeoutMs) || statementTimeoutMs < 0) throw new Error(`Invalid statement timeout ${statementTimeoutMs}`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ database }] = (await client.query<{ database: string }>(`SELECT current_database() AS database`)).rows;
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await client.query("BEGIN");
    if (statementTimeoutMs) {
      await client.query(`ALTER ROLE CURRENT_USER IN DATABASE ${quoted} SET statement_timeout = ${statementTimeoutMs}`);
      await client.query(`SET statement_timeout = ${statementTimeoutMs}`);
    } else {
      await client.query(`ALTER ROLE CURRENT_USER IN DATABASE ${quoted} RESET statement_timeout`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Behind PgBouncer a pool without a timeout (migrations, the demo seed) cannot override the
 * role's default at connection time: it lifts it inside each of its transactions instead.
 * (TypeORM takes only decorated classes as subscribers; only data sources listing it use it.)
 */
@EventSubscriber()
class LiftStatementTimeoutPerTransaction implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    await event.queryRunner.query("SET LOCAL statement_timeout = 0");
  }
}
