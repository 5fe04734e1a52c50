import { isCalendarDate } from "./scalars";

/**
 * Whether an entity representation of the period report names a real period: two calendar dates,
 * `from` not after `to`. Representations skip scalar parsing, so every subgraph that resolves the
 * report by reference checks this before the dates reach SQL.
 */
export function isReportPeriod<R extends { from?: unknown; to?: unknown }>(ref: R): ref is R & { from: string; to: string } {
  return typeof ref.from === "string" && typeof ref.to === "string" && isCalendarDate(ref.from) && isCalendarDate(ref.to) && ref.from <= ref.to;
}
