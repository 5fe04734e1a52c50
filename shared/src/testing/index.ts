// Test tooling: servers started for tests, test tokens and root hooks. Only tests, benchmarks and
// their support code import this entry point (`@camau/shared/testing`); production code never does.
export * from "./testDatabase";
export * from "./subgraphUnderTest";
export * from "./restartablePostgres";
export * from "./replicatedPostgres";
export * from "./debianPostgres";
export * from "./systemTool";
export * from "./pgBouncer";
export * from "./inMemoryCooperativeDirectory";
export * from "./mochaHooks";
export * from "./judgedSearch";
