import { dayNumber } from "@camau/shared";
import { CooperativeEventRow } from "@camau/demo-data";

/** A day on which a cooperative's status is set, and the status it takes. */
export interface StatusDay {
  day: number;
  status: string;
}

/**
 * `cooperative_status_days` of the report's migrations computed from the dataset's events: per
 * cooperative, in order of day, the status of the status event recorded last on each day (the
 * timestamps share one offset and format, so their text sorts as their instants).
 */
export function cooperativeStatusDays(events: Iterable<Pick<CooperativeEventRow, "cooperativeId" | "effectiveOn" | "recordedAt" | "statusAfter">>): Map<string, StatusDay[]> {
  const latest = new Map<string, { day: number; status: string; at: string }[]>();
  for (const e of events) {
    if (e.statusAfter === null) continue;
    const day = dayNumber(e.effectiveOn);
    let days = latest.get(e.cooperativeId);
    if (!days) latest.set(e.cooperativeId, (days = []));
    const same = days.find((d) => d.day === day);
    if (!same) days.push({ day, status: e.statusAfter, at: e.recordedAt });
    else if (e.recordedAt > same.at) Object.assign(same, { status: e.statusAfter, at: e.recordedAt });
  }
  const statusDays = new Map<string, StatusDay[]>();
  for (const [id, days] of latest) statusDays.set(id, days.sort((a, b) => a.day - b.day).map(({ day, status }) => ({ day, status })));
  return statusDays;
}
