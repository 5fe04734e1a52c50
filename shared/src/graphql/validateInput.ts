import { getMetadataStorage, validate, ValidationError } from "class-validator";
import { InvalidInput, throwIfInvalid } from "./errors";
import { textProblems } from "./textRules";

function flatten(errors: ValidationError[], prefix: string, out: InvalidInput[]): InvalidInput[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/** Name of the argument holding this value (type-graphql does not pass it), e.g. `input`. */
function argumentName(argValue: unknown, args: Record<string, unknown> | undefined): string {
  if (!args) return "";
  if (argValue === null || typeof argValue !== "object" || Array.isArray(argValue)) {
    const same = Object.entries(args).filter(([, raw]) => raw === argValue);
    return same.length === 1 ? same[0][0] : "";
  }
  const keys = Object.keys(argValue).sort().join(",");
  const matches = Object.entries(args).filter(
    ([, raw]) => raw !== null && typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).sort().join(",") === keys,
  );
  return matches.length === 1 ? matches[0][0] : "";
}

const constrainedTypes = new WeakMap<Function, boolean>();

/**
 * Whether class-validator has constraints for objects of this class (its own or inherited), asked
 * as `validate` asks (no groups): most argument classes (page arguments, filters) have none, and
 * `validate` would search every class's metadata on each call to find that out.
 */
function hasConstraints(type: Function): boolean {
  let constrained = constrainedTypes.get(type);
  if (constrained === undefined) {
    constrained = getMetadataStorage().getTargetValidationMetadatas(type, "", false, false).length > 0;
    constrainedTypes.set(type, constrained);
  }
  return constrained;
}

/**
 * Validates an argument: every text in it against the shared text rule (textRules.ts), then an
 * argument object with class-validator; reports every offending input with its path from the
 * argument (`input.foundingMembers.2.nationalId`), as BAD_USER_INPUT. type-graphql calls it after
 * the @Authorized role check, so a caller without the role never learns what input is valid.
 */
export async function validateInput(argValue: unknown, _argType?: unknown, resolverData?: { args?: Record<string, unknown> }): Promise<void> {
  const textual = textProblems(argValue, argumentName(argValue, resolverData?.args));
  throwIfInvalid(textual);
  if (argValue === null || typeof argValue !== "object") return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: InvalidInput[] = [];
  for (const value of values) {
    if (value === null || typeof value !== "object" || value.constructor === Object || !hasConstraints(value.constructor)) continue;
    const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    flatten(errors, argumentName(value as object, resolverData?.args), problems);
  }
  throwIfInvalid(problems);
}
