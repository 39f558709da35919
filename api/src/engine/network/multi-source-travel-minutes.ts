import { facilitySeeds } from './facility-seeds';
import { prepareTravelNetwork } from './prepare-travel-network';
import { EngineInputError, type NetworkTravelOptions, type RoadGraph } from '../types';

/**
 * Minutes from every road node to its nearest facility by network travel time, found with one multi-source
 * Dijkstra from all facilities at once (on the transposed graph, so oneway streets are driven the way a
 * resident would drive to the site). Facilities are snapped to the nearest usable road; their straight
 * access walk (walking speed) counts. Nodes beyond `cutoffMinutes` (inclusive ≤; default no limit) or
 * in components without a facility get minutes = Infinity and nearestFacility = -1.
 *
 * @example
 * const { nearestFacility, minutes } = multiSourceTravelMinutes(graph, facilities,
 *   { mode: 'walk', speeds: DEFAULT_SPEEDS, cutoffMinutes: 15 });
 * @see https://doi.org/10.1007/BF01386390 (Dijkstra 1959); a virtual super-source joins all facilities
 */
export function multiSourceTravelMinutes(
  graph: RoadGraph,
  facilities: ReadonlyArray<{ lng: number; lat: number }>,
  options: NetworkTravelOptions & { cutoffMinutes?: number },
): { nearestFacility: Int32Array; minutes: Float32Array } {
  const cutoffMinutes = options.cutoffMinutes ?? Infinity;
  if (!(cutoffMinutes >= 0)) throw new EngineInputError('cutoffMinutes must be ≥ 0');
  const network = prepareTravelNetwork(graph, options);
  const seeds = facilitySeeds(network, facilities);
  const { search } = network;
  search.run(network.reverse, seeds.seedNodes, seeds.seedSeconds, seeds.seedLabels, cutoffMinutes * 60);
  const nearestFacility = new Int32Array(graph.nodeCount).fill(-1);
  const minutes = new Float32Array(graph.nodeCount).fill(Infinity);
  for (let i = 0; i < search.touchedCount; i++) {
    const v = search.touched[i];
    nearestFacility[v] = search.source[v];
    minutes[v] = search.seconds[v] / 60;
  }
  return { nearestFacility, minutes };
}
