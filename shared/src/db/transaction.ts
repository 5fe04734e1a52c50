import { DataSource, EntityManager, QueryFailedError } from "typeorm";
import { ConflictError } from "../graphql/errors";

/**
 * Runs a mutation's work in one transaction: it fully happens or leaves nothing behind.
 * A unique-constraint violation (a duplicate) becomes CONFLICT instead of an internal error.
 */
export async function inTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ds.transaction(work);
  } catch (error) {
    const code = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError?.code;
    if (error instanceof QueryFailedError && code === "23505") {
      throw new ConflictError("A record with the same unique value already exists");
    }
    if (error instanceof QueryFailedError && (code === "40001" || code === "40P01")) {
      throw new ConflictError("The record was changed concurrently; try again");
    }
    throw error;
  }
}
