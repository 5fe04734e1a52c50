import { Logger } from "typeorm";

/** The connection pools of a subgraph: the primary (writes, and reads that must see them) and a read replica. */
export type DatabasePool = "primary" | "replica";

/**
 * Counts every SQL statement a subgraph sends, per pool. Exposed on the subgraph's /metrics
 * endpoint so tests and the benchmark can check that statements per request do not grow with
 * page size, and which pool served them.
 */
export class SqlStatementCounter {
  private readonly counts = new Map<DatabasePool, number>([["primary", 0]]);

  increment(pool: DatabasePool = "primary"): void {
    this.counts.set(pool, (this.counts.get(pool) ?? 0) + 1);
  }

  /** Statements sent through one pool. */
  of(pool: DatabasePool): number {
    return this.counts.get(pool) ?? 0;
  }

  /** Statements sent through every pool. */
  get value(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The Prometheus text of /metrics: one line per pool; the replica's only when there is one. */
  metrics(service: string, pools: readonly DatabasePool[]): string {
    const lines = pools.map((pool) => `sql_statements_total{service="${service}",pool="${pool}"} ${this.of(pool)}`);
    return `# TYPE sql_statements_total counter\n${lines.join("\n")}\n`;
  }
}

/** TypeORM logger that counts statements and reports only errors (never parameters: they hold personal data). */
export class CountingLogger implements Logger {
  constructor(
    private readonly counter: SqlStatementCounter,
    private readonly label: string,
    /** Each pool is a data source of its own with its own logger, so the pool is known here. */
    private readonly pool: DatabasePool = "primary",
  ) {}

  logQuery(): void {
    this.counter.increment(this.pool);
  }

  logQueryError(error: string | Error, query: string): void {
    // The statement text is logged server-side only; it never reaches a client (see formatError).
    const message = error instanceof Error ? error.message : error;
    process.stderr.write(`[${this.label}] SQL error: ${message} -- in: ${query.slice(0, 500)}\n`);
  }

  logQuerySlow(time: number, query: string): void {
    process.stderr.write(`[${this.label}] slow SQL (${time} ms): ${query.slice(0, 300)}\n`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    process.stdout.write(`[${this.label}] ${message}\n`);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") process.stderr.write(`[${this.label}] ${String(message)}\n`);
  }
}
