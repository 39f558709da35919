import { facilitySeeds } from './facility-seeds';
import { prepareTravelNetwork } from './prepare-travel-network';
import { singleFacilityReach } from './single-facility-reach';
import { snapDemandPoints } from '../demand/snap-demand-points';
import {
  EngineInputError, NETWORK_CUTOFF_TOLERANCE_SECONDS,
  type DemandPoints, type Facility, type NetworkReachResult, type RoadGraph, type TravelMode, type TravelSpeeds,
  type CarSpeedTableKmh,
} from '../types';

/**
 * Network adapter of the coverage engine: per facility, the demand points within `minutes` of road travel
 * (inclusive ≤), and per demand point its nearest facility and minutes (no time limit unless
 * `nearestCutoffMinutes`). Time = demand point's straight walk to its snapped road position (walking speed)
 * + network time + the facility's straight access walk. One bounded Dijkstra per facility plus one
 * multi-source Dijkstra for the nearest facility; snaps and buffers are cached per graph and demand.
 *
 * @example
 * const { reach, nearestFacility, nearestMinutes } = networkReach(graph, demand, facilities,
 *   { mode: 'walk', minutes: 15, speeds: DEFAULT_SPEEDS, older: true });
 * @see singleFacilityReach for one facility (incremental update when a site moves)
 */
export function networkReach(
  graph: RoadGraph,
  demand: DemandPoints,
  facilities: ReadonlyArray<Facility>,
  opts: { mode: TravelMode; minutes: number; speeds: TravelSpeeds; older?: boolean; carSpeedsKmh?: CarSpeedTableKmh; nearestCutoffMinutes?: number },
): NetworkReachResult {
  if (!(opts.minutes >= 0) || !Number.isFinite(opts.minutes)) throw new EngineInputError('minutes must be a finite number ≥ 0');
  const nearestCutoffMinutes = opts.nearestCutoffMinutes ?? Infinity;
  if (!(nearestCutoffMinutes >= 0)) throw new EngineInputError('nearestCutoffMinutes must be ≥ 0');
  const reach = facilities.map((facility) => singleFacilityReach(graph, demand, facility, opts));

  const network = prepareTravelNetwork(graph, opts);
  const snapped = snapDemandPoints(network, demand);
  const seeds = facilitySeeds(network, facilities);
  const { search } = network;
  search.run(network.reverse, seeds.seedNodes, seeds.seedSeconds, seeds.seedLabels, nearestCutoffMinutes * 60);
  const bestSeconds = new Float64Array(snapped.count).fill(Infinity);
  const nearestFacility = new Int32Array(snapped.count).fill(-1);
  const nearestLimit = nearestCutoffMinutes * 60 + NETWORK_CUTOFF_TOLERANCE_SECONDS;
  const offer = (d: number, seconds: number, facility: number): void => {
    if (seconds < bestSeconds[d] && seconds <= nearestLimit) { bestSeconds[d] = seconds; nearestFacility[d] = facility; }
  };
  for (let i = 0; i < search.touchedCount; i++) {
    const v = search.touched[i];
    for (let k = snapped.nodeOffsets[v]; k < snapped.nodeOffsets[v + 1]; k++) {
      offer(snapped.entryDemand[k], search.seconds[v] + snapped.entrySeconds[k], search.source[v]);
    }
  }
  for (let f = 0; f < facilities.length; f++) {
    const snap = seeds.snaps[f], legs = seeds.legs[f];
    if (!snap || !legs) continue;
    for (const d of snapped.bySegment.get(snap.segment) ?? []) {
      const demandSnap = snapped.snaps[d]!;
      const seconds = demandSnap.distanceMeters / network.walkMetersPerSecond
        + network.alongSegmentSeconds(demandSnap, snap) + legs.accessSeconds;
      offer(d, seconds, f);
    }
  }
  const nearestMinutes = new Float32Array(snapped.count);
  for (let d = 0; d < snapped.count; d++) nearestMinutes[d] = bestSeconds[d] / 60;
  return { reach, nearestFacility, nearestMinutes };
}
