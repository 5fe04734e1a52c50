import { badInput } from "../graphql/errors";

/** The province's time zone: "today" for every rule and default date is today in Cà Mau. */
export const PROVINCE_TIME_ZONE = "Asia/Ho_Chi_Minh";

// en-CA formats a date as YYYY-MM-DD; one formatter, built once (building one is the slow part).
const provinceDay = new Intl.DateTimeFormat("en-CA", { timeZone: PROVINCE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in the province, as YYYY-MM-DD (`now` in ms since the epoch, for tests). */
export function todayInProvince(now: number = Date.now()): string {
  return provinceDay.format(now);
}

/** True when the date lies after today in the province; a missing date does not. */
export function isFuture(date: string | null | undefined): boolean {
  return !!date && date > todayInProvince();
}

/** Dates of things that have happened may not lie in the future; a missing date passes. */
export function assertNotFuture(date: string | null | undefined, path: string): void {
  if (isFuture(date)) throw badInput(path, "cannot be in the future");
}

/** A date from the input, today by default; legal dates are recorded once they have happened. */
export function pastOrToday(value: string | null | undefined, path: string): string {
  const date = value ?? todayInProvince();
  assertNotFuture(date, path);
  return date;
}
