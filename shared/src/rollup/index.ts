export * from "./migration";
export * from "./triggers";
export * from "./totals";
