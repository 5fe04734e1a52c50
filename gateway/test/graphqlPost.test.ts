import { expect } from "chai";
import { bodyLimitBytes } from "../src/graphqlPost";

describe("graphqlPost: the body limit as express.json reads it", () => {
  it("reads sizes with and without a unit", () => {
    expect(bodyLimitBytes("1mb")).to.equal(1_048_576);
    expect(bodyLimitBytes("100KB")).to.equal(102_400);
    expect(bodyLimitBytes("1.5mb")).to.equal(1_572_864);
    expect(bodyLimitBytes("2048")).to.equal(2048);
  });

  it("gives up on anything else (Express then reads every body)", () => {
    expect(bodyLimitBytes("lots")).to.equal(undefined);
    expect(bodyLimitBytes("-1mb")).to.equal(undefined);
  });
});
