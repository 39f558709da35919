import { createBoundedDijkstra, type BoundedDijkstra, type SearchAdjacency } from './bounded-dijkstra';
import { edgeTravelSeconds } from './edge-travel-seconds';
import { createRoadSnapper } from './snap-to-road';
import {
  EngineInputError, MODE_BIT,
  type NetworkTravelOptions, type RoadGraph, type RoadSnap, type RoadSnapper, type TravelMode,
} from '../types';

/** Seconds between a snapped point and the two ends of its segment, plus the off-road access walk. */
export interface SnapLegSeconds {
  /** Straight walk between the input point and the snapped road point. */
  accessSeconds: number;
  snapToFromNode: number;
  snapToToNode: number;
  fromNodeToSnap: number;
  toNodeToSnap: number;
}

/** Everything the network functions need for one graph and one way of travelling; cached per graph. */
export interface TravelNetwork {
  graph: RoadGraph;
  mode: TravelMode;
  /** Forward adjacency (the graph itself) with this mode's seconds per edge. */
  forward: SearchAdjacency;
  /** Transposed adjacency: searching it from facilities gives node → facility times. `edgeId` maps to graph edges. */
  reverse: SearchAdjacency & { edgeId: Uint32Array };
  walkMetersPerSecond: number;
  snap: RoadSnapper;
  /** Shared Dijkstra buffers (single-threaded reuse). */
  search: BoundedDijkstra;
  legSeconds(snap: RoadSnap): SnapLegSeconds;
  /** Seconds from snapped point `a` to snapped point `b` along their common segment; Infinity otherwise. */
  alongSegmentSeconds(a: RoadSnap, b: RoadSnap): number;
}

const networks = new WeakMap<RoadGraph, Map<string, TravelNetwork>>();
const snappers = new WeakMap<RoadGraph, Map<TravelMode, RoadSnapper>>();
const transposes = new WeakMap<RoadGraph, { offsets: Uint32Array; targets: Uint32Array; edgeId: Uint32Array }>();

/** Seconds for a fraction of an edge; a zero fraction costs nothing even on an unusable (Infinity) edge. */
function part(fraction: number, seconds: number): number {
  return fraction === 0 ? 0 : fraction * seconds;
}

function transpose(graph: RoadGraph): { offsets: Uint32Array; targets: Uint32Array; edgeId: Uint32Array } {
  const cached = transposes.get(graph);
  if (cached) return cached;
  const { nodeCount, offsets, targets } = graph;
  const edgeCount = targets.length;
  const rOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) rOffsets[targets[e] + 1]++;
  for (let v = 0; v < nodeCount; v++) rOffsets[v + 1] += rOffsets[v];
  const next = rOffsets.slice(0, nodeCount);
  const rTargets = new Uint32Array(edgeCount);
  const edgeId = new Uint32Array(edgeCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const slot = next[targets[e]]++;
      rTargets[slot] = u;
      edgeId[slot] = e;
    }
  }
  const result = { offsets: rOffsets, targets: rTargets, edgeId };
  transposes.set(graph, result);
  return result;
}

/**
 * Prepares (and caches per graph and options) the per-mode edge seconds, the transposed graph, the road
 * snapper and the Dijkstra buffers. Access walks between a point and the road use walking speed
 * (`speeds.olderWalkKmh` when `older`) in every mode. Graphs are treated as immutable once prepared.
 *
 * @example
 * const network = prepareTravelNetwork(graph, { mode: 'walk', speeds: DEFAULT_SPEEDS });
 * @see edgeTravelSeconds for the per-edge speeds
 */
export function prepareTravelNetwork(graph: RoadGraph, options: NetworkTravelOptions): TravelNetwork {
  const { mode, speeds, older = false, carSpeedsKmh } = options;
  if (MODE_BIT[mode] === undefined) throw new EngineInputError(`unknown travel mode ${String(mode)}`);
  const walkKmh = older ? speeds.olderWalkKmh : speeds.walkKmh;
  if (!(walkKmh > 0) || !Number.isFinite(walkKmh)) throw new EngineInputError('walking speed must be a positive number of km/h');
  const key = JSON.stringify([mode, older, speeds.walkKmh, speeds.olderWalkKmh, speeds.bikeKmh, carSpeedsKmh ?? null]);
  let byKey = networks.get(graph);
  if (!byKey) networks.set(graph, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const edgeSeconds = edgeTravelSeconds(graph, mode, speeds, { older, carSpeedsKmh });
  const t = transpose(graph);
  const reverseSeconds = new Float64Array(t.edgeId.length);
  for (let i = 0; i < reverseSeconds.length; i++) reverseSeconds[i] = edgeSeconds[t.edgeId[i]];
  let modeSnappers = snappers.get(graph);
  if (!modeSnappers) snappers.set(graph, (modeSnappers = new Map()));
  let snap = modeSnappers.get(mode);
  if (!snap) modeSnappers.set(mode, (snap = createRoadSnapper(graph, mode)));
  const walkMetersPerSecond = walkKmh / 3.6;

  const network: TravelNetwork = {
    graph, mode, walkMetersPerSecond, snap,
    forward: { offsets: graph.offsets, targets: graph.targets, edgeSeconds },
    reverse: { offsets: t.offsets, targets: t.targets, edgeSeconds: reverseSeconds, edgeId: t.edgeId },
    search: createBoundedDijkstra(graph.nodeCount),
    legSeconds(s) {
      const forwardSeconds = edgeSeconds[s.edge];
      const backSeconds = s.reverseEdge >= 0 ? edgeSeconds[s.reverseEdge] : Infinity;
      return {
        accessSeconds: s.distanceMeters / walkMetersPerSecond,
        snapToFromNode: part(s.fraction, backSeconds),
        snapToToNode: part(1 - s.fraction, forwardSeconds),
        fromNodeToSnap: part(s.fraction, forwardSeconds),
        toNodeToSnap: part(1 - s.fraction, backSeconds),
      };
    },
    alongSegmentSeconds(a, b) {
      if (a.segment !== b.segment) return Infinity;
      if (b.fraction >= a.fraction) return (b.fraction - a.fraction) * edgeSeconds[a.edge];
      return a.reverseEdge >= 0 ? (a.fraction - b.fraction) * edgeSeconds[a.reverseEdge] : Infinity;
    },
  };
  byKey.set(key, network);
  return network;
}
