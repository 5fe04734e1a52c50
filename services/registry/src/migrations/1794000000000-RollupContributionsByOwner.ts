/** An owner's contributions indexed by owner first (the shared rollup's faster key to build). */
export { RollupContributionsByOwner1794000000000 } from "@camau/shared";
