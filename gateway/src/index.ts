export * from "./gateway";
export * from "./context";
export * from "./config";
export * from "./readiness";
export * from "./requestId";
export * from "./subgraphDataSource";
export * from "./subgraphErrors";
export * from "./timeoutFetcher";
