import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Suites that need a server of the production shape (Redis, PgBouncer, a PostgreSQL standby) or
 * kubectl run them from Debian's packages, which `.ci/run` installs. `npm test` on a machine with
 * only Node skips such a suite with the command that installs the tool; under CI (CI=true) a
 * missing tool fails instead, so CI can never pass by skipping.
 */
export function requireSystemTool(context: Mocha.Context, available: boolean, what: string, install: string): void {
  if (available) return;
  if (process.env.CI === "true") throw new Error(`${what} is missing: ${install}`);
  console.log(`      skipped: ${what} is not installed (${install})`);
  context.skip();
}

/** Whether an executable exists at this path. */
export const installed = (file: string): boolean => existsSync(file);

/** Whether a command is found on PATH. */
export function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v "$0"`, command], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
