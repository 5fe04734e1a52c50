import { globalId, parseGlobalId } from "@camau/shared";

export const REPORT_TYPENAME = "CollectiveEconomyReport";

/** The report's key fields, in the order of its @key; fields added to the key are appended. */
export interface ReportKey {
  from: string;
  to: string;
  territory?: string | null;
}

/** The report's id, made from its key alone: the same period (and territory) has the same id in every answer. */
export function reportId(key: ReportKey): string {
  return globalId(REPORT_TYPENAME, key.from, key.to, ...(key.territory ? [key.territory] : []));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The key a report id names; null when the id is not a report's or is damaged. */
export function reportKeyOf(id: string): ReportKey | null {
  const decoded = parseGlobalId(id);
  if (!decoded || decoded.typename !== REPORT_TYPENAME) return null;
  const [from, to, territory, ...rest] = decoded.key;
  if (!DATE.test(from ?? "") || !DATE.test(to ?? "") || from > to || rest.length) return null;
  if (territory !== undefined && !/^[A-Z_]{1,40}$/.test(territory)) return null;
  return territory === undefined ? { from, to } : { from, to, territory };
}
