import { InvalidInput } from "./errors";

/**
 * The one rule every text a client sends must pass, whatever the field (names, titles, searches,
 * codes...), checked by `validateInput` before any resolver or SQL sees it:
 * - well-formed Unicode: no lone surrogate (PostgreSQL cannot store one, and it breaks UTF-8);
 * - no control characters but tab, line feed and carriage return (PostgreSQL refuses NUL; the
 *   others only ever serve to hide or garble text in logs and screens);
 * - not blank: a text that is not empty must show something, so a name of spaces, zero-width or
 *   bidirectional-control characters alone (which would display as nothing, or spoof another
 *   name) is refused.
 * Empty strings are left to each field's own validators (some fields use "" to clear a value).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** White space, format characters (zero-width, bidi marks and overrides, BOM, soft hyphen) and fillers that render as nothing. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/gu;

export function textProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode text (a lone surrogate)";
  if (CONTROL.test(text)) return "contains a control character";
  if (text.length > 0 && text.replace(INVISIBLE, "") === "") return "is blank: it has no visible character";
  return undefined;
}

/** Every text inside an argument value (objects, lists, nested inputs) that breaks the rule, with its path. */
export function textProblems(value: unknown, path: string, out: InvalidInput[] = [], depth = 0): InvalidInput[] {
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) out.push({ path, message: problem });
  } else if (Array.isArray(value)) {
    if (depth < 20) value.forEach((item, i) => textProblems(item, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value !== null && typeof value === "object" && !(value instanceof Date) && depth < 20) {
    for (const [key, item] of Object.entries(value)) textProblems(item, path ? `${path}.${key}` : key, out, depth + 1);
  }
  return out;
}
