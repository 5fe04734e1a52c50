import { reportEntityType, ReportKey } from "@camau/shared";

/**
 * The registry's period report, extended by its key (from, to, territory) with the trade promotion
 * figures. The registry owns the type and the query that returns it.
 */
export const CollectiveEconomyReport = reportEntityType();
export type CollectiveEconomyReport = ReportKey;
