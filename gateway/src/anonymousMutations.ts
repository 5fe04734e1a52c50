import { ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ErrorCode, Role } from "@camau/shared";
import { GraphQLError } from "graphql";
import { GatewayContext } from "./context";

/**
 * No mutation is open to the public: every one carries @Authorized with signed-in roles (the
 * subgraphs' schema build refuses one without). So a mutation without a token is refused here,
 * once the operation is known and before its variables are coerced: an anonymous caller gets
 * UNAUTHENTICATED (HTTP 401), never BAD_USER_INPUT telling it which input would be valid, even for
 * values GraphQL itself refuses (a malformed date or amount), which the subgraphs' role checks
 * come too late for.
 */
export function anonymousMutationsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "mutation" || contextValue.viewer.role !== Role.ANONYMOUS) return;
          throw new GraphQLError("A valid bearer token is required", {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new HeaderMap([["www-authenticate", "Bearer"]]) } },
          });
        },
      };
    },
  };
}
