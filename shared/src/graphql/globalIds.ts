import { isUuid } from "./ids";

/**
 * Ids of objects for `node(id:)` (global object identification). An object stored under a UUID
 * keeps that UUID as its id: ids already handed out stay valid and Apollo Client's cache keys
 * (`__typename:id`) do not change. An object identified by other fields (the report by its
 * period and territory) gets an opaque id that names its type and its key, made and read only
 * here.
 */
const PREFIX = "n1.";

/** The id of an object of `typename` identified by `key` (its key fields' values, in the order of its @key). */
export function globalId(typename: string, ...key: string[]): string {
  return PREFIX + Buffer.from(JSON.stringify([typename, ...key]), "utf8").toString("base64url");
}

export interface DecodedGlobalId {
  readonly typename: string;
  readonly key: readonly string[];
}

/** The type and key an opaque id names; null for anything else (a UUID, a forged or damaged id). */
export function parseGlobalId(id: string): DecodedGlobalId | null {
  if (!id.startsWith(PREFIX) || id.length > 512) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(id.slice(PREFIX.length), "base64url").toString("utf8"));
    if (!Array.isArray(parts) || parts.length < 2 || !parts.every((p) => typeof p === "string")) return null;
    const [typename, ...key] = parts as string[];
    return /^[A-Z][A-Za-z]*$/.test(typename) ? { typename, key } : null;
  } catch {
    return null;
  }
}

/** What an id passed to `node(id:)` is: a stored object's UUID, an opaque id, or nothing this API gives out. */
export type NodeIdKind = { kind: "uuid"; uuid: string } | ({ kind: "global" } & DecodedGlobalId) | { kind: "invalid" };

export function classifyNodeId(id: string): NodeIdKind {
  if (isUuid(id)) return { kind: "uuid", uuid: id.toLowerCase() };
  const decoded = parseGlobalId(id);
  return decoded ? { kind: "global", ...decoded } : { kind: "invalid" };
}
