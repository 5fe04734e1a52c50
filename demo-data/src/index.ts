export * from "./registry/generateRegistry";
export * as registryVocabulary from "./registry/vocabulary";
