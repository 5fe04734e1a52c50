import { badInput } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Validates an id before it reaches PostgreSQL (a malformed UUID would come back as a SQL error). */
export function requireUuid(value: string, path: string): string {
  if (!isUuid(value)) throw badInput(path, "is not a valid id (UUID)");
  return value.toLowerCase();
}
