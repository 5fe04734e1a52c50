import { expect } from "chai";
import { isReportPeriod } from "../src";

describe("report period of an entity representation", () => {
  it("accepts two calendar dates in order, the same day included", () => {
    expect(isReportPeriod({ from: "2021-01-01", to: "2021-06-30" })).to.equal(true);
    expect(isReportPeriod({ from: "2024-02-29", to: "2024-02-29" })).to.equal(true);
  });

  it("refuses reversed, impossible, malformed or missing dates before they reach SQL", () => {
    expect(isReportPeriod({ from: "2021-06-30", to: "2021-01-01" })).to.equal(false);
    expect(isReportPeriod({ from: "2023-02-29", to: "2023-03-01" })).to.equal(false);
    expect(isReportPeriod({ from: "2021-13-01", to: "2021-12-31" })).to.equal(false);
    expect(isReportPeriod({ from: "2021-01-01'; DROP TABLE loan; --", to: "2021-12-31" })).to.equal(false);
    expect(isReportPeriod({ from: 20210101, to: "2021-12-31" })).to.equal(false);
    expect(isReportPeriod({ to: "2021-12-31" })).to.equal(false);
  });
});
