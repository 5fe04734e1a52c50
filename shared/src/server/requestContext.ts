import { GraphQLError } from "graphql";
import { TokenError, viewerFromAuthorization } from "../auth/tokens";
import { Viewer } from "../auth/viewer";

/** Reads the viewer from the Authorization header; an invalid token is UNAUTHENTICATED (HTTP 401). */
export function viewerOrThrow(authorization: string | undefined): Viewer {
  try {
    return viewerFromAuthorization(authorization);
  } catch (error) {
    if (error instanceof TokenError) {
      throw new GraphQLError(`Invalid bearer token: ${error.message}`, {
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      });
    }
    throw error;
  }
}
