import { placeInTerritory, REFORM_DATE, Territory, unplacedInTerritory } from "@camau/shared";

/** The last day of the pre-2025 tree: an unplaced loan signed before the reform is dated on it. */
const DAY_BEFORE_REFORM = "2025-06-30";

/**
 * Whether a rollup cell's loans lie in a territory, from the place parts the fund's rollups keep:
 * the borrower's district, the borrower's commune when there is no district, and, for a loan with
 * neither, whether it was signed before the reform ("true"/"false"), which decides its province.
 */
export function rolledUpLoanInTerritory(territory: Territory, districtCode: string | null, communeCode: string | null, signedBeforeReform: string | null): boolean {
  return districtCode || communeCode ? placeInTerritory(territory, districtCode, communeCode) : unplacedInTerritory(territory, signedBeforeReform === "true" ? DAY_BEFORE_REFORM : REFORM_DATE);
}
