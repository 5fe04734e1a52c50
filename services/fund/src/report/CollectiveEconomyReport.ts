import { reportEntityType, ReportKey } from "@camau/shared";

/**
 * The registry's period report, keyed by its period and territory: the fund adds its figures to
 * the same object (report/ReportResolver.ts).
 */
export const CollectiveEconomyReport = reportEntityType();
export type CollectiveEconomyReport = ReportKey;
