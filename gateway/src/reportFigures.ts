import { OpenDataset } from "@camau/shared";

/** A half-year: from the 1st of January or July to the 30th of June or 31st of December. */
export interface HalfYear {
  from: string;
  to: string;
}

function halfYearOf(date: string): HalfYear {
  const year = date.slice(0, 4);
  return Number(date.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

function nextHalfYear(period: HalfYear): HalfYear {
  const year = Number(period.from.slice(0, 4));
  return period.from.endsWith("01-01") ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year + 1}-01-01`, to: `${year + 1}-06-30` };
}

/** The last half-year that has ended by `today` (YYYY-MM-DD). */
export function lastCompleteHalfYear(today: string): HalfYear {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= "07-01" ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}

/** Every half-year from the one holding `first` to the last complete one, oldest first. */
export function halfYears(first: string, today: string): HalfYear[] {
  const last = lastCompleteHalfYear(today);
  const periods: HalfYear[] = [];
  for (let period = halfYearOf(first); period.from <= last.from; period = nextHalfYear(period)) periods.push(period);
  return periods;
}

/** The report query of one period, selecting the dataset's columns (scalar figures of the report). */
export function reportQuery(dataset: OpenDataset): string {
  return `query OpenDataReportFigures($from: Date!, $to: Date!) { collectiveEconomyReport(from: $from, to: $to) { ${dataset.columns.map((c) => c.field).join(" ")} } }`;
}

/** The first recorded data: the founding of the oldest cooperative in the registry. */
export const FIRST_RECORD_QUERY = `query OpenDataFirstRecord { cooperatives(first: 1, orderBy: [{ field: FOUNDED_ON, direction: ASC }]) { edges { node { foundedOn } } } }`;
