import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";

/**
 * @apollo/gateway shapes the merged subgraph answers against the API schema, and when a value
 * breaks it (a non-null field a subgraph left null, say, which nulls its parents up to `data`)
 * it reports the problem in `extensions.valueCompletion` only when there is no other error: the
 * client would get `data: null` and no `errors`, and a public cache would keep it. Such problems
 * become ordinary errors here (masked: they describe the inside, and go to the log under a
 * correlation id), so an answer is never emptied silently; the cache-control plugin then sees
 * the errors and answers no-store.
 */
export function valueCompletionErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const problems = result.extensions?.valueCompletion as GraphQLFormattedError[] | undefined;
          if (!Array.isArray(problems) || problems.length === 0) return;
          const { valueCompletion: _dropped, ...extensions } = result.extensions!;
          result.extensions = Object.keys(extensions).length ? extensions : undefined;
          const errors = problems.map((problem) => {
            const correlationId = randomUUID();
            process.stderr.write(`[gateway] error ${correlationId}: value completion: ${problem.message} (${problem.path?.join(".") ?? "-"})\n`);
            return { message: "Internal server error", path: problem.path, extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } };
          });
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}
