/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, uniform in [0, 1).
 * Used where the engine needs reproducible random choices, and by tests and benchmarks.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning the next number in [0, 1)
 * @example
 * const random = seededRandom(1);
 * random(); // 0.6270739405881613
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
