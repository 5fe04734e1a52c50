import { addMonths, type InvalidInput } from "@camau/shared";
import { OcopLevel } from "./enums";

/**
 * OCOP rating rules (Decision 148/QĐ-TTg, 2023): products are rated 3, 4 or 5 stars on a
 * 100-point score (part A production and community 40, B marketing 25, C quality 35); 3–4 stars
 * are certified by the provincial council, 5 stars by the national council; a certificate is
 * valid 36 months. Kept as data so a later scheme can replace it.
 */
export const OCOP_STAR_BANDS: Readonly<Record<number, { minScore: number; maxScore: number; level: OcopLevel }>> = {
  3: { minScore: 50, maxScore: 69, level: OcopLevel.PROVINCIAL },
  4: { minScore: 70, maxScore: 89, level: OcopLevel.PROVINCIAL },
  5: { minScore: 90, maxScore: 100, level: OcopLevel.NATIONAL },
};

export const OCOP_MIN_STARS = 3;
export const OCOP_MAX_STARS = 5;

/** Months a certificate stays valid when its decision states no other expiry. */
export const OCOP_VALIDITY_MONTHS = 36;

/** The national OCOP program started with Decision 490/QĐ-TTg of 7 May 2018: no certificate predates it. */
export const OCOP_PROGRAM_START = "2018-05-07";

/** Council level that certifies a number of stars. */
export function levelForStars(stars: number): OcopLevel {
  const band = OCOP_STAR_BANDS[stars];
  if (!band) throw new RangeError(`OCOP ratings have 3 to 5 stars, got ${stars}`);
  return band.level;
}

/** Stars a score earns (null below 50: not rated). */
export function starsForScore(score: number): number | null {
  for (const [stars, band] of Object.entries(OCOP_STAR_BANDS)) {
    if (score >= band.minScore && score <= band.maxScore) return Number(stars);
  }
  return null;
}

/** Default expiry: the same day 36 months after certification. */
export function defaultExpiry(certifiedOn: string): string {
  return addMonths(certifiedOn, OCOP_VALIDITY_MONTHS);
}

export interface CertificationDraft {
  stars: number;
  score: number;
  level?: OcopLevel | null;
  certifiedOn: string;
  expiresOn?: string | null;
}

/**
 * Every rule a new certification breaks (empty when it is acceptable): stars 3–5, score within
 * the stars' band, level matching the stars (a 5-star provincial certification is refused),
 * certified on or after the program's start, expiry after certification and within 36 months.
 */
export function certificationProblems(draft: CertificationDraft): InvalidInput[] {
  const problems: InvalidInput[] = [];
  const band = OCOP_STAR_BANDS[draft.stars];
  if (!Number.isInteger(draft.stars) || !band) {
    problems.push({ path: "stars", message: "an OCOP rating has 3, 4 or 5 stars" });
  }
  if (!Number.isInteger(draft.score) || draft.score < 0 || draft.score > 100) {
    problems.push({ path: "score", message: "the score is a whole number from 0 to 100" });
  } else if (band && (draft.score < band.minScore || draft.score > band.maxScore)) {
    problems.push({ path: "score", message: `a ${draft.stars}-star rating needs a score from ${band.minScore} to ${band.maxScore}, got ${draft.score}` });
  }
  if (band && draft.level && draft.level !== band.level) {
    problems.push({
      path: "level",
      message:
        band.level === OcopLevel.NATIONAL
          ? "5-star ratings are certified by the national council, not a provincial one"
          : `${draft.stars}-star ratings are certified by the provincial council, not the national one`,
    });
  }
  if (draft.certifiedOn < OCOP_PROGRAM_START) {
    problems.push({ path: "certifiedOn", message: `the OCOP program started on ${OCOP_PROGRAM_START}` });
  }
  if (draft.expiresOn != null) {
    if (draft.expiresOn <= draft.certifiedOn) problems.push({ path: "expiresOn", message: "must be after certifiedOn" });
    else if (draft.expiresOn > defaultExpiry(draft.certifiedOn)) {
      problems.push({ path: "expiresOn", message: `a certificate is valid at most ${OCOP_VALIDITY_MONTHS} months (until ${defaultExpiry(draft.certifiedOn)})` });
    }
  }
  return problems;
}

export interface CertificationPeriod {
  stars: number;
  certifiedOn: string;
  expiresOn: string;
}

/** In force on a date: certified on or before it and expiring on or after it (both ends inclusive). */
export function isInForce(c: CertificationPeriod, date: string): boolean {
  return c.certifiedOn <= date && date <= c.expiresOn;
}

/**
 * The certification in force on a date: of those in force, the latest certified (a re-rating,
 * up or down, supersedes the earlier certificate); ties go to more stars. Null when none is.
 */
export function certificationInForce<T extends CertificationPeriod>(certifications: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const c of certifications) {
    if (!isInForce(c, date)) continue;
    if (!best || c.certifiedOn > best.certifiedOn || (c.certifiedOn === best.certifiedOn && c.stars > best.stars)) best = c;
  }
  return best;
}

/** Stars in force on a date, or null when the product has no certificate in force then. */
export function starsInForce(certifications: readonly CertificationPeriod[], date: string): number | null {
  return certificationInForce(certifications, date)?.stars ?? null;
}
