import { envBool, envInt } from "./env";

/**
 * Default PostgreSQL statement_timeout of a subgraph's serving pool: the gateway's subgraph fetch
 * timeout (SUBGRAPH_TIMEOUT_MS, 10 s in gateway/src/config.ts) plus 2 s. A statement still
 * running then serves nobody: the gateway has already answered the client without it. Keep the
 * two together: raising one without the other either cuts answers the gateway still awaits or
 * leaves abandoned SQL running.
 */
export const DEFAULT_DB_STATEMENT_TIMEOUT_MS = 12_000;

/** PostgreSQL keeps timeouts in a signed 32-bit count of milliseconds. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** DB_STATEMENT_TIMEOUT_MS: milliseconds a subgraph's SQL statement may run; 0 turns it off. */
export function dbStatementTimeoutMs(): number {
  const value = envInt("DB_STATEMENT_TIMEOUT_MS", DEFAULT_DB_STATEMENT_TIMEOUT_MS);
  if (value < 0 || value > MAX_TIMEOUT_MS) {
    throw new Error(`Environment variable DB_STATEMENT_TIMEOUT_MS must be 0 (off) or a number of milliseconds up to ${MAX_TIMEOUT_MS}, got "${process.env.DB_STATEMENT_TIMEOUT_MS}"`);
  }
  return value;
}

/**
 * DB_BEHIND_PGBOUNCER: the database URLs point at PgBouncer in transaction pooling mode. The
 * statement timeout then lives on the role (see applyStatementTimeoutToRole) instead of in the
 * connection's startup packet, which PgBouncer refuses.
 */
export function dbBehindPgBouncer(): boolean {
  return envBool("DB_BEHIND_PGBOUNCER", false);
}
