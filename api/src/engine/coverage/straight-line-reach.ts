import { createStraightLineReach } from './create-straight-line-reach';
import type { StraightLineReachOptions } from './create-straight-line-reach';
import type { DemandPoints, Facility, FacilityReach } from '../types';

/**
 * Straight-line reach of every facility: the demand points within `radiusMeters` (inclusive,
 * haversine distance) and the minutes to each (metres × detourFactor ÷ speed), one entry per facility
 * in the same order. Uses one kdbush index over the demand (bounding-box query, then exact haversine).
 *
 * @param demand - demand points
 * @param facilities - placed facilities
 * @param options - `radiusMeters` (m), `speedKmh` (km/h), `detourFactor` (road ÷ straight-line)
 * @returns reach lists aligned with `facilities`, demand indices ascending
 * @example
 * const radiusMeters = straightLineRadiusMeters(4.5, 15, 1.3);
 * const reach = straightLineReach(demand, facilities, { radiusMeters, speedKmh: 4.5, detourFactor: 1.3 });
 * @see createStraightLineReach for the method
 */
export function straightLineReach(
  demand: DemandPoints,
  facilities: readonly Facility[],
  options: StraightLineReachOptions,
): FacilityReach[] {
  const reachOf = createStraightLineReach(demand, options);
  return facilities.map(reachOf);
}
