/** An example operation of docs/examples/, as shown in GraphiQL's Examples pane. */
export interface ExampleOperation {
  /** File name without .graphql, e.g. "01-collective-economy-report". */
  id: string;
  /** Absolute path of the .graphql file. */
  file: string;
  title: string;
  description: string;
  /** Subgraphs it reads (its "# subgraphs:" header). */
  subgraphs: string[];
  /** The role of the token it needs (its "# role:" header), "" for public data. */
  role: string;
  /** The operation, without the header comments. */
  query: string;
  /** Variables as pretty JSON, or "" when there is no .variables.json. */
  variables: string;
}

/** Folder of the built GraphiQL page (index.html and assets/), written by `npm run build`. */
export declare const GRAPHIQL_DIST_DIR: string;
/** docs/examples: the example operations. */
export declare const EXAMPLES_DIR: string;
export declare function readExamples(dir?: string): ExampleOperation[];
