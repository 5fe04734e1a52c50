import { expect } from "chai";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SUBGRAPHS } from "@camau/shared";
import { REPO_ROOT } from "../scripts/lib/paths";

/**
 * The container image's rules, checked on the Dockerfile's text: no container engine runs on
 * the development machines or in CI, so the image is not built here. What can break without
 * anyone noticing is checked: the runtime stage runs as a non-root user in production mode with
 * production dependencies only, every entry point it names exists in the build output and is
 * copied into the image, every workspace's package.json is there for `npm ci`, and the build
 * context leaves out local data, build output and dependencies.
 */

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, backslash continuations joined. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, " ") };
    });
}

/** The instructions of each stage, split at FROM. */
function stages(all: Instruction[]): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of all) {
    if (instruction.keyword === "FROM") result.push([]);
    result[result.length - 1]?.push(instruction);
  }
  return result;
}

/** ENV key=value pairs of a stage (the key=value form, several per instruction). */
function envOf(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.filter((i) => i.keyword === "ENV")) {
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) env[match[1]] = match[2].replace(/^"|"$/g, "");
  }
  return env;
}

/** The workspace folders package.json declares, its globs expanded. */
function workspaceDirs(): string[] {
  const { workspaces } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(path.join(REPO_ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(REPO_ROOT, parent, entry.name, "package.json")))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

describe("container image (Dockerfile, .dockerignore)", () => {
  const dockerfile = readFileSync(path.join(REPO_ROOT, "Dockerfile"), "utf8");
  const all = instructions(dockerfile);
  const built = stages(all);
  const runtime = built[built.length - 1];
  const copiesFromBuild = runtime.filter((i) => i.keyword === "COPY" && /--from=/.test(i.args));
  /** The stage the runtime copies its files from (`COPY --from=<name>`). */
  const buildStage = (() => {
    const names = new Set(copiesFromBuild.map((i) => /--from=(\S+)/.exec(i.args)![1]));
    expect(names.size, "the runtime stage copies from one build stage").to.equal(1);
    const [name] = names;
    return built.find((stage) => new RegExp(`\\bAS ${name}$`, "i").test(stage[0].args)) ?? [];
  })();

  it("is multi-stage: a build stage and a runtime stage that copies built output from it", () => {
    expect(built.length).to.be.at.least(2);
    expect(copiesFromBuild.length, "COPY --from in the runtime stage").to.be.greaterThan(0);
    // The runtime stage never takes the build context whole (sources, tests, local files).
    const contextCopies = runtime.filter((i) => (i.keyword === "COPY" || i.keyword === "ADD") && !/--from=/.test(i.args));
    expect(contextCopies.map((i) => i.args)).to.deep.equal([]);
    expect(buildStage.some((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args))).to.equal(true);
    expect(buildStage.some((i) => i.keyword === "RUN" && /\bnpm run build\b/.test(i.args))).to.equal(true);
  });

  it("runs as a non-root user given by number, with NODE_ENV=production and listening beyond loopback", () => {
    const users = runtime.filter((i) => i.keyword === "USER");
    expect(users.length, "a USER in the runtime stage").to.be.greaterThan(0);
    const user = users[users.length - 1].args.split(":")[0];
    // Numeric: Kubernetes' runAsNonRoot can only verify a numeric user.
    expect(user).to.match(/^\d+$/);
    expect(Number(user)).to.be.greaterThan(0);
    // Nothing runs as root after the USER switch.
    const afterUser = runtime.slice(runtime.indexOf(users[users.length - 1]) + 1);
    expect(afterUser.filter((i) => i.keyword === "USER" || i.keyword === "RUN")).to.deep.equal([]);
    expect(envOf(runtime).NODE_ENV).to.equal("production");
    // The services listen on 127.0.0.1 unless HOST says otherwise: in a container that is unreachable.
    expect(envOf(runtime).HOST).to.equal("0.0.0.0");
  });

  it("installs production dependencies only in the runtime stage", () => {
    const installs = runtime.filter((i) => i.keyword === "RUN" && /\bnpm (ci|install|i)\b/.test(i.args));
    expect(installs.length).to.equal(1);
    expect(installs[0].args).to.match(/\bnpm ci\b/);
    expect(installs[0].args).to.match(/--omit=dev\b/);
  });

  it("copies every workspace's package.json into both stages, as npm ci needs the whole lockfile's workspaces", () => {
    for (const [label, stage] of [["build", buildStage], ["runtime", runtime]] as const) {
      const copied = stage.filter((i) => i.keyword === "COPY").map((i) => i.args);
      for (const dir of workspaceDirs()) {
        expect(
          copied.some((args) => args.includes(`${dir}/package.json`)),
          `the ${label} stage copies ${dir}/package.json`,
        ).to.equal(true);
      }
    }
  });

  it("names every service's entry point and the migration command, each present in the build output and copied into the image", () => {
    const expected = ["gateway/dist/src/main.js", ...SUBGRAPHS.map((s) => `${s.dir}/dist/src/main.js`), "dist/scripts/migrate.js"];
    const named = [...new Set(dockerfile.match(/(?:services\/[a-z]+\/|gateway\/)?dist\/(?:src\/main|scripts\/migrate)\.js/g) ?? [])];
    expect(named).to.include.members(expected);
    // The runtime stage copies folders of the build stage (`COPY --from=build /app/<folder> <folder>`).
    const copiedSources = copiesFromBuild.flatMap((i) => i.args.split(" ").filter((word) => word.startsWith("/app/")).map((word) => word.slice("/app/".length)));
    for (const entry of named) {
      // Built by `npm run build` (the test suite runs after it).
      expect(existsSync(path.join(REPO_ROOT, entry)), `${entry} in the build output`).to.equal(true);
      expect(
        copiedSources.some((source) => entry === source || entry.startsWith(`${source.replace(/\/$/, "")}/`)),
        `${entry} copied into the runtime stage`,
      ).to.equal(true);
    }
    // The default command runs one of them.
    const cmd = runtime.filter((i) => i.keyword === "CMD").pop();
    expect(cmd, "a CMD").to.not.equal(undefined);
    expect(named.some((entry) => cmd!.args.includes(entry))).to.equal(true);
  });

  it(".dockerignore keeps dependencies, build output, local databases and git out of the build context", () => {
    const patterns = readFileSync(path.join(REPO_ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    for (const required of ["node_modules", ".data", ".test-data", "dist", ".git"]) {
      expect(patterns, `.dockerignore excludes ${required}`).to.include(required);
    }
    // In every workspace too, not only at the root.
    for (const nested of ["node_modules", "dist"]) expect(patterns).to.include(`**/${nested}`);
    // Nothing re-includes what must stay out.
    expect(patterns.filter((p) => p.startsWith("!") && /node_modules|\.data|\.test-data|dist|\.git/.test(p))).to.deep.equal([]);
  });
});
