import type { TravelNetwork } from '../network/prepare-travel-network';
import type { DemandPoints, RoadSnap } from '../types';

/** Demand points attached to the road network of one {@link TravelNetwork}. */
export interface SnappedDemand {
  count: number;
  /** Snap per demand point; null when the network has no usable road. */
  snaps: (RoadSnap | null)[];
  /** Entries per graph node (CSR): demand points that can enter the road network at that node. */
  nodeOffsets: Uint32Array;
  entryDemand: Uint32Array;
  /** Seconds from the demand point to the node: access walk + the part of its segment. */
  entrySeconds: Float64Array;
  /** Demand points per snapped segment (for trips that stay on one segment). */
  bySegment: Map<number, number[]>;
  /** Scratch: best seconds per demand point (kept at Infinity between uses) and a touched list. */
  bestSeconds: Float64Array;
  touched: Uint32Array;
}

const cache = new WeakMap<TravelNetwork, WeakMap<DemandPoints, SnappedDemand>>();

/**
 * Snaps every demand point to the network once (cached per network and demand object) and indexes, per
 * road node, the demand points that reach it and the seconds they need: straight access walk at walking
 * speed + travel along the snapped segment to that end.
 *
 * @example
 * const snapped = snapDemandPoints(prepareTravelNetwork(graph, { mode: 'walk', speeds }), demand);
 * @see createRoadSnapper
 */
export function snapDemandPoints(network: TravelNetwork, demand: DemandPoints): SnappedDemand {
  let byDemand = cache.get(network);
  if (!byDemand) cache.set(network, (byDemand = new WeakMap()));
  const cached = byDemand.get(demand);
  if (cached) return cached;

  const count = demand.lng.length;
  const nodeCount = network.graph.nodeCount;
  const snaps: (RoadSnap | null)[] = new Array(count);
  const bySegment = new Map<number, number[]>();
  const entryNode = new Int32Array(count * 2).fill(-1);
  const entrySecondsRaw = new Float64Array(count * 2);
  const nodeOffsets = new Uint32Array(nodeCount + 1);
  for (let d = 0; d < count; d++) {
    const snap = network.snap(demand.lng[d], demand.lat[d]);
    snaps[d] = snap;
    if (!snap) continue;
    const list = bySegment.get(snap.segment);
    if (list) list.push(d); else bySegment.set(snap.segment, [d]);
    const legs = network.legSeconds(snap);
    const ends = [[snap.fromNode, legs.snapToFromNode], [snap.toNode, legs.snapToToNode]];
    for (let k = 0; k < 2; k++) {
      const [node, seconds] = ends[k];
      if (!Number.isFinite(seconds)) continue;
      entryNode[2 * d + k] = node;
      entrySecondsRaw[2 * d + k] = legs.accessSeconds + seconds;
      nodeOffsets[node + 1]++;
    }
  }
  for (let v = 0; v < nodeCount; v++) nodeOffsets[v + 1] += nodeOffsets[v];
  const next = nodeOffsets.slice(0, nodeCount);
  const entryDemand = new Uint32Array(nodeOffsets[nodeCount]);
  const entrySeconds = new Float64Array(nodeOffsets[nodeCount]);
  for (let i = 0; i < count * 2; i++) {
    const node = entryNode[i];
    if (node < 0) continue;
    const slot = next[node]++;
    entryDemand[slot] = i >> 1;
    entrySeconds[slot] = entrySecondsRaw[i];
  }
  const result: SnappedDemand = {
    count, snaps, nodeOffsets, entryDemand, entrySeconds, bySegment,
    bestSeconds: new Float64Array(count).fill(Infinity),
    touched: new Uint32Array(count),
  };
  byDemand.set(demand, result);
  return result;
}
