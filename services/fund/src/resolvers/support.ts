import { badInput, ConflictError, inTransaction, NotFoundError } from "@camau/shared";
import { DataSource, EntityManager } from "typeorm";
import { todayInVietnam } from "../domain/dates";
import { DomainError, rateE4 } from "../domain/money";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";

/** A date from the input, today by default; legal dates are recorded once they have happened. */
export function pastOrToday(value: string | null | undefined, path: string): string {
  const date = value ?? todayInVietnam();
  if (date > todayInVietnam()) throw badInput(path, "cannot be in the future");
  return date;
}

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

/** Loads an application for change, locking its row until the transaction ends. */
export async function lockApplication(manager: EntityManager, id: string): Promise<LoanApplication> {
  const application = await manager.getRepository(LoanApplication).findOne({ where: { id: id.toLowerCase() }, lock: { mode: "pessimistic_write" } });
  if (!application) throw new NotFoundError("Loan application", id);
  return application;
}

/** Loads a loan for change with SELECT … FOR UPDATE: concurrent changes of one loan queue here. */
export async function lockLoan(manager: EntityManager, id: string): Promise<Loan> {
  const loan = await manager.getRepository(Loan).findOne({ where: { id: id.toLowerCase() }, lock: { mode: "pessimistic_write" } });
  if (!loan) throw new NotFoundError("Loan", id);
  return loan;
}

export function checkVersion(what: string, id: string, current: number, given: number): void {
  if (current !== given) throw new ConflictError(`${what} ${id} was changed by someone else (version ${current}, you sent ${given})`);
}
