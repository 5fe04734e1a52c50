export * from "./registry/generateRegistry";
