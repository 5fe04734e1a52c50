/**
 * Calendar dates as `YYYY-MM-DD` strings (Vietnam's calendar): the arithmetic of loan schedules,
 * certification expiries and the like. It goes through UTC midnight, so no time zone can shift a
 * date by a day ("today" in the province is provinceDates.ts).
 */

const MS_PER_DAY = 86_400_000;

// Schedules, accruals and the demo generator convert the same dates millions of times: both
// conversions are remembered (same results; the caches are bounded).
const DAY_CACHE_LIMIT = 200_000;
const dayNumbers = new Map<string, number>();
const CACHED_FROM = -25_567; // 1900-01-01
const CACHED_TO = 73_413; // 2170-12-31
const isoDays: Array<string | undefined> = new Array(CACHED_TO - CACHED_FROM + 1);

export function dayNumber(iso: string): number {
  const known = dayNumbers.get(iso);
  if (known !== undefined) return known;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${iso}`);
  const day = Math.round(ms / MS_PER_DAY);
  if (dayNumbers.size >= DAY_CACHE_LIMIT) dayNumbers.clear();
  dayNumbers.set(iso, day);
  return day;
}

export function isoOfDay(day: number): string {
  if (day >= CACHED_FROM && day <= CACHED_TO && Number.isInteger(day)) {
    return (isoDays[day - CACHED_FROM] ??= new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * The same day of the month `months` later; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February). Always counted from the original date, so a
 * schedule started on the 31st falls on each month's last day without drifting.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total % 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, "0")}-${String(month0 + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
