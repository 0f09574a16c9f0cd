/**
 * A seeded random generator (toevalsgenerator): sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit
 * variant, from PractRand) seeded by splitmix32. Only 32-bit integer operations (Math.imul, >>>, |), so the stream of
 * numbers is bit for bit the same in Node, every browser and a Web Worker — the same seed gives the same draws on every
 * machine. Not for cryptography; for simulation it passes PractRand far beyond the draws a Monte Carlo run needs.
 */

/** splitmix32: spreads a 32-bit seed over the generator's state (so that seeds 1, 2, 3 give unrelated streams). */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export const MAX_SEED = 0xffffffff;

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for a seed: a whole number 0 … 4.294.967.295. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed: een geheel getal van 0 tot en met ${MAX_SEED}`);
    const state = { s: seed | 0 };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state);
    // Discard the first outputs, as sfc32's author recommends.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number strictly between 0 and 1 with 53 random bits: (k + ½) / 2^53, never 0 or 1 (an inverse CDF needs that). */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }

  /** A whole number 0 … n − 1, without modulo bias. */
  nextInt(n: number): number {
    if (n <= 1) return 0;
    if (n <= 0x100000000) {
      const limit = 0x100000000 - (0x100000000 % n);
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    return Math.floor(this.next() * n);
  }

  /** Shuffles in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: number }>(xs: T): T {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = xs[i]!;
      xs[i] = xs[j]!;
      xs[j] = t;
    }
    return xs;
  }
}
