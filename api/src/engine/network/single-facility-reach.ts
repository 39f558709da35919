import { prepareTravelNetwork } from './prepare-travel-network';
import { snapDemandPoints } from '../demand/snap-demand-points';
import {
  EngineInputError, NETWORK_CUTOFF_TOLERANCE_SECONDS,
  type DemandPoints, type FacilityReach, type NetworkTravelOptions, type RoadGraph,
} from '../types';

/**
 * Demand points that can reach one facility within `minutes` over the road network, with their minutes.
 * Time = straight walk from the demand point to its nearest usable road (walking speed) + travel along
 * the roads + the facility's straight access walk; trips that stay on one segment need no node. The limit
 * is inclusive (≤). One bounded Dijkstra on the transposed graph; network, snaps and buffers are cached,
 * so calling this again after one site moves costs only that search.
 *
 * @example
 * const reach = singleFacilityReach(graph, demand, { lng: 106.1, lat: 32.65 },
 *   { mode: 'walk', speeds: DEFAULT_SPEEDS, minutes: 15 }); // reach.demandIndex ascending
 * @see multiSourceTravelMinutes for the transposed-graph search
 */
export function singleFacilityReach(
  graph: RoadGraph,
  demand: DemandPoints,
  facility: { lng: number; lat: number },
  options: NetworkTravelOptions & { minutes: number },
): FacilityReach {
  if (!(options.minutes >= 0) || !Number.isFinite(options.minutes)) throw new EngineInputError('minutes must be a finite number ≥ 0');
  const cutoffSeconds = options.minutes * 60;
  const limit = cutoffSeconds + NETWORK_CUTOFF_TOLERANCE_SECONDS;
  const network = prepareTravelNetwork(graph, options);
  const snapped = snapDemandPoints(network, demand);
  const snap = network.snap(facility.lng, facility.lat);
  if (!snap) return { demandIndex: new Uint32Array(0), minutes: new Float32Array(0) };
  const legs = network.legSeconds(snap);

  const { search } = network;
  search.run(
    network.reverse,
    [snap.fromNode, snap.toNode],
    [legs.fromNodeToSnap + legs.accessSeconds, legs.toNodeToSnap + legs.accessSeconds],
    [0, 0],
    cutoffSeconds,
  );
  const { bestSeconds, touched, nodeOffsets, entryDemand, entrySeconds } = snapped;
  let touchedCount = 0;
  const offer = (d: number, seconds: number): void => {
    if (!(seconds <= limit) || seconds >= bestSeconds[d]) return;
    if (bestSeconds[d] === Infinity) touched[touchedCount++] = d;
    bestSeconds[d] = seconds;
  };
  for (let i = 0; i < search.touchedCount; i++) {
    const v = search.touched[i];
    const base = search.seconds[v];
    for (let k = nodeOffsets[v]; k < nodeOffsets[v + 1]; k++) offer(entryDemand[k], base + entrySeconds[k]);
  }
  for (const d of snapped.bySegment.get(snap.segment) ?? []) {
    const demandSnap = snapped.snaps[d]!;
    const along = network.alongSegmentSeconds(demandSnap, snap);
    offer(d, demandSnap.distanceMeters / network.walkMetersPerSecond + along + legs.accessSeconds);
  }

  const demandIndex = touched.slice(0, touchedCount).sort();
  const minutes = new Float32Array(touchedCount);
  for (let i = 0; i < touchedCount; i++) {
    const d = demandIndex[i];
    minutes[i] = bestSeconds[d] / 60;
    bestSeconds[d] = Infinity; // leave the scratch clean for the next call
  }
  return { demandIndex, minutes };
}
