/**
 * Sum of the `count` largest values (all of them when there are fewer): a copy sorted by the engine's native
 * typed-array sort, O(n log n) but fast from the first call (a heap written in JS runs interpreted until the
 * JIT warms up, and plans run in a fresh worker). Used for the greedy online bound f(S) + Σ top-k marginal gains.
 *
 * @example
 * planSumOfLargest([3, 9, 1, 7], 2); // 16
 */
export function planSumOfLargest(values: ArrayLike<number>, count: number): number {
  if (count <= 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = Math.max(0, sorted.length - count); i < sorted.length; i++) sum += sorted[i];
  return sum;
}
