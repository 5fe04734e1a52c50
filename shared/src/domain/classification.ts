import { Rating } from "./registryEnums";

/**
 * Bands of the 100-point classification scheme (Circular 01/2020/TT-BKHĐT). Kept as data so a
 * later scheme can be added beside it; a classification records which scheme rated it.
 */
export const CLASSIFICATION_SCHEMES = {
  "TT01-2020": [
    { rating: Rating.GOOD, minScore: 80 },
    { rating: Rating.FAIR, minScore: 65 },
    { rating: Rating.AVERAGE, minScore: 50 },
    { rating: Rating.WEAK, minScore: 0 },
  ],
} as const;

export type ClassificationScheme = keyof typeof CLASSIFICATION_SCHEMES;
export const CURRENT_SCHEME: ClassificationScheme = "TT01-2020";

export class ScoreOutOfRangeError extends Error {}

/** Rating of a score (an integer 0–100) under a scheme. */
export function ratingForScore(score: number, scheme: ClassificationScheme = CURRENT_SCHEME): Rating {
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new ScoreOutOfRangeError(`score must be an integer from 0 to 100, got ${score}`);
  for (const band of CLASSIFICATION_SCHEMES[scheme]) if (score >= band.minScore) return band.rating;
  throw new ScoreOutOfRangeError(`no band for score ${score}`);
}

/** Ratings the provincial reports call "khá, mạnh" (fair or good). */
export function isGoodOrFair(rating: Rating): boolean {
  return rating === Rating.GOOD || rating === Rating.FAIR;
}

/** Cooperatives operating under 12 months are not rated: true when the year can be classified. */
export function canBeClassifiedForYear(foundedOn: string, year: number): boolean {
  const yearEnd = `${year}-12-31`;
  const [y, m, d] = foundedOn.split("-").map(Number);
  const anniversary = `${String(y + 1).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return anniversary <= yearEnd;
}
