import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { preProcessFile } from "typescript";
import * as shared from "@camau/shared";
import * as testing from "@camau/shared/testing";

const ROOT = resolve(__dirname, "../..");
const TESTING_DIR = join(ROOT, "shared", "src", "testing");

/** Source folders that end up in a running system: servers, the gateway and the scripts that start, seed or migrate them. */
function productionSources(): string[] {
  const servicesDir = join(ROOT, "services");
  const roots = [
    join(ROOT, "shared", "src"),
    join(ROOT, "gateway", "src"),
    join(ROOT, "scripts"),
    ...readdirSync(servicesDir).map((name) => join(servicesDir, name, "src")),
  ];
  return roots.flatMap((dir) => typeScriptFilesUnder(dir)).filter((file) => !file.startsWith(TESTING_DIR + sep));
}

function typeScriptFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : typeScriptFilesUnder(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

/** Whether an import specifier of `file` reaches the test tooling, by package name or by a relative path. */
function reachesTesting(file: string, specifier: string): boolean {
  if (specifier === "@camau/shared/testing" || specifier.startsWith("@camau/shared/testing/")) return true;
  if (!specifier.startsWith(".")) return false;
  const target = resolve(dirname(file), specifier);
  return target === TESTING_DIR || target.startsWith(TESTING_DIR + sep);
}

/**
 * Test tooling (servers started for tests, tokens signed with the development secret) has its own
 * entry point so that nothing in production can reach it by accident.
 */
describe("test tooling boundary", () => {
  it("no production source file imports @camau/shared/testing", () => {
    const files = productionSources();
    expect(files.length, "production sources found").to.be.greaterThan(50);
    const offenders = files.flatMap((file) =>
      preProcessFile(readFileSync(file, "utf8"), true, true)
        .importedFiles.filter(({ fileName }) => reachesTesting(file, fileName))
        .map(({ fileName }) => `${relative(ROOT, file)} imports ${fileName}`),
    );
    expect(offenders).to.deep.equal([]);
  });

  it("@camau/shared exports none of the test tooling", () => {
    const testingNames = Object.keys(testing);
    expect(testingNames).to.include.members(["SubgraphUnderTest", "testTokens", "freshDatabase", "startPgBouncer"]);
    expect(testingNames.filter((name) => name in shared)).to.deep.equal([]);
  });
});
