import { ProtectedField, Role, signToken, SUBGRAPHS, TOKEN_ROLES } from "@camau/shared";
import { expect } from "chai";
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../scripts/lib/paths";
import { protectedFieldsOfSubgraph } from "./support/protectedFields";
import { e2eStack, graphql } from "./support/stack";

/**
 * The one rule for errors, over every protected field of every subgraph through the gateway: no
 * token → UNAUTHENTICATED, a token without the right role → FORBIDDEN. The protected fields are
 * read from the subgraphs' built schemas (every field with @Authorized), so a new one is tested
 * without being listed here. Arguments are placeholders of the right types: the role check runs
 * before the arguments are validated, so nothing is changed.
 */
const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: "00000000-0000-4000-8000-000000000000",
  String: "x",
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: "2021-01-01",
  DateTime: "2021-01-01T00:00:00Z",
  Money: 1,
  JSONObject: {},
};

/** A value GraphQL accepts for the type: required fields only, empty lists. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type)]));
  }
  if (!(type.name in SCALAR_SAMPLES)) throw new Error(`no sample value for scalar ${type.name}`);
  return SCALAR_SAMPLES[type.name];
}

const required = (args: readonly GraphQLArgument[]) => args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** `name(arg: $var ...)` with the field's required arguments as variables, and a selection when it returns an object. */
function fieldCall(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>, declarations: string[]): string {
  const args = required(field.args).map((a) => {
    const variable = `v${declarations.length}`;
    declarations.push(`$${variable}: ${a.type.toString()}`);
    variables[variable] = sample(a.type);
    return `${a.name}: $${variable}`;
  });
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  return `${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection}`;
}

/**
 * The shortest way from Query to objects of a type through fields that need no arguments and no
 * role (lists asked for a few items), e.g. `cooperatives(first: 3) { edges { node { … } } }`.
 */
function pathTo(schema: GraphQLSchema, typeName: string, isProtected: (type: string, field: string) => boolean): string[] {
  const queue: { type: GraphQLObjectType; path: string[] }[] = [{ type: schema.getQueryType()!, path: [] }];
  const seen = new Set<string>(["Query"]);
  while (queue.length) {
    const { type, path: through } = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || required(field.args).length || isProtected(type.name, field.name)) continue;
      // A page of 100 at the root, so that some object on it has the nested records the field sits under.
      const step = field.args.some((a) => a.name === "first") ? `${field.name}(first: ${through.length ? 3 : 100})` : field.name;
      if (target.name === typeName) return [...through, step];
      if (seen.has(target.name) || through.length >= 5) continue;
      seen.add(target.name);
      queue.push({ type: target, path: [...through, step] });
    }
  }
  throw new Error(`no public path from Query to ${typeName}`);
}

interface Call {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  fieldName: string;
  isMutation: boolean;
}

function callOf(schema: GraphQLSchema, protectedField: ProtectedField, isProtected: (type: string, field: string) => boolean): Call {
  const { typeName, fieldName } = protectedField;
  const type = schema.getType(typeName) as GraphQLObjectType | undefined;
  const field = type?.getFields()[fieldName];
  if (!field) throw new Error(`${typeName}.${fieldName} is not in the public schema`);
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const call = fieldCall(field, variables, declarations);
  const isMutation = typeName === "Mutation";
  const body = typeName === "Query" || isMutation ? call : pathTo(schema, typeName, isProtected).reduceRight((inner, step) => `${step} { ${inner} }`, `__typename ${call}`);
  const head = `${isMutation ? "mutation" : "query"}${declarations.length ? ` (${declarations.join(", ")})` : ""}`;
  return { label: `${typeName}.${fieldName}`, query: `${head} { ${body} }`, variables, fieldName, isMutation };
}

function tokenOf(role: Role): string {
  return signToken({ sub: `auth-errors-${role.toLowerCase()}`, role, ...(role === Role.COOPERATIVE_MANAGER ? { cooperativeId: randomUUID() } : {}) });
}

describe("end to end: one rule for errors on every protected field", function () {
  this.timeout(240_000);
  const fields: (ProtectedField & { subgraph: string })[] = [];
  let schema: GraphQLSchema;

  before(async () => {
    await e2eStack();
    schema = buildSchema(await readFile(path.join(REPO_ROOT, "schema", "api.graphql"), "utf8"), { assumeValidSDL: true });
    for (const subgraph of SUBGRAPHS) {
      for (const field of await protectedFieldsOfSubgraph(subgraph.dir)) fields.push({ ...field, subgraph: subgraph.name });
    }
  });

  it("finds protected fields in every subgraph, reads and mutations alike", () => {
    for (const subgraph of SUBGRAPHS) expect(fields.filter((f) => f.subgraph === subgraph.name), subgraph.name).not.to.be.empty;
    expect(fields.some((f) => f.typeName === "Mutation")).to.equal(true);
    expect(fields.some((f) => f.typeName === "Query")).to.equal(true);
    expect(fields.some((f) => f.typeName !== "Query" && f.typeName !== "Mutation")).to.equal(true);
  });

  it("answers UNAUTHENTICATED without a token and FORBIDDEN to a token without the role, on each of them", async () => {
    const isProtected = (type: string, field: string) => fields.some((f) => f.typeName === type && f.fieldName === field);
    const failures: string[] = [];
    for (const field of fields) {
      const call = callOf(schema, field, isProtected);
      const lacking = TOKEN_ROLES.filter((role) => !field.roles.includes(role));
      for (const role of [Role.ANONYMOUS, ...lacking]) {
        const expected = role === Role.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN";
        // A mutation without a token is refused whole (HTTP 401); a refused field leaves the rest of the answer (HTTP 200).
        const expectedStatus = role === Role.ANONYMOUS && call.isMutation ? 401 : 200;
        const response = await graphql(call.query, call.variables, role === Role.ANONYMOUS ? undefined : tokenOf(role));
        const codes = (response.errors ?? []).map((e) => e.extensions?.code);
        const onField = (response.errors ?? []).some((e) => e.path === undefined || e.path.includes(call.fieldName));
        if (response.status !== expectedStatus || !codes.length || codes.some((c) => c !== expected) || !onField) {
          failures.push(`${field.subgraph} ${call.label} as ${role}: HTTP ${response.status} ${JSON.stringify(codes)}, expected HTTP ${expectedStatus} ${expected}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
