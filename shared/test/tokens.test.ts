import { expect } from "chai";
import jwt from "jsonwebtoken";
import { Role, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, viewerFromAuthorization } from "../src";

/** The key viewerFromAuthorization verifies with is made once per secret: it must follow JWT_SECRET and refuse anything else. */
describe("bearer tokens", () => {
  const saved = process.env.JWT_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.JWT_SECRET;
    else process.env.JWT_SECRET = saved;
  });

  it("accepts a token signed with the current secret, and follows a change of secret", () => {
    process.env.JWT_SECRET = "first-secret-of-at-least-thirty-two-chars";
    const first = signToken({ sub: "lan", role: Role.OFFICER });
    expect(viewerFromAuthorization(`Bearer ${first}`)).to.deep.equal({ subject: "lan", role: Role.OFFICER });
    process.env.JWT_SECRET = "second-secret-of-at-least-thirty-two-chars";
    expect(() => viewerFromAuthorization(`Bearer ${first}`)).to.throw("token is invalid");
    const second = signToken({ sub: "lan", role: Role.OFFICER });
    expect(viewerFromAuthorization(`Bearer ${second}`)).to.deep.equal({ subject: "lan", role: Role.OFFICER });
  });

  it("refuses a token signed with another secret, unsigned, or with another algorithm", () => {
    process.env.JWT_SECRET = "first-secret-of-at-least-thirty-two-chars";
    const claims = { role: Role.OFFICER };
    const options = { subject: "lan", issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: "1h" } as const;
    const forged = jwt.sign(claims, "another-secret-of-at-least-thirty-two-chars", { ...options, algorithm: "HS256" });
    const unsigned = jwt.sign(claims, "", { ...options, algorithm: "none" });
    const hs512 = jwt.sign(claims, process.env.JWT_SECRET, { ...options, algorithm: "HS512" });
    for (const token of [forged, unsigned, hs512]) expect(() => viewerFromAuthorization(`Bearer ${token}`)).to.throw("token is invalid");
  });
});
