import { expect } from "chai";
import { cellsToWithhold, Role, withholdSmallCells } from "../src";

describe("disclosure control: small cells of public tables", () => {
  it("withholds cells of 1 or 2 units, and more (smallest first) until what is withheld sums at least 3", () => {
    expect(cellsToWithhold([35, 22, 2, 2, 1, 1, 1, 1, 0], 3)).to.deep.equal([false, false, true, true, true, true, true, true, false]);
    // One small cell alone could be recovered from the public total: the next smallest goes with it.
    expect(cellsToWithhold([40, 1, 12, 5], 3)).to.deep.equal([false, true, false, true]);
    expect(cellsToWithhold([2, 0, 0], 3)).to.deep.equal([true, false, false]);
    expect(cellsToWithhold([3, 4, 0], 3)).to.deep.equal([false, false, false]);
  });

  it("nulls the figures of withheld cells for the public and flags the row; staff see every figure", () => {
    const rows = [
      { sector: "A", loans: 10, principal: 1000 },
      { sector: "B", loans: 1, principal: 250 },
      { sector: "C", loans: 4, principal: 300 },
    ];
    const columns = [{ units: (r: (typeof rows)[number]) => r.loans, figures: ["loans", "principal"] as const }];
    expect(withholdSmallCells(rows, columns, { subject: "", role: Role.ANONYMOUS })).to.deep.equal([
      { sector: "A", loans: 10, principal: 1000, suppressed: false },
      { sector: "B", loans: null, principal: null, suppressed: true },
      { sector: "C", loans: null, principal: null, suppressed: true },
    ]);
    expect(withholdSmallCells(rows, columns, { subject: "f", role: Role.FUND_OFFICER }).every((r) => !r.suppressed && r.loans !== null)).to.equal(true);
  });
});
