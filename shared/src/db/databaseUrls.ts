import { databaseNameOf, envPrefixOf } from "../catalog";
import { envOptional } from "../config/env";

/** Replaces the database name (the URL path) of a PostgreSQL server URL. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The database URL of one subgraph: `<NAME>_DATABASE_URL` when set, otherwise the server of
 * `DATABASE_URL` with the subgraph's own database name (camau_<name>).
 */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[`${envPrefixOf(subgraph)}DATABASE_URL`];
  if (own) return own;
  const server = env.DATABASE_URL ?? envOptional("DATABASE_URL");
  return server ? withDatabase(server, databaseNameOf(subgraph)) : undefined;
}

/**
 * The read replica URL of one subgraph: `<NAME>_DATABASE_READ_URL`, or undefined (every read
 * then goes to the primary). A hot standby of the primary: public reads go there.
 */
export function databaseReadUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env[`${envPrefixOf(subgraph)}DATABASE_READ_URL`];
  return url ? url : undefined;
}

/** Hides the password of a database URL for logs and startup output. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}
