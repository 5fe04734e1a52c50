/**
 * Debt classification by days past due (phân loại nợ theo số ngày quá hạn), State Bank groups
 * 1–5. The thresholds are data (table debt_group_threshold, changed by ADMIN), not code: these
 * are only the defaults the migration writes, after Circular 11/2021/TT-NHNN.
 */
export interface DebtGroupBand {
  debtGroup: number;
  /** Smallest number of days past due that puts a loan in this group. */
  minDaysPastDue: number;
  name: string;
}

export const STATE_BANK_DEBT_GROUPS: readonly DebtGroupBand[] = [
  { debtGroup: 1, minDaysPastDue: 0, name: "Nợ đủ tiêu chuẩn" },
  { debtGroup: 2, minDaysPastDue: 10, name: "Nợ cần chú ý" },
  { debtGroup: 3, minDaysPastDue: 91, name: "Nợ dưới tiêu chuẩn" },
  { debtGroup: 4, minDaysPastDue: 181, name: "Nợ nghi ngờ" },
  { debtGroup: 5, minDaysPastDue: 361, name: "Nợ có khả năng mất vốn" },
];

/** The group of a loan `daysPastDue` days past due: the highest group whose threshold it reaches. */
export function debtGroupFor(daysPastDue: number, bands: readonly DebtGroupBand[]): number {
  let group = 1;
  let best = -1;
  for (const b of bands) {
    if (b.minDaysPastDue <= daysPastDue && b.minDaysPastDue > best) {
      best = b.minDaysPastDue;
      group = b.debtGroup;
    }
  }
  return group;
}

/** Exactly groups 1–5, group 1 from 0 days, thresholds strictly increasing with the group. */
export function debtGroupBandsProblem(bands: readonly { debtGroup: number; minDaysPastDue: number }[]): string | null {
  const sorted = [...bands].sort((a, b) => a.debtGroup - b.debtGroup);
  if (sorted.length !== 5 || sorted.some((b, i) => b.debtGroup !== i + 1)) return "give exactly one threshold for each debt group 1 to 5";
  if (sorted[0].minDaysPastDue !== 0) return "debt group 1 must start at 0 days past due";
  for (let i = 1; i < sorted.length; i++) {
    if (!Number.isInteger(sorted[i].minDaysPastDue) || sorted[i].minDaysPastDue <= sorted[i - 1].minDaysPastDue) {
      return "thresholds must increase strictly from group 1 to group 5";
    }
  }
  return null;
}
