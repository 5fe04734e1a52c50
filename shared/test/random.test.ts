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

  it("draws sequenced UUIDs that sort in sequence order and leave the stream where uuid() would", () => {
    const sequenced = new Random(962021, "ids");
    const random = new Random(962021, "ids");
    // Sequences whose random parts would sort otherwise; the largest sequence a uuid can hold.
    const sequences = [1, 2, 15, 16, 255, 256, 65_536, 4_294_967_295];
    const ids = sequences.map((n) => sequenced.sequencedUuid(n));
    const plain = sequences.map(() => random.uuid());
    for (const [k, id] of ids.entries()) {
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.slice(0, 8), 16)).to.equal(sequences[k]);
      // Only the first 32 bits differ from what uuid() would have drawn.
      expect(id.slice(8)).to.equal(plain[k].slice(8));
    }
    expect([...ids].sort()).to.deep.equal(ids);
    expect(sequenced.uint32()).to.equal(random.uint32());
    expect(() => sequenced.sequencedUuid(2 ** 32)).to.throw(/out of range/);
  });
});
