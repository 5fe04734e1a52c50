/**
 * The fields of a record that a mutation changed, as two images for `recordAudit`: `before` with
 * the old values and `after` with the new ones, each with the record's `version` (when it has one)
 * so an entry names the versions it went between. Values are compared as JSON (Dates included);
 * bookkeeping columns (`updatedAt`, `createdAt`) are left out.
 */
export function changedFields(
  before: object,
  after: object,
  ignore: readonly string[] = ["updatedAt", "createdAt"],
): { before: Record<string, unknown>; after: Record<string, unknown>; changed: string[] } {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !ignore.includes(k) && k !== "version" && typeof a[k] !== "function" && typeof b[k] !== "function");
  const changed = keys.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
  const image = (source: Record<string, unknown>) => {
    const out: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, source[k] ?? null]));
    if ("version" in source) out.version = source.version;
    return out;
  };
  return { before: image(b), after: image(a), changed };
}
