import { haversineMeters } from '../geo/haversine-meters';
import { EngineInputError } from '../types';
import type { Facility } from '../types';

/** One facility near a point. */
export interface NearbyFacility {
  id: string;
  /** Index into the facilities array. */
  index: number;
  meters: number;
  minutes: number;
}

/**
 * The `limit` facilities nearest to one arbitrary point by great-circle distance, nearest first,
 * with straight-line minutes (metres × detourFactor ÷ speed). Exact scan of all facilities (a
 * district has hundreds, so an index would cost more to build than it saves for one query).
 *
 * @param lng - longitude, degrees
 * @param lat - latitude, degrees
 * @param facilities - placed facilities
 * @param options - `limit` (default 5), `speedKmh` (km/h), `detourFactor`
 * @returns up to `limit` facilities, nearest first (ties keep input order)
 * @example
 * nearestFacilitiesToPoint(106.1, 32.65, facilities, { limit: 3, speedKmh: 4.5, detourFactor: 1.3 });
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function nearestFacilitiesToPoint(
  lng: number,
  lat: number,
  facilities: readonly Facility[],
  options: { limit?: number; speedKmh: number; detourFactor: number },
): NearbyFacility[] {
  const limit = options.limit ?? 5;
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new EngineInputError('point needs finite coordinates');
  if (!(options.speedKmh > 0) || !(options.detourFactor > 0) || !(limit >= 0)) {
    throw new EngineInputError('speedKmh and detourFactor must be > 0 and limit ≥ 0');
  }
  const minutesPerMeter = options.detourFactor / (options.speedKmh * 1000 / 60);
  return facilities
    .map((f, index) => ({ id: f.id, index, meters: haversineMeters(lng, lat, f.lng, f.lat), minutes: 0 }))
    .sort((a, b) => a.meters - b.meters || a.index - b.index)
    .slice(0, limit)
    .map((f) => ({ ...f, minutes: f.meters * minutesPerMeter }));
}
