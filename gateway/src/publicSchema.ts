import { Supergraph } from "@apollo/federation-internals";
import type { Request, Response } from "express";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { createHash } from "node:crypto";

/** Where the gateway publishes its public schema (SDL). */
export const PUBLIC_SCHEMA_PATH = "/schema.graphql";

const HEADER =
  "# The public API schema of the gateway (what clients see), exported from gateway/supergraph.graphql\n" +
  "# by `npm run schema:export`; do not edit. CI fails when it is stale (`npm run schema:check`).\n\n";

/**
 * The API schema of a supergraph, as clients see it through the gateway: the supergraph without
 * federation's machinery (join__*, link__*, _entities, inaccessible elements).
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Its published text (schema/api.graphql, GET /schema.graphql): types and fields sorted, so a diff shows what changed. */
export function printApiSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + "\n";
}

/**
 * GET /schema.graphql: the public schema of the supergraph this gateway serves, the same text as
 * the committed schema/api.graphql. It is what GraphiQL and code generators read in production,
 * where introspection is off: the schema is public (roles decide which data a caller gets, never
 * which types exist), introspection would only be a second, costlier way to read it. An ETag (its
 * SHA-256) lets a client revalidate; it changes only with a deployment.
 */
export function publicSchemaHandler(supergraphSdl: string): (req: Request, res: Response) => void {
  const text = printApiSchema(apiSchemaOf(supergraphSdl));
  const etag = `"${createHash("sha256").update(text).digest("base64url")}"`;
  return (req, res) => {
    res.setHeader("etag", etag);
    res.setHeader("cache-control", "public, max-age=300");
    if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
      res.status(304).end();
      return;
    }
    res.type("text/plain; charset=utf-8").send(text);
  };
}
