import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  acceptedBreakingChanges,
  API_BASELINE_FILE,
  API_CHANGELOG_FILE,
  API_SCHEMA_FILE,
  apiSchemaOf,
  breakingChanges,
  changelogLineFor,
  parseApiSchema,
  printApiSchema,
  SUPERGRAPH_FILE,
  unacceptedBreakingChanges,
} from "./lib/apiSchema";
import { REPO_ROOT } from "./lib/paths";

/**
 * The public schema as a contract:
 *   npm run schema:export   writes schema/api.graphql from gateway/supergraph.graphql
 *   npm run schema:check    (CI) fails when schema/api.graphql is stale, or when it breaks the
 *                           baseline (schema/api.baseline.graphql) with a change that
 *                           docs/api-changelog.md does not list, with a reason, under Unreleased
 *   npm run schema:release  makes the current schema the new baseline (after a release)
 */
const rel = (file: string) => path.relative(REPO_ROOT, file);
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function currentApiSdl(): Promise<string> {
  return printApiSchema(apiSchemaOf(await readFile(SUPERGRAPH_FILE, "utf8")));
}

async function exportSchema(): Promise<number> {
  await mkdir(path.dirname(API_SCHEMA_FILE), { recursive: true });
  await writeFile(API_SCHEMA_FILE, await currentApiSdl());
  out(`wrote ${rel(API_SCHEMA_FILE)} from ${rel(SUPERGRAPH_FILE)}`);
  if (!existsSync(API_BASELINE_FILE)) {
    await copyFile(API_SCHEMA_FILE, API_BASELINE_FILE);
    out(`wrote ${rel(API_BASELINE_FILE)} (there was no baseline yet)`);
  }
  return 0;
}

async function check(): Promise<number> {
  let failed = false;
  const sdl = await currentApiSdl();
  const committed = await readFile(API_SCHEMA_FILE, "utf8").catch(() => undefined);
  if (committed === undefined) {
    err(`${rel(API_SCHEMA_FILE)} is missing: run \`npm run schema:export\` and commit it`);
    failed = true;
  } else if (committed !== sdl) {
    err(`${rel(API_SCHEMA_FILE)} is stale (gateway/supergraph.graphql changed): run \`npm run schema:export\` and commit it`);
    failed = true;
  } else out(`${rel(API_SCHEMA_FILE)} is up to date`);

  const baselineSdl = await readFile(API_BASELINE_FILE, "utf8").catch(() => undefined);
  if (baselineSdl === undefined) {
    err(`${rel(API_BASELINE_FILE)} is missing: run \`npm run schema:export\` (it creates one) and commit it`);
    return 1;
  }
  const changes = await breakingChanges(parseApiSchema(baselineSdl), parseApiSchema(sdl));
  const changelog = await readFile(API_CHANGELOG_FILE, "utf8").catch(() => "");
  const accepted = acceptedBreakingChanges(changelog);
  const unaccepted = unacceptedBreakingChanges(changes, accepted);
  for (const c of changes) out(`${unaccepted.includes(c) ? "BREAKING, not in the changelog" : "breaking, listed in the changelog"}: \`${c.path}\` ${c.type}: ${c.message}`);
  if (unaccepted.length > 0) {
    err(
      `\n${unaccepted.length} breaking change(s) against ${rel(API_BASELINE_FILE)} are not listed in ${rel(API_CHANGELOG_FILE)}.\n` +
        `Avoid the break (deprecate and add instead), or list each under "## Unreleased" / "### Breaking changes" with a reason:\n` +
        unaccepted.map((c) => `  ${changelogLineFor(c)}`).join("\n"),
    );
    failed = true;
  } else out(`no unlisted breaking change against ${rel(API_BASELINE_FILE)} (${changes.length} listed)`);
  const stale = accepted.filter((e) => !changes.some((c) => c.path === e.path && c.type === e.type));
  for (const e of stale) out(`note: ${rel(API_CHANGELOG_FILE)}:${e.line} lists \`${e.path}\` ${e.type}, which is not a breaking change against the baseline`);
  return failed ? 1 : 0;
}

async function release(): Promise<number> {
  const sdl = await currentApiSdl();
  await writeFile(API_SCHEMA_FILE, sdl);
  await writeFile(API_BASELINE_FILE, sdl);
  out(
    `${rel(API_BASELINE_FILE)} is now the current schema. Rename "## Unreleased" in ${rel(API_CHANGELOG_FILE)} to the release ` +
      `(e.g. "## 2026-12-01") and start a new empty "## Unreleased" section above it; commit all three files together.`,
  );
  return 0;
}

const command = process.argv[2];
const commands: Record<string, () => Promise<number>> = { export: exportSchema, check, release };
if (!command || !commands[command]) {
  err("usage: node dist/scripts/schema.js <export|check|release>");
  process.exit(2);
}
commands[command]().then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
