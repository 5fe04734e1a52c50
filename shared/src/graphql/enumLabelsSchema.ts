import { CacheHint } from "./cacheHints";
import { GraphQLSchema, isEnumType } from "graphql";
import { enumLabelTable } from "./enumLabels";

/** The key of the one EnumLabels object: the labels change only with the schema. */
export const ENUM_LABELS_ID = "EnumLabels";

const gqlString = (text: string) => JSON.stringify(text);
const fieldNameOf = (enumName: string) => enumName.charAt(0).toLowerCase() + enumName.slice(1);

/**
 * The labels of a subgraph's enums as part of its schema: every subgraph adds one field per enum
 * it defines to the shared `EnumLabels` entity (enums several subgraphs share are @shareable), and
 * the subgraph that serves the root field answers `enumLabels`. An enum without a table of labels
 * stops the schema from building.
 */
export function enumLabelsSchema(schema: GraphQLSchema, servesRootField: boolean): { typeDefs: string; resolvers: Record<string, Record<string, unknown>> } {
  const enums = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((e) => !e.name.startsWith("__"));
  const fields: string[] = [];
  const resolvers: Record<string, () => unknown> = {};
  for (const enumType of enums) {
    const table = enumLabelTable(enumType.name);
    const unlabelled = enumType.getValues().filter((v) => !table?.[v.name]);
    if (unlabelled.length) throw new Error(`Enum ${enumType.name} has values without labels (register it with registerLabelledEnum): ${unlabelled.map((v) => v.name).join(", ")}`);
    const rows = enumType.getValues().map((v) => ({ value: v.name, en: table![v.name].en, vi: table![v.name].vi }));
    fields.push(`  ${gqlString(`Labels of every value of ${enumType.name}, in the schema's order.`)}\n  ${fieldNameOf(enumType.name)}: [EnumValueLabel!]! @shareable`);
    resolvers[fieldNameOf(enumType.name)] = () => rows;
  }
  const typeDefs = `
${gqlString("How clients show the API's enum values: one list of labels per enum, in English and Vietnamese. The values' descriptions begin with the same labels: \"English (Tiếng Việt)\".")}
type EnumLabels @key(fields: "id") ${CacheHint.reference} {
  ${gqlString(`Always "${ENUM_LABELS_ID}": the labels are those of the schema they come with.`)}
  id: ID!
${fields.join("\n")}
}

${gqlString("The labels of one enum value.")}
type EnumValueLabel @shareable ${CacheHint.reference} {
  ${gqlString("The value, as the API spells it.")}
  value: String!
  ${gqlString("English label.")}
  en: String!
  ${gqlString("Vietnamese label (nhãn tiếng Việt).")}
  vi: String!
}
${
  servesRootField
    ? `extend type Query {
  ${gqlString("The English and Vietnamese labels of every enum value of the API, one list per enum (e.g. `enumLabels { loanStatus { value en vi } }`). Public.")}
  enumLabels: EnumLabels! ${CacheHint.reference}
}`
    : ""
}`;
  return {
    typeDefs,
    resolvers: {
      EnumLabels: { ...resolvers, __resolveReference: () => ({ id: ENUM_LABELS_ID }) },
      ...(servesRootField ? { Query: { enumLabels: () => ({ id: ENUM_LABELS_ID }) } } : {}),
    },
  };
}
