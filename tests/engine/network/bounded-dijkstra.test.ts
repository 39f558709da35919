import { describe, expect, it } from 'vitest';
import { createBoundedDijkstra } from '../../../api/src/engine/network/bounded-dijkstra';

// Directed 0 →(5) 1 →(5) 2 →(5) 3 and a shortcut 0 →(12) 2, as CSR by hand:
// node 0: [→1 (5), →2 (12)], node 1: [→2 (5)], node 2: [→3 (5)], node 3: [].
const adjacency = {
  offsets: Uint32Array.from([0, 2, 3, 4, 4]),
  targets: Uint32Array.from([1, 2, 2, 3]),
  edgeSeconds: Float64Array.from([5, 12, 5, 5]),
};

describe('createBoundedDijkstra', () => {
  it('finds shortest times within an inclusive cutoff and records the path', () => {
    const search = createBoundedDijkstra(4);
    // node 2: min(5 + 5, 12) = 10 via node 1; node 3: 15 — exactly the cutoff, so included.
    expect(search.run(adjacency, [0], [0], [7], 15)).toBe(4);
    expect([...search.seconds]).toEqual([0, 5, 10, 15]);
    expect([...search.source]).toEqual([7, 7, 7, 7]);
    expect([...search.predEdge]).toEqual([-1, 0, 2, 3]);
  });

  it('resets only what the previous run touched, so runs do not leak into each other', () => {
    const search = createBoundedDijkstra(4);
    search.run(adjacency, [0], [0], [0], Infinity);
    // second run from node 2 with a 3 s head start: nodes 0 and 1 must be unreached again.
    expect(search.run(adjacency, [2], [3], [1], 7.5)).toBe(1);
    expect([...search.seconds]).toEqual([Infinity, Infinity, 3, Infinity]); // node 3 at 8 s > 7.5
    expect([...search.source]).toEqual([-1, -1, 1, -1]);
    expect(search.touchedCount).toBe(1);
  });

  it('starts from several seeds and keeps the best label per node', () => {
    const search = createBoundedDijkstra(4);
    // seeds: node 0 at 0 s (label 0), node 2 at 6 s (label 1): node 2 keeps 6 s < 10 s; node 3 = 11 s from label 1.
    search.run(adjacency, [0, 2], [0, 6], [0, 1], Infinity);
    expect([...search.seconds]).toEqual([0, 5, 6, 11]);
    expect([...search.source]).toEqual([0, 0, 1, 1]);
  });
});
