/**
 * Report periods as officers name and compare them. Dates are ISO calendar dates (YYYY-MM-DD),
 * compared as strings; arithmetic is done in UTC so no time zone moves a day.
 */
export interface Period {
  readonly from: string;
  readonly to: string;
}

import { REFORM_DATE } from "@camau/shared";

export { REFORM_DATE };

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

function addDays(date: string, days: number): string {
  const value = utc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return iso(value);
}

/** The same calendar day a number of years earlier (29 February becomes 28 February). */
function minusYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

export type PeriodKind = "FIRST_HALF" | "SECOND_HALF" | "YEAR" | "OTHER";

export function kindOf({ from, to }: Period): PeriodKind {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (fy !== ty || fd !== 1) return "OTHER";
  if (fm === 1 && tm === 6 && td === 30) return "FIRST_HALF";
  if (fm === 7 && tm === 12 && td === 31) return "SECOND_HALF";
  if (fm === 1 && tm === 12 && td === 31) return "YEAR";
  return "OTHER";
}

function dayMonthYear(date: string): string {
  const [y, m, d] = parts(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

/** "6 tháng đầu năm 2021", "6 tháng cuối năm 2021", "năm 2026", or "từ ngày 01/03/2024 đến ngày 31/05/2024". */
export function periodName(period: Period): string {
  const year = parts(period.from)[0];
  switch (kindOf(period)) {
    case "FIRST_HALF":
      return `6 tháng đầu năm ${year}`;
    case "SECOND_HALF":
      return `6 tháng cuối năm ${year}`;
    case "YEAR":
      return `năm ${year}`;
    default:
      return `từ ngày ${dayMonthYear(period.from)} đến ngày ${dayMonthYear(period.to)}`;
  }
}

/** The same period one year earlier ("cùng kỳ năm trước"). */
export function samePeriodLastYear(period: Period): Period {
  return { from: minusYears(period.from, 1), to: minusYears(period.to, 1) };
}

/** The period just before: the other half-year, the previous year, or as many days just before. */
export function previousPeriod(period: Period): Period {
  const year = parts(period.from)[0];
  switch (kindOf(period)) {
    case "FIRST_HALF":
      return { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
    case "SECOND_HALF":
      return { from: `${year}-01-01`, to: `${year}-06-30` };
    case "YEAR":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    default: {
      const days = Math.round((utc(period.to).getTime() - utc(period.from).getTime()) / 86_400_000);
      const to = addDays(period.from, -1);
      return { from: addDays(to, -days), to };
    }
  }
}

/** This period and the `count - 1` before it, oldest first: the chart's series. */
export function lastPeriods(period: Period, count: number): Period[] {
  const periods = [period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]));
  return periods;
}

/** A short label of a period for a chart axis: "6T/2021", "6T cuối/2021", "2026", "31/05/2024". */
export function shortPeriodLabel(period: Period): string {
  const year = parts(period.from)[0];
  switch (kindOf(period)) {
    case "FIRST_HALF":
      return `6T đầu ${year}`;
    case "SECOND_HALF":
      return `6T cuối ${year}`;
    case "YEAR":
      return String(year);
    default:
      return dayMonthYear(period.to);
  }
}
