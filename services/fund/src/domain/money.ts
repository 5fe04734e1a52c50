/**
 * Money is whole đồng held in a JS number (safe-integer range). Interest is computed exactly in
 * BigInt and rounded half up to the đồng, so results do not depend on binary fractions.
 *
 * Interest rates are per cent per year with at most four decimals (6.6 means 6.6 %/year,
 * 0.55 %/month); internally they are integers in units of 10^-4 per cent ("rate E4").
 */

export const RATE_SCALE = 10_000;
/** Largest accepted rate: 100 % a year. */
export const MAX_ANNUAL_RATE = 100;

export class DomainError extends Error {}

/** 6.6 → 66000; refuses rates with more than four decimals or outside 0–100 %. */
export function rateE4(percentPerYear: number): number {
  if (!Number.isFinite(percentPerYear) || percentPerYear < 0 || percentPerYear > MAX_ANNUAL_RATE) {
    throw new DomainError(`an annual interest rate must be between 0 and ${MAX_ANNUAL_RATE} per cent`);
  }
  const scaled = Math.round(percentPerYear * RATE_SCALE);
  if (Math.abs(scaled - percentPerYear * RATE_SCALE) > 1e-6) throw new DomainError("an interest rate has at most four decimals");
  return scaled;
}

/** n / d rounded half up, for non-negative n and positive d. */
export function divideRounded(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** One month's interest on a balance: balance × rate / 12, rounded half up to the đồng. */
export function monthlyInterest(balance: number, annualRateE4: number): number {
  if (balance <= 0 || annualRateE4 === 0) return 0;
  return Number(divideRounded(BigInt(balance) * BigInt(annualRateE4), BigInt(12 * 100 * RATE_SCALE)));
}

export function assertMoney(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError(`${what} must be a whole, non-negative number of đồng`);
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
