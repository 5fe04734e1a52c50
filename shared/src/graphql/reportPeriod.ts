import { isTerritory, Territory } from "../reference/areas";
import { isCalendarDate } from "./scalars";

/** The key of the period report: its period and the territory its figures cover. */
export type ReportKey = {
  from: string;
  to: string;
  territory: Territory;
};

/**
 * Whether an entity representation of the period report names a real report: two calendar dates,
 * `from` not after `to`, and a known territory. Representations skip scalar and enum parsing, so
 * every subgraph that resolves the report by reference checks this before the key reaches SQL.
 */
export function isReportKey<R extends { from?: unknown; to?: unknown; territory?: unknown }>(ref: R): ref is R & ReportKey {
  return typeof ref.from === "string" && typeof ref.to === "string" && isCalendarDate(ref.from) && isCalendarDate(ref.to) && ref.from <= ref.to && isTerritory(ref.territory);
}

/** The report a representation names, or null when it names none (see isReportKey). */
export function reportFromKey(ref: { from?: unknown; to?: unknown; territory?: unknown }): ReportKey | null {
  return isReportKey(ref) ? { from: ref.from, to: ref.to, territory: ref.territory } : null;
}
