import type { ApolloServerPlugin } from "@apollo/server";
import { DateScalar, DateTimeScalar, MoneyScalar } from "@camau/shared";
import { GraphQLError, GraphQLScalarType, GraphQLSchema, isScalarType, valueFromASTUntyped } from "graphql";

/** The custom scalars of the API, as the subgraphs implement them (shared's scalars.ts). */
const IMPLEMENTED: readonly GraphQLScalarType[] = [DateScalar, DateTimeScalar, MoneyScalar];

/**
 * The gateway's schema comes from the supergraph, where a custom scalar is a name only: any value
 * passes the gateway and the subgraph then refuses it, as GRAPHQL_VALIDATION_FAILED in an HTTP 200
 * when it was written in the document. Giving the gateway's scalars the subgraphs' checks makes a
 * bad Date, DateTime or Money fail at the gateway, as BAD_USER_INPUT with HTTP 400, written in the
 * document or sent as a variable alike (errorFormatter.ts names the first BAD_USER_INPUT too).
 * Checks only: the value goes on to the subgraphs as the client wrote it, so the subgraphs'
 * own parsing stays the one that counts.
 */
export function checkScalarsLikeSubgraphs(schema: GraphQLSchema): void {
  for (const implemented of IMPLEMENTED) {
    const type = schema.getType(implemented.name);
    if (!isScalarType(type) || type === implemented) continue;
    // The supergraph's scalar objects are the gateway's own, built per schema load: set in place
    // so the schema Apollo Server validates against is the one that checks.
    type.parseValue = (value) => {
      implemented.parseValue(value);
      return value;
    };
    type.parseLiteral = (ast, variables) => {
      try {
        implemented.parseLiteral(ast, variables);
      } catch (error) {
        // Pointing at the value: the client sees where, and errorFormatter.ts knows it is a bad value.
        throw new GraphQLError(error instanceof Error ? error.message : String(error), { nodes: ast });
      }
      return valueFromASTUntyped(ast, variables);
    };
  }
}

/** Applies checkScalarsLikeSubgraphs to every schema the gateway loads. */
export function scalarChecksPlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate: ({ apiSchema }) => checkScalarsLikeSubgraphs(apiSchema),
      };
    },
  };
}
