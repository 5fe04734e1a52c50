/**
 * Calendar dates as day numbers (days since 1970-01-01) for cheap arithmetic in the generator,
 * and back to `YYYY-MM-DD` strings (cached: the dataset formats millions of dates).
 */

const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${isoDate}`);
  return Math.round(ms / MS_PER_DAY);
}

const CACHE_FROM = dayOf("1930-01-01");
const CACHE_TO = dayOf("2040-12-31");
const cache: Array<string | undefined> = new Array(CACHE_TO - CACHE_FROM + 1);

export function isoOf(day: number): string {
  if (day >= CACHE_FROM && day <= CACHE_TO) {
    const i = day - CACHE_FROM;
    return (cache[i] ??= new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** The same calendar date `years` later (29 February → 28 February). */
export function addYears(day: number, years: number): number {
  const iso = isoOf(day);
  const y = Number(iso.slice(0, 4)) + years;
  let md = iso.slice(5);
  if (md === "02-29") md = "02-28";
  return dayOf(`${String(y).padStart(4, "0")}-${md}`);
}
