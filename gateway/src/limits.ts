import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { DEFAULT_PAGE_SIZE, envBool, envInt, envOptional, isProduction, MAX_PAGE_SIZE } from "@camau/shared";
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  ValidationRule,
  validate,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { documentMemo } from "./documentMemo";

/**
 * The gateway's request limits. Every number is configuration with a default that lets
 * every screen of the product through (test/limits.test.ts runs the deepest of them under these
 * defaults); hostile documents are refused before any subgraph is called.
 *
 * | variable | default | what it bounds |
 * |---|---|---|
 * | GRAPHQL_MAX_DEPTH | 12 | nesting of fields (fragments flattened) |
 * | GRAPHQL_MAX_ALIASES | 30 | aliases in one operation |
 * | GRAPHQL_MAX_DIRECTIVES | 20 | directives in one operation |
 * | GRAPHQL_MAX_TOKENS | 3000 | lexical tokens of the document (parse stops there) |
 * | GRAPHQL_MAX_COST | 50000 | estimated cost, page sizes included (see below) |
 * | BODY_LIMIT | 1mb | size of a request body |
 * | INTROSPECTION | true, false when NODE_ENV=production | `__schema` / `__type` queries |
 * | BLOCK_FIELD_SUGGESTIONS | false, true when NODE_ENV=production | "Did you mean ...?" in errors |
 */
export interface RequestLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** express.json `limit`, e.g. "1mb". */
  bodyLimit: string;
  introspection: boolean;
  blockFieldSuggestions: boolean;
}

export const DEFAULT_LIMITS: Omit<RequestLimits, "introspection" | "blockFieldSuggestions"> = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 50_000,
  bodyLimit: "1mb",
};

/** Cost weights: armor's defaults (object 2, scalar 1, ×1.5 per level), lists × their page size. */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

function positive(name: string, fallback: number): number {
  const value = envInt(name, fallback);
  if (value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** The limits from the environment (see the table above), overridable per call (tests). */
export function requestLimits(overrides: Partial<RequestLimits> = {}): RequestLimits {
  return {
    maxDepth: positive("GRAPHQL_MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: positive("GRAPHQL_MAX_ALIASES", DEFAULT_LIMITS.maxAliases),
    maxDirectives: positive("GRAPHQL_MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives),
    maxTokens: positive("GRAPHQL_MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxCost: positive("GRAPHQL_MAX_COST", DEFAULT_LIMITS.maxCost),
    bodyLimit: envOptional("BODY_LIMIT") ?? DEFAULT_LIMITS.bodyLimit,
    introspection: envBool("INTROSPECTION", !isProduction()),
    blockFieldSuggestions: envBool("BLOCK_FIELD_SUGGESTIONS", isProduction()),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

const PAGE_ARGUMENTS = new Set(["first", "last"]);

/**
 * The document as the cost rule should see it: `first`/`last` given by a variable get the
 * variable's value, and a paginated field without either gets the default page size, so a page
 * of 100 costs 100 times its items whether it is written inline, passed as a variable or left to
 * the default. (armor's rule alone reads only literal integers.)
 */
export function withPageSizes(document: DocumentNode, schema: GraphQLSchema, variables: Record<string, unknown> | undefined, operationName?: string | null): DocumentNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  const defaults = new Map<string, unknown>();
  for (const definition of operation?.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
  }
  const valueOf = (name: string): number | undefined => {
    const raw = variables && name in variables ? variables[name] : defaults.get(name);
    return typeof raw === "number" && Number.isInteger(raw) ? Math.max(0, Math.min(raw, MAX_PAGE_SIZE)) : undefined;
  };
  const intArgument = (name: string, value: number): ArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(value) },
  });
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node: FieldNode): FieldNode | undefined {
          const definition = typeInfo.getFieldDef();
          if (!definition || !definition.args.some((a) => a.name === "first")) return undefined;
          // Only connections take first/last; their size multiplies what is selected below.
          if (!getNamedType(definition.type).name.endsWith("Connection")) return undefined;
          const given = (node.arguments ?? []).filter((a) => PAGE_ARGUMENTS.has(a.name.value));
          const others = (node.arguments ?? []).filter((a) => !PAGE_ARGUMENTS.has(a.name.value));
          let size: number | undefined;
          for (const argument of given) {
            const value =
              argument.value.kind === Kind.INT
                ? Math.max(0, Math.min(Number(argument.value.value), MAX_PAGE_SIZE))
                : argument.value.kind === Kind.VARIABLE
                  ? valueOf(argument.value.name.value)
                  : undefined;
            if (value !== undefined) size = Math.max(size ?? 0, value);
          }
          return { ...node, arguments: [intArgument("first", size ?? DEFAULT_PAGE_SIZE), ...others] };
        },
      },
    }),
  );
}

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } } });
}

