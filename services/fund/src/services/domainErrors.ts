import { badInput, ConflictError, inTransaction } from "@camau/shared";
import { DataSource, EntityManager } from "typeorm";
import { DomainError, rateE4 } from "../domain/money";

export function checkRate(value: number, path: string): number {
  try {
    rateE4(value);
  } catch (error) {
    if (error instanceof DomainError) throw badInput(path, error.message);
    throw error;
  }
  return value;
}

/** A transaction in which a DomainError (a broken business rule) becomes CONFLICT. */
export async function mutation<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ds, work);
  } catch (error) {
    if (error instanceof DomainError) throw new ConflictError(error.message);
    throw error;
  }
}

/** Runs a domain computation whose failure is the client's input (BAD_USER_INPUT at `path`). */
export function asInput<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError) throw badInput(path, error.message);
    throw error;
  }
}
