import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLScalarType, GraphQLSchema, parse } from "graphql";
import { buildSchema, BuildSchemaOptions, createResolversMap, getMetadataStorage } from "type-graphql";
import { RoleAuthChecker } from "../auth/authChecker";
import { CACHE_CONTROL_DEFINITION, CACHE_CONTROL_LINK } from "./cacheHints";
import { enumLabelsSchema } from "./enumLabelsSchema";
import { validateInput } from "./validateInput";

/** Federation 2 directives the subgraphs use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@composeDirective"])';

/**
 * Every mutation must declare its roles with @Authorized: type-graphql runs that check before it
 * converts and validates the arguments, so a caller without the role gets UNAUTHENTICATED or
 * FORBIDDEN and never learns, from BAD_USER_INPUT, what input would be valid. (A check inside the
 * resolver body, such as "the manager of this cooperative", comes after validation; it narrows the
 * roles @Authorized already let through.)
 */
function assertMutationsAuthorized(resolvers: BuildSchemaOptions["resolvers"]): void {
  const classes = new Set<unknown>(Array.isArray(resolvers) ? resolvers : []);
  const open = getMetadataStorage()
    .mutations.filter((m) => classes.has(m.target) && !m.roles?.length)
    .map((m) => `${m.target.name}.${m.methodName}`);
  if (open.length) throw new Error(`Mutations without @Authorized (roles are checked before input validation): ${open.join(", ")}`);
}

/** A field that needs one of `roles` (its @Authorized), as the subgraph's schema names it. */
export interface ProtectedField {
  typeName: string;
  fieldName: string;
  roles: string[];
}

const protectedFieldsBySchema = new WeakMap<GraphQLSchema, ProtectedField[]>();

/**
 * The fields of a schema built by buildFederatedSchema that carry @Authorized, with their roles:
 * queries, mutations and field resolvers of its resolver classes. Read from type-graphql's
 * metadata once the schema is built (the roles are attached to the resolvers then).
 */
export function protectedFieldsOf(schema: GraphQLSchema): ProtectedField[] {
  return protectedFieldsBySchema.get(schema) ?? [];
}

function collectProtectedFields(resolvers: BuildSchemaOptions["resolvers"], schema: GraphQLSchema): ProtectedField[] {
  const classes = new Set<unknown>(Array.isArray(resolvers) ? resolvers : []);
  const storage = getMetadataStorage();
  const typeNameOf = (target: unknown) => storage.objectTypes.find((t) => t.target === target)?.name;
  const found: ProtectedField[] = [];
  const add = (typeName: string | undefined, fieldName: string, roles: unknown[] | undefined) => {
    if (!typeName || !roles?.length || !schema.getType(typeName)) return;
    found.push({ typeName, fieldName, roles: roles.map(String) });
  };
  for (const m of storage.queries) if (classes.has(m.target)) add("Query", m.schemaName, m.roles);
  for (const m of storage.mutations) if (classes.has(m.target)) add("Mutation", m.schemaName, m.roles);
  for (const m of storage.fieldResolvers) {
    if (classes.has(m.target)) add(typeNameOf(m.getObjectType?.() ?? m.resolverClassMetadata?.getObjectType()), m.schemaName, m.roles);
  }
  return found;
}

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never, info: never) => unknown }>;

/**
 * Builds a federated subgraph schema from type-graphql resolvers: type-graphql produces the
 * types (with their @key directives and descriptions), @apollo/subgraph adds _entities/_service.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck" | "authChecker" | "validate" | "validateFn">,
  referenceResolvers: ReferenceResolvers = {},
  /** Whether this subgraph answers the root field `enumLabels` (one subgraph does). */
  { servesEnumLabels = false }: { servesEnumLabels?: boolean } = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    authChecker: RoleAuthChecker,
    validateFn: validateInput,
    skipCheck: true,
  });
  assertMutationsAuthorized(options.resolvers);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown> | GraphQLScalarType>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as Record<string, unknown>), ...resolver };
  }
  const labels = enumLabelsSchema(schema, servesEnumLabels);
  for (const [typeName, resolver] of Object.entries(labels.resolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as Record<string, unknown>), ...resolver };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${CACHE_CONTROL_LINK}\n${CACHE_CONTROL_DEFINITION}\n${printSchemaWithDirectives(schema)}\n${labels.typeDefs}`);
  const subgraph = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  protectedFieldsBySchema.set(subgraph, collectProtectedFields(options.resolvers, schema));
  return subgraph;
}
