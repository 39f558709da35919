import type { Position } from 'geojson';
import { prepareTravelNetwork } from './prepare-travel-network';
import {
  EngineInputError, NETWORK_CUTOFF_TOLERANCE_SECONDS,
  type Facility, type NetworkRoute, type NetworkTravelOptions, type RoadGraph, type RoadSnap,
} from '../types';

/** Index of the node whose out-edge range holds edge `e` (binary search over CSR offsets). */
function edgeSourceNode(offsets: Uint32Array, e: number): number {
  let lo = 0, hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= e) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/**
 * The `limit` (default 3) facilities nearest to a point by network travel time, each with minutes, metres
 * and the route line: point → snapped road point → road nodes → facility's snapped point → facility.
 * Straight walks to and from the road count at walking speed; travel is from the point to the facility
 * (oneway streets respected for cars). Facilities beyond `maxMinutes` (inclusive; default none) or in
 * another road component are left out.
 *
 * @example
 * const [nearest] = networkRoute(graph, { lng: 106.1, lat: 32.65 }, facilities,
 *   { mode: 'walk', speeds: DEFAULT_SPEEDS, limit: 1 }); // nearest.minutes, nearest.meters, nearest.line
 * @see https://doi.org/10.1007/BF01386390 (Dijkstra 1959)
 */
export function networkRoute(
  graph: RoadGraph,
  from: { lng: number; lat: number },
  facilities: ReadonlyArray<Facility>,
  opts: NetworkTravelOptions & { limit?: number; maxMinutes?: number },
): NetworkRoute[] {
  const limit = opts.limit ?? 3;
  const maxMinutes = opts.maxMinutes ?? Infinity;
  if (!Number.isInteger(limit) || limit < 1) throw new EngineInputError('limit must be a positive integer');
  if (!(maxMinutes >= 0)) throw new EngineInputError('maxMinutes must be ≥ 0');
  const network = prepareTravelNetwork(graph, opts);
  const start = network.snap(from.lng, from.lat);
  if (!start) return [];
  const startLegs = network.legSeconds(start);
  const { search, forward } = network;
  search.run(forward, [start.fromNode, start.toNode],
    [startLegs.snapToFromNode + startLegs.accessSeconds, startLegs.snapToToNode + startLegs.accessSeconds],
    [0, 0], maxMinutes * 60);

  type Arrival = { f: number; seconds: number; endNode: number; snap: RoadSnap };
  const arrivals: Arrival[] = [];
  for (let f = 0; f < facilities.length; f++) {
    const snap = network.snap(facilities[f].lng, facilities[f].lat);
    if (!snap) continue;
    const legs = network.legSeconds(snap);
    const options: [number, number][] = [
      [snap.fromNode, search.seconds[snap.fromNode] + legs.fromNodeToSnap],
      [snap.toNode, search.seconds[snap.toNode] + legs.toNodeToSnap],
      [-1, startLegs.accessSeconds + network.alongSegmentSeconds(start, snap)],
    ];
    const [endNode, seconds] = options.reduce((a, b) => (b[1] < a[1] ? b : a));
    const total = seconds + legs.accessSeconds;
    if (total < Infinity && total <= maxMinutes * 60 + NETWORK_CUTOFF_TOLERANCE_SECONDS) arrivals.push({ f, seconds: total, endNode, snap });
  }
  arrivals.sort((a, b) => a.seconds - b.seconds || a.f - b.f);

  const { lengthMeters, nodeLng, nodeLat, offsets } = graph;
  return arrivals.slice(0, limit).map(({ f, seconds, endNode, snap }) => {
    const facility = facilities[f];
    const nodes: number[] = [];
    let meters = start.distanceMeters + snap.distanceMeters;
    if (endNode < 0) {
      meters += Math.abs(snap.fraction - start.fraction) * lengthMeters[start.edge];
    } else {
      for (let v = endNode; ; ) {
        nodes.push(v);
        const e = search.predEdge[v];
        if (e < 0) break;
        meters += lengthMeters[e];
        v = edgeSourceNode(offsets, e);
      }
      nodes.reverse();
      const first = nodes[0];
      meters += first === start.toNode ? (1 - start.fraction) * lengthMeters[start.edge]
        : start.fraction * lengthMeters[start.reverseEdge >= 0 ? start.reverseEdge : start.edge];
      meters += endNode === snap.fromNode ? snap.fraction * lengthMeters[snap.edge]
        : (1 - snap.fraction) * lengthMeters[snap.reverseEdge >= 0 ? snap.reverseEdge : snap.edge];
    }
    const coordinates: Position[] = [[from.lng, from.lat], [start.lng, start.lat]];
    for (const v of nodes) coordinates.push([nodeLng[v], nodeLat[v]]);
    coordinates.push([snap.lng, snap.lat], [facility.lng, facility.lat]);
    const line = coordinates.filter((p, i) => i === 0 || p[0] !== coordinates[i - 1][0] || p[1] !== coordinates[i - 1][1]);
    if (line.length === 1) line.push([...line[0]]);
    const minutes = seconds / 60;
    return {
      facilityIndex: f, facilityId: facility.id, minutes, meters,
      line: {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line },
        properties: { facilityId: facility.id, minutes, meters, mode: opts.mode, method: 'network' },
      },
    };
  });
}
