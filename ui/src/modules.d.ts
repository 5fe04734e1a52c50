declare module "virtual:examples" {
  import type { ExampleOperation } from "../index";
  export const examples: Omit<ExampleOperation, "file">[];
  /** GraphiQL's first tab: the semi-annual report with its variables written in. */
  export const firstTab: { id: string; query: string };
}
declare module "*.css";
