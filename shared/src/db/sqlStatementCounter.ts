import { Logger } from "typeorm";

/**
 * Counts every SQL statement a subgraph sends. Exposed on the subgraph's /metrics endpoint so
 * tests and the benchmark can check that statements per request do not grow with page size.
 */
export class SqlStatementCounter {
  private total = 0;

  increment(): void {
    this.total += 1;
  }

  get value(): number {
    return this.total;
  }
}

/** TypeORM logger that counts statements and reports only errors (never parameters: they hold personal data). */
export class CountingLogger implements Logger {
  constructor(
    private readonly counter: SqlStatementCounter,
    private readonly label: string,
  ) {}

  logQuery(): void {
    this.counter.increment();
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
