/**
 * A small seeded pseudo-random generator for the subgraphs' demo datasets: the same seed gives the
 * same rows. Shared because every subgraph's seed uses it (tooling, not domain code).
 *
 * The core is sfc32 (128-bit state) seeded through the cyrb128 string hash, not mulberry32: the
 * dataset forks one stream per organisation, and with mulberry32's 32-bit state those streams
 * would overlap at large scales and repeat UUIDs. Not for anything security-related.
 */

/** cyrb128: a fast 128-bit non-cryptographic string hash, used to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream determined by its labels, e.g. `new Random(seed)` or `new Random(seed, "member", 42)`. */
  constructor(...labels: Array<string | number>) {
    [this.a, this.b, this.c, this.d] = cyrb128(labels.join(":"));
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** Next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    // Indexed loops: the same sums in the same order as iterating the pairs, without an iterator
    // and a destructured pair per item (a national seed draws tens of millions of times).
    let total = 0;
    for (let i = 0; i < items.length; i++) total += items[i][1];
    if (!(total > 0)) throw new Error("weighted pick with no positive weight");
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= items[i][1];
      if (r < 0) return items[i][0];
    }
    return items[items.length - 1][0];
  }

  /** Approximately normal (sum of uniforms), mean and standard deviation as given. */
  normal(mean: number, sd: number): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    return mean + (s - 3) * Math.SQRT2 * sd;
  }

  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      // A swap through a variable: a destructured pair allocated an array per step.
      const item = items[i];
      items[i] = items[j];
      items[j] = item;
    }
    return items;
  }

  /**
   * `shuffle` of the first `length` numbers of an array of positions (of items in the caller's
   * list): the same draws and the same order as shuffling those items, for callers that draw
   * from thousands of candidates many times (at national scale, each of outreach's classes draws
   * its attendance from a district's active cooperatives). Numbers are swapped without a write
   * barrier, and the generator's steps (those of uint32) run on local variables: about half the
   * time of `sample` on 2,800 candidates (measured in docs/performance.md, round five).
   */
  shufflePositions(positions: Int32Array, length: number): Int32Array {
    let a = this.a | 0;
    let b = this.b | 0;
    let c = this.c | 0;
    let d = this.d | 0;
    for (let i = length - 1; i > 0; i--) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const j = Math.floor(((t >>> 0) / 4294967296) * (i + 1));
      const position = positions[i];
      positions[i] = positions[j];
      positions[j] = position;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return positions;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new Error(`sample of ${count} from ${items.length} items`);
    return this.shuffle([...items]).slice(0, count);
  }

  /** A whole amount of đồng in [min, max], rounded down to a multiple of `step`. */
  money(min: number, max: number, step = 100_000): number {
    return Math.floor(this.int(min, max) / step) * step;
  }

  /** A string of n random decimal digits. */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** Uniform day number (see dates.ts) in [fromDay, toDay]. */
  day(fromDay: number, toDay: number): number {
    return this.int(fromDay, toDay);
  }

  /** A random version-4 UUID from this stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    return this.uuidWith(this.uint32());
  }

  /**
   * A version-4 UUID from this stream whose first 32 bits are `sequence` instead of random: ids
   * drawn with an increasing sequence sort (as uuid, and as text) in the order they were drawn, as
   * time-ordered UUIDs do. A loader that writes rows in that order gives PostgreSQL keys and
   * indexes on them whose input is already sorted. The stream advances exactly as by uuid().
   */
  sequencedUuid(sequence: number): string {
    if (!(Number.isInteger(sequence) && sequence >= 0 && sequence <= 0xffffffff)) throw new Error(`sequence ${sequence} out of range`);
    this.uint32();
    return this.uuidWith(sequence);
  }

  private uuidWith(w0: number): string {
    const w1 = (this.uint32() & 0xffff0fff) | 0x00004000; // version 4
    const w2 = (this.uint32() & 0x3fffffff) | 0x80000000; // variant 10xx
    const w3 = this.uint32();
    const b = (w: number, shift: number) => HEX[(w >>> shift) & 0xff];
    return (
      b(w0, 24) + b(w0, 16) + b(w0, 8) + b(w0, 0) + "-" +
      b(w1, 24) + b(w1, 16) + "-" + b(w1, 8) + b(w1, 0) + "-" +
      b(w2, 24) + b(w2, 16) + "-" + b(w2, 8) + b(w2, 0) +
      b(w3, 24) + b(w3, 16) + b(w3, 8) + b(w3, 0)
    );
  }
}
