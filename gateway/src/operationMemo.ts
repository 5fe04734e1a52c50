import type { Operation, Schema } from "@apollo/federation-internals";
import { DefinitionNode, DocumentNode, Kind, OperationDefinitionNode } from "graphql";
import { createRequire } from "node:module";

type OperationFromDocument = (schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => Operation;
type Memoized = OperationFromDocument & { readonly memoizes: OperationFromDocument };

interface Built {
  fragments: readonly DefinitionNode[];
  operation: Operation;
}

/**
 * @apollo/gateway caches the query plan per document, but on every request its executeQueryPlan
 * rebuilds the operation into federation-internals' model (`operationFromDocument(apiSchema,
 * { operation, ...fragments }, { validate: false })`) to shape the answer: about 7 % of the
 * gateway's busy CPU on the portal list. The model is read only there (result shaping, the plan's
 * conditions), and Apollo Server hands the gateway one parsed document per query text, so the
 * same operation node with the same fragment nodes always builds the same model: it is kept per
 * API schema and operation node (both weak keys: a new schema or an evicted document frees it).
 *
 * The gateway exposes no hook for this, so the function is replaced in federation-internals'
 * operations module, which its index re-exports through a getter. Only that call's shape is
 * memoized (unvalidated, no operation name, the operation first and fragments after it); every
 * other call, the planner's own included, goes to the original. Returns whether the memo is in
 * place: a federation-internals that exports it differently runs unmemoized (a test notices).
 */
export function memoizeOperationModels(): boolean {
  const fromGateway = createRequire(require.resolve("@apollo/gateway"));
  const operations = fromGateway("@apollo/federation-internals/dist/operations") as { operationFromDocument: OperationFromDocument | Memoized };
  const index = fromGateway("@apollo/federation-internals") as { operationFromDocument: OperationFromDocument };
  if ("memoizes" in operations.operationFromDocument) return index.operationFromDocument === operations.operationFromDocument;
  const original = operations.operationFromDocument;
  const bySchema = new WeakMap<Schema, WeakMap<OperationDefinitionNode, Built>>();
  const memoized: OperationFromDocument = (schema, document, options) => {
    const [first, ...rest] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== Kind.OPERATION_DEFINITION || rest.some((d) => d.kind !== Kind.FRAGMENT_DEFINITION)) {
      return original(schema, document, options);
    }
    let built = bySchema.get(schema);
    if (!built) bySchema.set(schema, (built = new WeakMap()));
    const kept = built.get(first);
    if (kept && kept.fragments.length === rest.length && kept.fragments.every((f, i) => f === rest[i])) return kept.operation;
    // A document the model refuses throws here each time, as before; only models are kept.
    const operation = original(schema, document, options);
    built.set(first, { fragments: rest, operation });
    return operation;
  };
  operations.operationFromDocument = Object.assign(memoized, { memoizes: original });
  return index.operationFromDocument === memoized;
}
