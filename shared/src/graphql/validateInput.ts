import { validate, ValidationError } from "class-validator";
import { BadUserInputError, InvalidInput } from "./errors";

function flatten(errors: ValidationError[], prefix: string, out: InvalidInput[]): InvalidInput[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/**
 * Validates an argument object with class-validator and reports every offending input with its
 * path inside the argument (`input.code` is reported as `code`), as BAD_USER_INPUT.
 */
export async function validateInput(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== "object") return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: InvalidInput[] = [];
  for (const value of values) {
    if (value === null || typeof value !== "object" || value.constructor === Object) continue;
    const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    flatten(errors, "", problems);
  }
  if (problems.length) {
    throw new BadUserInputError(`Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, problems);
  }
}
