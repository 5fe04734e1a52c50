import { CACHE_TIER_SECONDS, envBool, envInt } from "@camau/shared";
import { DirectiveNode, Kind, parse } from "graphql";

/**
 * HTTP caching of public data: which fields of the API are public, and for how long a shared
 * cache (a CDN in front of the open-data portal) may keep an answer made only of them. The
 * subgraphs declare it beside their types and fields with `@cacheControl` hints (see
 * CacheHint in @camau/shared), composition carries the hints into the supergraph, and this module
 * reads them back into a table the gateway's cache-control plugin (cacheControlPlugin.ts) walks.
 *
 * The table maps a schema coordinate, `Type.field` or `Type.*` (a hint on the type: every field
 * of it), to a tier:
 *
 * | tier | hint | max-age (env, default) | for |
 * |---|---|---|---|
 * | `reference` | maxAge: 3600 | CACHE_MAX_AGE_REFERENCE, 3600 s | administrative units, sectors: change with reforms only |
 * | `report` | maxAge: 300 | CACHE_MAX_AGE_REPORT, 300 s | the semi-annual report, published figures, the fund's portfolio |
 * | `public` | maxAge: 60 | CACHE_MAX_AGE_PUBLIC, 60 s | lists and profiles the registry, trade and outreach change daily |
 * | `inherit` | inheritMaxAge: true | none of its own | values inside any public answer (page info) |
 * | `restricted` | maxAge: 0, or no hint | not cacheable | a field that needs a role or holds personal data |
 *
 * An answer's max-age is the smallest over its fields. `HTTP_CACHE=false` turns public caching off
 * (every GraphQL response is then `no-store`). A field without a hint of its own or on its type is
 * not public, so a field added to the schema is uncacheable until its subgraph declares it public.
 */
export type CacheTier = "reference" | "report" | "public" | "inherit" | "restricted";

/** Schema coordinate (`Type.field`, `Type.*`) -> tier; a coordinate not in it is not public. */
export type CachePolicy = Readonly<Record<string, CacheTier>>;

const TIER_OF_SECONDS = new Map<number, CacheTier>(Object.entries(CACHE_TIER_SECONDS).map(([tier, seconds]) => [seconds, tier as CacheTier]));

/** The tier a `@cacheControl` hint declares; a max-age that is no tier is a mistake in a subgraph. */
function tierOfHint(hint: DirectiveNode, coordinate: string): CacheTier {
  const argument = (name: string) => hint.arguments?.find((a) => a.name.value === name)?.value;
  const inherit = argument("inheritMaxAge");
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return "inherit";
  const maxAge = argument("maxAge");
  const seconds = maxAge?.kind === Kind.INT ? Number(maxAge.value) : undefined;
  if (seconds === 0) return "restricted";
  const tier = seconds === undefined ? undefined : TIER_OF_SECONDS.get(seconds);
  if (!tier) throw new Error(`@cacheControl on ${coordinate}: maxAge must be 0 or a tier's ${[...TIER_OF_SECONDS.keys()].join(", ")} seconds (or inheritMaxAge: true)`);
  return tier;
}

/** The policy table of a supergraph, from the `@cacheControl` hints composition kept in it. */
export function cachePolicyOf(supergraphSdl: string): CachePolicy {
  const policy: Record<string, CacheTier> = {};
  const hintOf = (node: { readonly directives?: readonly DirectiveNode[] }) => node.directives?.find((d) => d.name.value === "cacheControl");
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const typeHint = hintOf(definition);
    if (typeHint) policy[`${typeName}.*`] = tierOfHint(typeHint, typeName);
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const fieldHint = hintOf(field);
      if (fieldHint) policy[coordinate] = tierOfHint(fieldHint, coordinate);
    }
  }
  return policy;
}

/** Seconds per tier; a tier at 0 makes answers touching it uncacheable. */
export interface CacheMaxAges {
  reference: number;
  report: number;
  public: number;
}

export const DEFAULT_CACHE_MAX_AGES: Readonly<CacheMaxAges> = CACHE_TIER_SECONDS;

export interface CacheSettings {
  /** HTTP_CACHE (default true): false makes every GraphQL response `no-store`. */
  enabled: boolean;
  maxAges: CacheMaxAges;
}

function nonNegative(name: string, fallback: number): number {
  const value = envInt(name, fallback);
  if (value < 0) throw new Error(`${name} must be 0 or more seconds`);
  return value;
}

/** The settings from the environment (see the table above), overridable per call (tests). */
export function cacheSettings(overrides: Partial<CacheSettings> = {}): CacheSettings {
  return {
    enabled: overrides.enabled ?? envBool("HTTP_CACHE", true),
    maxAges: overrides.maxAges ?? {
      reference: nonNegative("CACHE_MAX_AGE_REFERENCE", DEFAULT_CACHE_MAX_AGES.reference),
      report: nonNegative("CACHE_MAX_AGE_REPORT", DEFAULT_CACHE_MAX_AGES.report),
      public: nonNegative("CACHE_MAX_AGE_PUBLIC", DEFAULT_CACHE_MAX_AGES.public),
    },
  };
}
