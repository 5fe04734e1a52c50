import { DataSource, MixedList, EntitySchema } from "typeorm";
import { registerAuditService } from "../audit/recordAudit";
import { CountingLogger, SqlStatementCounter } from "./sqlStatementCounter";

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
}

/** A TypeORM data source of one subgraph's own database. Schema changes only through migrations. */
export function createDataSource(options: SubgraphDataSourceOptions): { dataSource: DataSource; counter: SqlStatementCounter } {
  const counter = options.counter ?? new SqlStatementCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    synchronize: false,
    uuidExtension: "pgcrypto",
    logger: new CountingLogger(counter, options.name),
    maxQueryExecutionTime: 1000,
    applicationName: `camau-${options.name}`,
    poolSize: options.poolSize ?? 10,
    // statement_timeout goes into pg's startup packet: the server applies it to the whole session
    // of every pooled connection, transactions included, with no extra round trip.
    extra: {
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  registerAuditService(dataSource, options.name);
  return { dataSource, counter };
}
