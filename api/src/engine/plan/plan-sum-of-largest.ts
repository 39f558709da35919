/**
 * Sum of the `count` largest values (all of them when there are fewer), in O(n log count) with a small min-heap.
 * Used for the greedy online bound f(S) + Σ top-k marginal gains.
 *
 * @example
 * planSumOfLargest([3, 9, 1, 7], 2); // 16
 */
export function planSumOfLargest(values: Iterable<number>, count: number): number {
  if (count <= 0) return 0;
  const heap: number[] = [];
  for (const v of values) {
    if (heap.length < count) {
      heap.push(v);
      let c = heap.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (heap[parent] <= heap[c]) break;
        const t = heap[parent];
        heap[parent] = heap[c];
        heap[c] = t;
        c = parent;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === c) break;
        const t = heap[m];
        heap[m] = heap[c];
        heap[c] = t;
        c = m;
      }
    }
  }
  let sum = 0;
  for (const v of heap) sum += v;
  return sum;
}
