import { registerEnumType } from "type-graphql";

/** How a client shows an enum value to people: in English and in Vietnamese, and what it means beyond its label. */
export interface EnumValueLabel {
  readonly en: string;
  readonly vi: string;
  /** What the label alone does not say (a threshold, a legal basis); part of the value's description only. */
  readonly detail?: string;
}

const TABLES = new Map<string, Readonly<Record<string, EnumValueLabel>>>();

/** A value's description in the schema, made from its labels: "English (Tiếng Việt): detail." */
export function labelledDescription(label: EnumValueLabel): string {
  return `${label.en} (${label.vi})${label.detail ? `: ${label.detail}` : ""}.`;
}

/**
 * Registers an enum of the API with its one table of labels: the values' descriptions (GraphiQL's
 * docs) are made from it, and `enumLabels` serves it, so a label is written once, next to its enum.
 */
export function registerLabelledEnum<E extends Record<string, string>>(
  enumObject: E,
  config: { name: string; description: string; labels: { readonly [K in E[keyof E]]: EnumValueLabel } },
): void {
  const labels = config.labels as Readonly<Record<string, EnumValueLabel>>;
  registerEnumType(enumObject, {
    name: config.name,
    description: config.description,
    valuesConfig: Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, { description: labelledDescription(label) }])) as never,
  });
  TABLES.set(config.name, labels);
}

/** The labels of a registered enum, by value; undefined for an enum registered without them. */
export function enumLabelTable(name: string): Readonly<Record<string, EnumValueLabel>> | undefined {
  return TABLES.get(name);
}
