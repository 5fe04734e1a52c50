import { apiSchemaOf, printApiSchema } from "@camau/gateway";
import { Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import {
  buildSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/**
 * The public schema as a contract. The API schema is what clients see through the
 * gateway: the supergraph without federation's machinery (join__*, link__*, _entities, inaccessible
 * elements). schema/api.graphql is its committed, sorted print; schema/api.baseline.graphql is
 * the contract as last released, which breaking changes are measured against.
 */
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, "gateway", "supergraph.graphql");
export const API_SCHEMA_FILE = path.join(REPO_ROOT, "schema", "api.graphql");
export const API_BASELINE_FILE = path.join(REPO_ROOT, "schema", "api.baseline.graphql");
export const API_CHANGELOG_FILE = path.join(REPO_ROOT, "docs", "api-changelog.md");

// One print of the public schema, shared with the gateway's GET /schema.graphql.
export { apiSchemaOf, printApiSchema };

export function parseApiSchema(sdl: string): GraphQLSchema {
  return buildSchema(sdl);
}

/**
 * Every type, field, argument, input field and enum value of the schema that has no description
 * (built-in scalars and introspection types excepted), as schema coordinates: `Query.cooperatives(first:)`.
 */
export function undocumentedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === "";
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

export interface BreakingChange {
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** Schema path of the change, e.g. `Query.cooperatives` or `Cooperative.status`. */
  path: string;
  message: string;
}

/** The changes from `before` to `after` that can break an existing client (graphql-inspector). */
export async function breakingChanges(before: GraphQLSchema, after: GraphQLSchema): Promise<BreakingChange[]> {
  const changes: Change[] = await diff(before, after);
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => ({ type: String(c.type), path: c.path ?? "(schema)", message: c.message }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.type.localeCompare(b.type));
}

export interface ChangelogEntry {
  path: string;
  type: string;
  reason: string;
  line: number;
}

/**
 * The breaking changes accepted in docs/api-changelog.md: lines of the form
 *   - `Path.to.element` CHANGE_TYPE: reason
 * under the "### Breaking changes" heading of the "## Unreleased" section (the changes since the
 * baseline). Released sections are history and are not read.
 */
export function acceptedBreakingChanges(changelog: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let inUnreleased = false;
  let inBreaking = false;
  changelog.split("\n").forEach((text, index) => {
    const h2 = /^##\s+(.*?)\s*$/.exec(text);
    if (h2 && !text.startsWith("###")) {
      inUnreleased = /^unreleased$/i.test(h2[1]);
      inBreaking = false;
      return;
    }
    const h3 = /^###\s+(.*?)\s*$/.exec(text);
    if (h3) {
      inBreaking = /^breaking changes$/i.test(h3[1]);
      return;
    }
    if (!inUnreleased || !inBreaking) return;
    const entry = /^[-*]\s+`([^`]+)`\s+([A-Z][A-Z0-9_]*)\s*:\s*(.*?)\s*$/.exec(text);
    if (entry) entries.push({ path: entry[1], type: entry[2], reason: entry[3], line: index + 1 });
  });
  return entries;
}

/** A breaking change is accepted when the changelog lists its path and type with a reason. */
export function unacceptedBreakingChanges(changes: readonly BreakingChange[], accepted: readonly ChangelogEntry[]): BreakingChange[] {
  return changes.filter((c) => !accepted.some((e) => e.path === c.path && e.type === c.type && e.reason.length > 0));
}

/** The changelog line that would accept a breaking change (printed by the check as a hint). */
export function changelogLineFor(change: BreakingChange): string {
  return `- \`${change.path}\` ${change.type}: <why this break is needed and what clients should do instead>`;
}
