import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { NextFunction, Request, Response } from "express";
import {
  DirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLCompositeType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  typeFromAST,
  visit,
} from "graphql";
import { CachePolicy, cachePolicyOf, CacheSettings, cacheSettings, CacheTier } from "./cachePolicy";
import { documentMemo } from "./documentMemo";

/**
 * The gateway's HTTP caching. Every GraphQL response gets a `Cache-Control` header:
 *
 * - `private, no-store` when the request carries an Authorization header (whatever it asks);
 * - `no-store` for mutations and subscriptions, responses with errors, operations selecting a
 *   field that is not public (the subgraphs' `@cacheControl` hints, read by cachePolicy.ts), introspection (`__schema`, `__type`), and everything
 *   when HTTP_CACHE=false;
 * - otherwise `public, max-age=N`, N the smallest max-age of the selected fields' tiers.
 *
 * Responses also carry `Vary: Authorization, Origin` (the CORS headers depend on the Origin). The same plugin serves POST and GET (persisted
 * queries by hash), so a CDN may cache a GET of public data. Apollo's own cache-control plugin is
 * switched off so that one policy decides: it would read the same hints by laxer rules (a field
 * without a hint inheriting its parent's) and merge the subgraphs' Cache-Control headers.
 */
export type CacheDecision = { cacheable: true; maxAge: number } | { cacheable: false; reason: string };

export const NO_STORE = "no-store";
export const PRIVATE_NO_STORE = "private, no-store";
/** What every GraphQL answer varies on: who asks (Authorization) and from which page (Origin, see cors.ts). */
export const VARY_ON = ["Authorization", "Origin"] as const;

/** Tier of one field: the exact coordinate, else the type's wildcard, else not public. */
function tierOf(policy: CachePolicy, typeName: string, fieldName: string): CacheTier {
  return policy[`${typeName}.${fieldName}`] ?? policy[`${typeName}.*`] ?? "restricted";
}

class NotCacheable extends Error {}

/**
 * Walks the operation that will run (fragments followed, `@skip`/`@include` decided with the
 * request's variables, fields on interfaces and unions checked for every possible type) and
 * returns the max-age the answer may be cached for, or why it may not be.
 */
export function cacheDecisionOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  settings: Pick<CacheSettings, "maxAges"> & { policy: CachePolicy },
  request: { operationName?: string | null; variables?: Record<string, unknown> | null } = {},
): CacheDecision {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return { cacheable: false, reason: "no single operation to run" };
  if (operation.operation !== "query") return { cacheable: false, reason: operation.operation };
  const rootType = schema.getQueryType();
  if (!rootType) return { cacheable: false, reason: "no query type" };

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return { cacheable: false, reason: "invalid variables" };
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const seconds = (tier: Exclude<CacheTier, "restricted">): number | undefined => (tier === "inherit" ? undefined : settings.maxAges[tier]);
  // Per (fragment, type): a fragment spread many times is walked once (no blow-up on nested spreads).
  const fragmentAges = new Map<string, number>();
  const walking = new Set<string>();

  const included = (node: { readonly directives?: readonly DirectiveNode[] }): boolean => {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  };

  /** The smallest max-age under a selection set on `parent`; Infinity when nothing limits it. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let maxAge = Infinity;
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (name === "__schema" || name === "__type") throw new NotCacheable("introspection");
        // A field on an interface or union counts as the same field on every type it may be.
        const owners: readonly GraphQLObjectType[] = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent as GraphQLObjectType];
        let fieldType: GraphQLCompositeType | undefined;
        for (const owner of owners) {
          const field = owner.getFields()[name];
          if (!field) continue; // validation rejects fields that exist on no possible type
          const tier = tierOf(settings.policy, owner.name, name);
          if (tier === "restricted") throw new NotCacheable(`${owner.name}.${name} is not public`);
          maxAge = Math.min(maxAge, seconds(tier) ?? Infinity);
          const named = getNamedType(field.type);
          if (isCompositeType(named)) fieldType = named;
        }
        if (selection.selectionSet) {
          if (!fieldType) throw new NotCacheable(`unknown field ${parent.name}.${name}`);
          maxAge = Math.min(maxAge, walk(selection.selectionSet, fieldType));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        if (!narrowed || !isCompositeType(narrowed)) throw new NotCacheable("unknown type condition");
        maxAge = Math.min(maxAge, walk(selection.selectionSet, narrowed));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) throw new NotCacheable(`unknown fragment ${selection.name.value}`);
        const narrowed = typeFromAST(schema, fragment.typeCondition);
        if (!narrowed || !isCompositeType(narrowed)) throw new NotCacheable("unknown type condition");
        const key = `${fragment.name.value}@${narrowed.name}`;
        let age = fragmentAges.get(key);
        if (age === undefined) {
          if (walking.has(key)) throw new NotCacheable("fragment cycle");
          walking.add(key);
          age = walk(fragment.selectionSet, narrowed);
          walking.delete(key);
          fragmentAges.set(key, age);
        }
        maxAge = Math.min(maxAge, age);
      }
    }
    return maxAge;
  };

  try {
    const maxAge = walk(operation.selectionSet, rootType);
    // Only `__typename` and page info: as long as any other public answer.
    const result = maxAge === Infinity ? settings.maxAges.public : maxAge;
    return result > 0 ? { cacheable: true, maxAge: result } : { cacheable: false, reason: "max-age 0" };
  } catch (error) {
    if (error instanceof NotCacheable) return { cacheable: false, reason: error.message };
    throw error;
  }
}

/** Whether a variable appears in a directive (`@skip(if: $x)`): the walk then depends on the variables. */
function hasDirectiveVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.arguments?.some((a) => a.value.kind !== Kind.BOOLEAN)) found = true;
      return false;
    },
  });
  return found;
}

