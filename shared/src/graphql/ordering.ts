import { registerEnumType } from "type-graphql";

/** Sort direction of every `orderBy` in the API. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  valuesConfig: { ASC: { description: "Ascending (A→Z, oldest first, smallest first)." }, DESC: { description: "Descending." } },
});
