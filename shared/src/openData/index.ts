export * from "./datasets";
export * from "./rowFormat";
export * from "./changeTracking";
export * from "./datasetStream";
export * from "./subgraphRoutes";
