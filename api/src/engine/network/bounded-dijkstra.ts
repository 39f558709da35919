import { NETWORK_CUTOFF_TOLERANCE_SECONDS } from '../types';

/** CSR adjacency with a cost in seconds per directed edge (Infinity = not usable). */
export interface SearchAdjacency {
  offsets: Uint32Array;
  targets: Uint32Array;
  edgeSeconds: Float64Array;
}

/** Reusable multi-source Dijkstra state; arrays are valid until the next `run`. */
export interface BoundedDijkstra {
  /** Seconds from the nearest seed per node; Infinity when not reached within the cutoff. */
  readonly seconds: Float64Array;
  /** Label of the seed a node was reached from; -1 when not reached. */
  readonly source: Int32Array;
  /** Adjacency edge used to reach a node; -1 for seeds and unreached nodes. */
  readonly predEdge: Int32Array;
  /** Nodes reached in the last run (first `touchedCount` entries), all with seconds ≤ cutoff. */
  readonly touched: Uint32Array;
  readonly touchedCount: number;
  run(
    adjacency: SearchAdjacency,
    seedNodes: ArrayLike<number>, seedSeconds: ArrayLike<number>, seedLabels: ArrayLike<number>,
    cutoffSeconds: number,
  ): number;
}

/**
 * Creates a bounded multi-source Dijkstra over `nodeCount` nodes with a binary heap on typed arrays
 * (lazy deletion). Buffers are allocated once; each run resets only the nodes the previous run touched,
 * so many small searches (one per facility) on a large graph stay cheap. The cutoff is inclusive (≤).
 *
 * @example
 * const search = createBoundedDijkstra(graph.nodeCount);
 * search.run({ offsets, targets, edgeSeconds }, [0], [0], [0], 900); // search.seconds[v] ≤ 900 or Infinity
 * @see https://doi.org/10.1007/BF01386390 (Dijkstra 1959)
 */
export function createBoundedDijkstra(nodeCount: number): BoundedDijkstra {
  const seconds = new Float64Array(nodeCount).fill(Infinity);
  const source = new Int32Array(nodeCount).fill(-1);
  const predEdge = new Int32Array(nodeCount).fill(-1);
  const touched = new Uint32Array(nodeCount);
  let touchedCount = 0;
  let heapKeys = new Float64Array(1024);
  let heapNodes = new Uint32Array(1024);

  const run = (
    adjacency: SearchAdjacency,
    seedNodes: ArrayLike<number>, seedSeconds: ArrayLike<number>, seedLabels: ArrayLike<number>,
    cutoffSeconds: number,
  ): number => {
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i];
      seconds[v] = Infinity; source[v] = -1; predEdge[v] = -1;
    }
    touchedCount = 0;
    const limit = cutoffSeconds + NETWORK_CUTOFF_TOLERANCE_SECONDS;
    const { offsets, targets, edgeSeconds } = adjacency;
    let size = 0;

    const push = (node: number, key: number): void => {
      if (size === heapKeys.length) {
        const keys = new Float64Array(size * 2); keys.set(heapKeys); heapKeys = keys;
        const nodes = new Uint32Array(size * 2); nodes.set(heapNodes); heapNodes = nodes;
      }
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapKeys[p] <= key) break;
        heapKeys[i] = heapKeys[p]; heapNodes[i] = heapNodes[p];
        i = p;
      }
      heapKeys[i] = key; heapNodes[i] = node;
    };

    for (let i = 0; i < seedNodes.length; i++) {
      const v = seedNodes[i], s = seedSeconds[i];
      if (!(s <= limit) || s >= seconds[v]) continue;
      if (seconds[v] === Infinity) touched[touchedCount++] = v;
      seconds[v] = s; source[v] = seedLabels[i]; predEdge[v] = -1;
      push(v, s);
    }

    while (size > 0) {
      const u = heapNodes[0], key = heapKeys[0];
      // pop: move the last entry down from the root
      const lastKey = heapKeys[--size], lastNode = heapNodes[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && heapKeys[c + 1] < heapKeys[c]) c++;
        if (heapKeys[c] >= lastKey) break;
        heapKeys[i] = heapKeys[c]; heapNodes[i] = heapNodes[c];
        i = c;
      }
      heapKeys[i] = lastKey; heapNodes[i] = lastNode;

      if (key > seconds[u]) continue; // stale entry
      const label = source[u];
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const nd = key + edgeSeconds[e];
        if (nd > limit) continue;
        const v = targets[e];
        if (nd >= seconds[v]) continue;
        if (seconds[v] === Infinity) touched[touchedCount++] = v;
        seconds[v] = nd; source[v] = label; predEdge[v] = e;
        push(v, nd);
      }
    }
    return touchedCount;
  };

  return {
    seconds, source, predEdge, touched, run,
    get touchedCount() { return touchedCount; },
  };
}
