import { Role, viewerFromAuthorization } from "@camau/shared";
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import path from "node:path";

const SCRIPT = path.resolve(__dirname, "..", "scripts", "token.js");
const COOPERATIVE = "3f0c2a9e-1b2c-4d5e-8f90-123456789abc";

/** Runs `npm run token -- ...args` as the compiled script, in a clean development environment. */
function token(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { NODE_ENV: _nodeEnv, JWT_SECRET: _jwtSecret, ...base } = process.env;
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...base, ...env }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

describe("npm run token", () => {
  it("prints a token the API accepts, for the role asked", () => {
    const { status, stdout } = token(["--role", "OFFICER", "--subject", "lan.nguyen"]);
    expect(status).to.equal(0);
    expect(viewerFromAuthorization(`Bearer ${stdout}`)).to.deep.equal({ subject: "lan.nguyen", role: Role.OFFICER });
  });

  it("binds a COOPERATIVE_MANAGER token to its cooperative", () => {
    const { status, stdout } = token(["--role", "COOPERATIVE_MANAGER", "--cooperative", COOPERATIVE]);
    expect(status).to.equal(0);
    expect(viewerFromAuthorization(`Bearer ${stdout}`).cooperativeId).to.equal(COOPERATIVE);
  });

  const refusals: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
    ["no role", [], {}, /--role is required/],
    ["an unknown role", ["--role", "MAYOR"], {}, /unknown role/],
    ["ANONYMOUS, which is the absence of a token", ["--role", "ANONYMOUS"], {}, /unknown role/],
    ["a manager without a cooperative", ["--role", "COOPERATIVE_MANAGER"], {}, /needs --cooperative/],
    ["a cooperative that is not an id", ["--role", "COOPERATIVE_MANAGER", "--cooperative", "HTX-1"], {}, /must be a cooperative id/],
    ["a cooperative on another role", ["--role", "OFFICER", "--cooperative", COOPERATIVE], {}, /only applies to COOPERATIVE_MANAGER/],
    ["a malformed expiry", ["--role", "OFFICER", "--expires", "soon"], {}, /--expires/],
    ["a lifetime over TOKEN_MAX_LIFETIME_S (12 h by default)", ["--role", "OFFICER", "--expires", "13h"], {}, /longer than the 43200 s/],
    ["a lifetime over a smaller TOKEN_MAX_LIFETIME_S", ["--role", "OFFICER", "--expires", "2h"], { TOKEN_MAX_LIFETIME_S: "3600" }, /longer than the 3600 s/],
    ["production without JWT_SECRET", ["--role", "OFFICER"], { NODE_ENV: "production" }, /set JWT_SECRET/],
  ];
  for (const [what, args, env, message] of refusals) {
    it(`refuses ${what}`, () => {
      const { status, stdout, stderr } = token(args, env);
      expect(status).to.equal(2);
      expect(stdout).to.equal("");
      expect(stderr).to.match(message);
    });
  }
});
