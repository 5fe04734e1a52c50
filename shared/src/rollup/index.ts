export * from "./migration";
export * from "./triggers";
export * from "./totals";
export * from "./monthEndsByChange";
export * from "./figureTotals";
export * from "./contributionsByOwner";
