import type { SnapLegSeconds, TravelNetwork } from './prepare-travel-network';
import type { RoadSnap } from '../types';

/** Start values for a search on the transposed graph: node → facility seconds at the snapped segment's ends. */
export interface FacilitySeeds {
  snaps: (RoadSnap | null)[];
  legs: (SnapLegSeconds | null)[];
  seedNodes: number[];
  seedSeconds: number[];
  /** Index of the facility (in the input order) each seed belongs to. */
  seedLabels: number[];
}

/**
 * Snaps facilities to the network and returns, per facility, the seconds from both ends of its snapped
 * segment to the facility: travel along the segment to the snapped point + the straight access walk.
 * Searching {@link TravelNetwork.reverse} from these seeds gives every node's travel time *to* a facility.
 *
 * @example
 * const seeds = facilitySeeds(network, [{ lng: 106.1, lat: 32.65 }]);
 * network.search.run(network.reverse, seeds.seedNodes, seeds.seedSeconds, seeds.seedLabels, 900);
 * @see prepareTravelNetwork
 */
export function facilitySeeds(network: TravelNetwork, facilities: ReadonlyArray<{ lng: number; lat: number }>): FacilitySeeds {
  const result: FacilitySeeds = { snaps: [], legs: [], seedNodes: [], seedSeconds: [], seedLabels: [] };
  for (let f = 0; f < facilities.length; f++) {
    const snap = network.snap(facilities[f].lng, facilities[f].lat);
    const legs = snap ? network.legSeconds(snap) : null;
    result.snaps.push(snap);
    result.legs.push(legs);
    if (!snap || !legs) continue;
    for (const [node, seconds] of [[snap.fromNode, legs.fromNodeToSnap], [snap.toNode, legs.toNodeToSnap]]) {
      if (!Number.isFinite(seconds)) continue;
      result.seedNodes.push(node);
      result.seedSeconds.push(seconds + legs.accessSeconds);
      result.seedLabels.push(f);
    }
  }
  return result;
}