/** Names of the variables a document passes to `first`/`last` (the only ones its cost depends on). */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

function pageKeyOf(variables: Record<string, unknown> | undefined, name: string): string {
  if (!variables || !(name in variables)) return "d";
  const raw = variables[name];
  return typeof raw === "number" && Number.isInteger(raw) ? String(Math.max(0, Math.min(raw, MAX_PAGE_SIZE))) : "x";
}

/** Costs kept per document (Apollo reuses one DocumentNode per query text) and page-size values. */
const MAX_COSTS_PER_DOCUMENT = 64;

// armor's cost rule, used only to measure: with a limit of 0 it reports every cost above 0 in its
// message, and accepts (with the cost) an operation that costs nothing. validate() is synchronous,
// so the handlers hand the figure to operationCost() through this variable.
let measured = 0;
const measuringRule = costLimitRule({
  maxCost: 0,
  ...COST_WEIGHTS,
  flattenFragments: true,
  ignoreIntrospection: true,
  exposeLimits: true,
  propagateOnRejection: false,
  onAccept: [(_ctx, { n }) => (measured = n)],
  onReject: [(_ctx, error) => (measured = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? Number.POSITIVE_INFINITY))],
});
const costsOf = documentMemo((document) => ({ pageVariables: pageVariablesOf(document), costs: new Map<string, number>() }));

/**
 * The estimated cost of an operation, page sizes included (armor's weights, see withPageSizes).
 * The walk took ~0.5 ms per request; the cost depends only on the schema, the document, the
 * operation and the page-size variables, so it is computed once per such combination. The cost
 * limit and the fair-use budgets (fairUse.ts) both read it.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined): number {
  const entry = costsOf(schema, document);
  // Each page variable as withPageSizes reads it: absent (its default), an integer (clamped), or
  // anything else (ignored); so keys stay short whatever a client sends.
  const key = [operationName ?? "", ...entry.pageVariables.map((name) => pageKeyOf(variables, name))].join(" ");
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    measured = 0;
    validate(schema, withPageSizes(document, schema, variables, operationName), [measuringRule], { maxErrors: 1 });
    cost = measured;
    if (entry.costs.size < MAX_COSTS_PER_DOCUMENT) entry.costs.set(key, cost);
  }
  return cost;
}

/** Refuses an operation whose cost, page sizes included, is over the limit; runs once the operation and its variables are known. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          const cost = operationCost(schema, document, request.variables, operationName);
          if (cost > maxCost) throw limitError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}

/** Strips "Did you mean ...?" from a message (field, argument, type and enum-value suggestions). */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean[^?]*\?/g, "").trim();
}

/** What the gateway's ApolloServer takes from the limits. */
export interface ApolloLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  introspection: boolean;
  allowBatchedHttpRequests: false;
}

/**
 * graphql-armor's protections for Apollo Server: depth, aliases and directives as validation
 * rules (GRAPHQL_VALIDATION_FAILED, HTTP 400, before any subgraph is called). Three of armor's
 * pieces are replaced: its field-suggestion blocker by `withoutSuggestions` in the error formatter, its token limit (an Apollo plugin
 * that throws inside parsingDidStart, which Apollo turns into an HTTP 500) by graphql-js's own
 * `maxTokens` parse option (GRAPHQL_PARSE_FAILED, 400), and its cost rule's literal-only page
 * sizes by `costLimitPlugin`, which runs armor's cost rule with the real page sizes.
 */
export function apolloLimits(limits: RequestLimits): ApolloLimits {
  const rejectAsValidationError = { propagateOnRejection: false, onReject: [(ctx: { reportError(e: GraphQLError): void } | null, error: GraphQLError) => ctx?.reportError(error)] };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...rejectAsValidationError },
    maxAliases: { n: limits.maxAliases, ...rejectAsValidationError },
    maxDirectives: { n: limits.maxDirectives, ...rejectAsValidationError },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are stripped by the gateway's error formatter instead: armor's plugin knows one
    // wording ("Did you mean "x"") and only the gateway's own errors, not enum-value suggestions
    // nor the errors relayed from subgraphs.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return {
    plugins: [...protection.plugins, costLimitPlugin(limits.maxCost)],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: limits.introspection,
    allowBatchedHttpRequests: false,
  };
}
