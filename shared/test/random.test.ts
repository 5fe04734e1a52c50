import { expect } from "chai";
import { Random } from "../src/seed/random";

describe("Random (the demo generators' seeded stream)", () => {
  it("shuffles positions with the same draws and to the same order as it shuffles the items", () => {
    for (const length of [0, 1, 2, 3, 10, 837, 2817]) {
      const items = Array.from({ length: length + 5 }, (_, i) => `item ${i}`);
      const byItems = new Random(962021, "shuffle", length);
      const byPositions = new Random(962021, "shuffle", length);
      // Only the first `length` positions are shuffled; the rest of the buffer is left alone.
      const shuffled = byItems.shuffle(items.slice(0, length));
      const positions = byPositions.shufflePositions(Int32Array.from(items, (_, i) => i), length);
      expect(Array.from(positions.subarray(0, length), (p) => items[p]), `length ${length}`).to.deep.equal(shuffled);
      expect(Array.from(positions.subarray(length))).to.deep.equal([0, 1, 2, 3, 4].map((k) => length + k));
      // The stream goes on from the same state.
      expect([byPositions.uint32(), byPositions.next(), byPositions.uuid()]).to.deep.equal([byItems.uint32(), byItems.next(), byItems.uuid()]);
    }
  });
});
