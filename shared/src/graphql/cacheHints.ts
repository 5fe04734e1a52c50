/**
 * Which data of the API a shared cache (a CDN in front of the open-data portal) may keep, and for
 * how long: declared beside the types and fields themselves with `@cacheControl`, composed into
 * the supergraph, and read by the gateway, which gives each anonymous answer the smallest max-age
 * of the fields it selects.
 *
 * Reading of a hint, stricter than Apollo's cache-control plugin on purpose: a hint on an object
 * type covers every field OF that type (not the fields returning it), a hint on a field overrides
 * its type's, and a field with neither is not public: a field added to the schema stays
 * uncacheable until someone decides it is public data. `maxAge: 0` marks a field of a public type
 * that needs a role or holds personal data; `inheritMaxAge` marks values that are as public as the
 * answer around them (page info).
 *
 * Each max-age is one of the tiers below; the gateway lets the environment change a tier's seconds
 * (CACHE_MAX_AGE_REFERENCE, CACHE_MAX_AGE_REPORT, CACHE_MAX_AGE_PUBLIC) and refuses a schema with
 * any other max-age.
 */
export const CACHE_TIER_SECONDS = {
  /** Administrative units, sectors, enum labels: change with reforms only. */
  reference: 3600,
  /** The semi-annual report, published figures, the fund's portfolio. */
  report: 300,
  /** Lists and profiles the registry, trade and outreach change daily. */
  public: 60,
} as const;

export type CacheTierName = keyof typeof CACHE_TIER_SECONDS;

/** The `@Directive` arguments of type-graphql (and the SDL) for each kind of hint. */
export const CacheHint = {
  reference: `@cacheControl(maxAge: ${CACHE_TIER_SECONDS.reference})`,
  report: `@cacheControl(maxAge: ${CACHE_TIER_SECONDS.report})`,
  public: `@cacheControl(maxAge: ${CACHE_TIER_SECONDS.public})`,
  /** As long as the answer around it (page info). */
  inherit: "@cacheControl(inheritMaxAge: true)",
  /** A field of a public type that needs a role or holds personal data. */
  restricted: "@cacheControl(maxAge: 0)",
} as const;

/**
 * The directive's definition and how it reaches the supergraph: imported through its own `@link`
 * and kept by composition (`@composeDirective`). Apollo's definition without `scope`: an answer is
 * either public or not cached by shared caches at all (signed-in answers are `private, no-store`).
 */
export const CACHE_CONTROL_LINK =
  'extend schema @link(url: "https://camau.example/cache-control/v1.0", import: ["@cacheControl"]) @composeDirective(name: "@cacheControl")';
export const CACHE_CONTROL_DEFINITION = "directive @cacheControl(maxAge: Int, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT";
