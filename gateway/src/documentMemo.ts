import { DocumentNode, GraphQLSchema } from "graphql";

/**
 * A value kept per schema and parsed document (Apollo reuses one DocumentNode per query text),
 * created on first use; both are weak keys, so a new schema or an evicted document frees it.
 * Per process by design: what it keeps is a pure function of the schema and the document (cost
 * verdicts, Cache-Control decisions), so every replica computes the same value.
 */
export function documentMemo<T>(create: (document: DocumentNode) => T): (schema: GraphQLSchema, document: DocumentNode) => T {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>();
  return (schema, document) => {
    let documents = bySchema.get(schema);
    if (!documents) bySchema.set(schema, (documents = new WeakMap()));
    if (!documents.has(document)) documents.set(document, create(document));
    return documents.get(document)!;
  };
}
