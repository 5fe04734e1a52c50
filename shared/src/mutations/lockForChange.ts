import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { ConflictError, NotFoundError } from "../graphql/errors";

/**
 * Loads a row for change with SELECT … FOR UPDATE: concurrent changes of the same row queue here
 * until the transaction ends. NOT_FOUND (naming `what`, e.g. "Loan", and the id as given) when
 * there is no such row. Ids are UUIDs, compared in lower case.
 */
export async function lockForChange<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, id: string, what: string): Promise<T> {
  const row = await manager.getRepository(entity).findOne({ where: { id: id.toLowerCase() } as never, lock: { mode: "pessimistic_write" } });
  if (!row) throw new NotFoundError(what, id);
  return row;
}

/**
 * Optimistic concurrency: a change names the version the caller read; CONFLICT when someone
 * else changed the row since (the caller reads it again and decides).
 */
export function checkVersion(what: string, id: string, current: number, given: number): void {
  if (current !== given) throw new ConflictError(`${what} ${id} was changed by someone else (version ${current}, you sent ${given})`);
}

/** Locks a versioned row for change and checks the version the caller read. */
export async function lockVersionForChange<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  what: string,
): Promise<T> {
  const row = await lockForChange(manager, entity, id, what);
  checkVersion(what, row.id, row.version, version);
  return row;
}
