/** The shared dated-rollup tables and functions (rollup_contribution, rollup_delta), as in every subgraph that keeps figures as of a date. */
export { Rollup1726000000000 } from "@camau/shared";