/** The Cache-Control header value for a decision. */
export function cacheControlHeaderOf(decision: CacheDecision): string {
  return decision.cacheable ? `public, max-age=${decision.maxAge}` : NO_STORE;
}

function addVary(current: string | undefined, name: string): string {
  const values = (current ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  if (values.some((v) => v === "*" || v.toLowerCase() === name.toLowerCase())) return values.join(", ");
  return [...values, name].join(", ");
}

/**
 * The Apollo Server plugins of HTTP caching: this policy, and Apollo's built-in cache-control
 * plugin switched off (it would otherwise act on subgraphs' Cache-Control headers).
 */
export function cacheControlPlugins(supergraphSdl: string, overrides: Partial<CacheSettings> & { policy?: CachePolicy } = {}): ApolloServerPlugin[] {
  const settings = { ...cacheSettings(overrides), policy: overrides.policy ?? cachePolicyOf(supergraphSdl) };
  // The policy walk ran on every answer; without variables in @skip/@include its decision depends
  // only on the schema, the document and the operation, so it is kept per document. (Variables are
  // valid here: an answer without errors has passed the gateway's variable coercion.)
  const decisionsOf = documentMemo((document) => (hasDirectiveVariables(document) ? null : new Map<string, CacheDecision>()));
  const decide = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): CacheDecision => {
    const decisions = decisionsOf(schema, document);
    const key = operationName ?? "";
    let decision = decisions?.get(key);
    if (!decision) {
      try {
        decision = cacheDecisionOf(schema, document, settings, { operationName, variables });
      } catch {
        decision = { cacheable: false, reason: "policy walk failed" }; // fail closed
      }
      if (decisions && !(!decision.cacheable && decision.reason === "invalid variables") && decisions.size < 16) decisions.set(key, decision);
    }
    return decision;
  };
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, schema, document, operationName }) {
          const headers = response.http.headers;
          headers.set("vary", VARY_ON.reduce<string | undefined>(addVary, headers.get("vary"))!);
          let value: string;
          if (request.http?.headers.has("authorization")) value = PRIVATE_NO_STORE;
          else if (!settings.enabled) value = NO_STORE;
          else if (response.body.kind !== "single" || response.body.singleResult.errors?.length || !document) value = NO_STORE;
          else value = cacheControlHeaderOf(decide(schema, document, operationName ?? request.operationName, request.variables));
          headers.set("cache-control", value);
        },
      };
    },
  };
  return [plugin, ApolloServerPluginCacheControlDisabled()];
}

/**
 * Express middleware in front of /graphql: `no-store` and `Vary: Authorization, Origin` on every response,
 * including those Apollo answers before any plugin runs (a bad token's 401, CSRF refusals, bodies
 * that are not JSON). The plugin replaces the header for operations it sees.
 */
export function httpCacheDefaults(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader("Cache-Control", NO_STORE);
  // Set, not appended to: the CORS middleware's "Origin" is among them, and the plain-JSON path sets the same.
  res.setHeader("Vary", VARY_ON.join(", "));
  next();
}
