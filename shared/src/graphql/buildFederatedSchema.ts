import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLScalarType, GraphQLSchema, parse } from "graphql";
import { buildSchema, BuildSchemaOptions, createResolversMap } from "type-graphql";
import { RoleAuthChecker } from "../auth/authChecker";
import { validateInput } from "./validateInput";

/** Federation 2 directives the subgraphs use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never, info: never) => unknown }>;

/**
 * Builds a federated subgraph schema from type-graphql resolvers: type-graphql produces the
 * types (with their @key directives and descriptions), @apollo/subgraph adds _entities/_service.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck" | "authChecker" | "validate" | "validateFn">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    authChecker: RoleAuthChecker,
    validateFn: validateInput,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown> | GraphQLScalarType>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as Record<string, unknown>), ...resolver };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}
