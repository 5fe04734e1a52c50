/**
 * Personal data never enters the audit log: these fields (in camelCase entity form and in
 * snake_case column form) are replaced by REDACTED wherever they appear in a before/after image,
 * at any depth. A null stays null, so the log still shows whether a value was set or cleared.
 */
export const PERSONAL_DATA_FIELDS: readonly string[] = ["nationalId", "national_id", "dateOfBirth", "date_of_birth", "phone", "phoneNumber", "phone_number"];

export const REDACTED = "[REDACTED]";

/** A JSON-safe copy of `value` (Dates become ISO strings) with personal data replaced by REDACTED. */
export function redactPersonalData(value: unknown, extraFields: readonly string[] = []): unknown {
  const fields = new Set([...PERSONAL_DATA_FIELDS, ...extraFields]);
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || v === undefined) return v ?? null;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (depth > 20) return "[TOO DEEP]";
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    if (typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (typeof item === "function" || item === undefined) continue;
        out[key] = fields.has(key) && item !== null ? REDACTED : walk(item, depth + 1);
      }
      return out;
    }
    if (typeof v === "bigint") return v.toString();
    return v;
  };
  return walk(value, 0);
}
