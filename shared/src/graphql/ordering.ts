import { registerLabelledEnum } from "./enumLabels";

/** Sort direction of every `orderBy` in the API. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerLabelledEnum(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  labels: {
    ASC: { en: "Ascending", vi: "Tăng dần", detail: "A→Z, oldest first, smallest first" },
    DESC: { en: "Descending", vi: "Giảm dần" },
  },
});
