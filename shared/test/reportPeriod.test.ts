import { expect } from "chai";
import { isReportKey } from "../src";

const T = "OLD_CA_MAU";

describe("report key of an entity representation", () => {
  it("accepts two calendar dates in order, the same day included, with a known territory", () => {
    expect(isReportKey({ from: "2021-01-01", to: "2021-06-30", territory: T })).to.equal(true);
    expect(isReportKey({ from: "2024-02-29", to: "2024-02-29", territory: "CA_MAU" })).to.equal(true);
  });

  it("refuses reversed, impossible, malformed or missing dates before they reach SQL", () => {
    expect(isReportKey({ from: "2021-06-30", to: "2021-01-01", territory: T })).to.equal(false);
    expect(isReportKey({ from: "2023-02-29", to: "2023-03-01", territory: T })).to.equal(false);
    expect(isReportKey({ from: "2021-13-01", to: "2021-12-31", territory: T })).to.equal(false);
    expect(isReportKey({ from: "2021-01-01'; DROP TABLE loan; --", to: "2021-12-31", territory: T })).to.equal(false);
    expect(isReportKey({ from: 20210101, to: "2021-12-31", territory: T })).to.equal(false);
    expect(isReportKey({ to: "2021-12-31", territory: T })).to.equal(false);
  });

  it("refuses an unknown or missing territory", () => {
    expect(isReportKey({ from: "2021-01-01", to: "2021-06-30" })).to.equal(false);
    expect(isReportKey({ from: "2021-01-01", to: "2021-06-30", territory: "HA_NOI" })).to.equal(false);
    expect(isReportKey({ from: "2021-01-01", to: "2021-06-30", territory: "'; DROP TABLE loan; --" })).to.equal(false);
  });
});
