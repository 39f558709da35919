import KDBush from 'kdbush';
import { kdbushAround } from '../geo/kdbush-around';
import { EngineInputError } from '../types';
import type { DemandPoints, Facility } from '../types';

/** Nearest facility of every demand point by straight line. */
export interface NearestFacilityResult {
  /** Index into `facilities`, -1 when there are none. */
  facilityIndex: Int32Array;
  /** Great-circle metres to it (Infinity when none). */
  meters: Float64Array;
  /** Minutes = metres × detourFactor ÷ speed (Infinity when none). */
  minutes: Float32Array;
}

/**
 * Nearest facility of every demand point by great-circle (haversine) distance, with the straight-line
 * minutes to it (metres × detourFactor ÷ speed); a kd-tree over the facilities, best-first search.
 *
 * @param demand - demand points
 * @param facilities - placed facilities
 * @param options - `speedKmh` (km/h) and `detourFactor` (road ÷ straight-line distance)
 * @returns per demand point: facility index, metres, minutes
 * @example
 * const { facilityIndex, minutes } = nearestFacility(demand, facilities, { speedKmh: 4.5, detourFactor: 1.3 });
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function nearestFacility(
  demand: DemandPoints,
  facilities: readonly Facility[],
  options: { speedKmh: number; detourFactor: number },
): NearestFacilityResult {
  if (!(options.speedKmh > 0) || !(options.detourFactor > 0)) {
    throw new EngineInputError('speedKmh and detourFactor must be > 0');
  }
  const n = demand.lng.length;
  const facilityIndex = new Int32Array(n).fill(-1);
  const meters = new Float64Array(n).fill(Infinity);
  const minutes = new Float32Array(n).fill(Infinity);
  if (facilities.length === 0) return { facilityIndex, meters, minutes };
  const index = new KDBush(facilities.length);
  for (const f of facilities) index.add(f.lng, f.lat);
  index.finish();
  const minutesPerMeter = options.detourFactor / (options.speedKmh * 1000 / 60);
  for (let i = 0; i < n; i++) {
    const found = kdbushAround(index, demand.lng[i], demand.lat[i], 1);
    facilityIndex[i] = found.ids[0];
    meters[i] = found.meters[0];
    minutes[i] = found.meters[0] * minutesPerMeter;
  }
  return { facilityIndex, meters, minutes };
}
