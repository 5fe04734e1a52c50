/** Month-end snapshots from the months in which a cell changes (the shared rollup's faster extension). */
export { RollupMonthEndsByChange1791000000000 } from "@camau/shared";
