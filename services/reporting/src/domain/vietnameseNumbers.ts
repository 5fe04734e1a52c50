/**
 * Numbers as the province writes them: dot thousands separators and a decimal comma
 * ("14.190", "12,5"), counts under ten with two digits where the reports use them ("01", "09"),
 * amounts in đồng with words for the large ones ("12,5 tỷ đồng", "850 triệu đồng").
 */

/** 14190 → "14.190"; 12.5 → "12,5"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return "";
  const negative = value < 0;
  const [whole, fraction = ""] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const trimmed = fraction.replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${trimmed ? `,${trimmed}` : ""}`;
}

/** A count with at least two digits: 1 → "01", 9 → "09", 275 → "275", 14190 → "14.190". */
export function formatCount(value: number): string {
  if (!Number.isInteger(value) || value < 0) return formatNumber(value);
  return value < 10 ? `0${value}` : formatNumber(value);
}

const MONEY_UNITS: readonly [number, string][] = [
  [1_000_000_000, "tỷ"],
  [1_000_000, "triệu"],
];

/** 12_500_000_000 → "12,5 tỷ đồng"; 850_000_000 → "850 triệu đồng"; 450_000 → "450.000 đồng". */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return "";
  for (const [size, word] of MONEY_UNITS) {
    if (Math.abs(value) >= size) return `${formatNumber(value / size, 2)} ${word} đồng`;
  }
  return `${formatNumber(value, 0)} đồng`;
}

/** 0.0523 → "5,23%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 2)}%`;
}

/**
 * How a figure moved against another period: "tăng 3 HTX so với cùng kỳ năm 2020",
 * "giảm 1,2 tỷ đồng so với 6 tháng cuối năm 2020", "bằng cùng kỳ năm 2020". Money differences
 * are written in đồng words; `unit` follows other differences ("HTX", "thành viên").
 */
export function describeChange(value: number, other: number | null | undefined, unit: string, otherName: string): string {
  if (other === null || other === undefined || !Number.isFinite(other) || !Number.isFinite(value)) return "";
  const difference = value - other;
  if (difference === 0) return `bằng ${otherName}`;
  const amount = unit === "đồng" ? formatMoney(Math.abs(difference)) : `${formatNumber(Math.abs(difference))}${unit ? ` ${unit}` : ""}`;
  return `${difference > 0 ? "tăng" : "giảm"} ${amount} so với ${otherName}`;
}
