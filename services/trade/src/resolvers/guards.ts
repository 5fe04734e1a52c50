import { badInput, BadUserInputError, NotFoundError } from "@camau/shared";
import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { todayInVietnam } from "../domain/dates";
import { RuleProblem } from "../domain/ocop";

/** Dates of things that have happened may not lie in the future. */
export function assertNotFuture(date: string | null | undefined, path: string): void {
  if (date && date > todayInVietnam()) throw badInput(path, "cannot be in the future");
}

/** Domain rule problems as one BAD_USER_INPUT error, each with its path under `prefix`. */
export function throwIfProblems(problems: RuleProblem[], prefix: string): void {
  if (!problems.length) return;
  const invalid = problems.map((p) => ({ path: `${prefix}.${p.field}`, message: p.message }));
  throw new BadUserInputError(`Invalid input: ${invalid.map((p) => `${p.path}: ${p.message}`).join("; ")}`, invalid);
}

/** Loads a row for change, locking it until the transaction ends; NOT_FOUND when missing. */
export async function lockById<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, id: string, what: string): Promise<T> {
  const row = await manager.getRepository(entity).findOne({ where: { id: id.toLowerCase() } as never, lock: { mode: "pessimistic_write" } });
  if (!row) throw new NotFoundError(what, id);
  return row;
}

export { cleanText } from "@camau/shared";
