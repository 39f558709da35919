import KDBush from 'kdbush';
import { EARTH_RADIUS_METERS, EngineInputError } from '../types';
import type { DemandPoints, Facility, FacilityReach, ReachFunction } from '../types';

const RAD = Math.PI / 180;
/** Points up to 1 mm beyond the radius count as on it (floating-point rounding of the distance). */
const TOLERANCE_METERS = 0.001;

/** Options of the straight-line reach. */
export interface StraightLineReachOptions {
  /** Service radius in metres (inclusive). */
  radiusMeters: number;
  /** Travel speed used to turn distance into minutes, km/h. */
  speedKmh: number;
  /** Road distance ÷ straight-line distance. */
  detourFactor: number;
}

/**
 * Builds a spatial index over the demand once and returns a function giving one facility's
 * straight-line reach: demand points within `radiusMeters` (inclusive, haversine on a sphere of
 * radius {@link EARTH_RADIUS_METERS}) and minutes = metres × detourFactor ÷ speed.
 *
 * The index is a kdbush tree on longitude/latitude; a query takes the exact bounding box of the
 * spherical cap (Δlat = r/R, Δlng = asin(sin(r/R) / cos φ)) and then checks the haversine distance.
 *
 * @param demand - demand points
 * @param options - radius (m), speed (km/h), detour factor
 * @returns a {@link ReachFunction} for use with the incremental coverage or `straightLineReach`
 * @example
 * const reachOf = createStraightLineReach(demand, { radiusMeters: 865, speedKmh: 4.5, detourFactor: 1.3 });
 * const reach = reachOf({ id: 'a', kind: 'station', lng: 106.1, lat: 32.65, townshipCode: null });
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function createStraightLineReach(demand: DemandPoints, options: StraightLineReachOptions): ReachFunction {
  const { radiusMeters, speedKmh, detourFactor } = options;
  if (!(radiusMeters >= 0) || !(speedKmh > 0) || !(detourFactor > 0)) {
    throw new EngineInputError('radiusMeters must be ≥ 0, speedKmh and detourFactor > 0');
  }
  const n = demand.lng.length;
  const index = new KDBush(Math.max(n, 1));
  for (let i = 0; i < n; i++) index.add(demand.lng[i], demand.lat[i]);
  if (n === 0) index.add(0, 0); // kdbush needs its declared count; the dummy is filtered below
  index.finish();

  const lngs = demand.lng;
  const lats = demand.lat;
  const angle = (radiusMeters + TOLERANCE_METERS) / EARTH_RADIUS_METERS; // radians
  const dLatDeg = angle / RAD;
  const sinAngle = Math.sin(angle);
  const hMax = Math.sin(angle / 2) ** 2; // haversine of the limit
  const minutesPerMeter = detourFactor / (speedKmh * 1000 / 60);
  const found: number[] = [];

  return (facility: Facility): FacilityReach => {
    const { lng, lat } = facility;
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      throw new EngineInputError(`facility ${facility.id} has no valid coordinates`);
    }
    const cosLat = Math.cos(lat * RAD);
    const s = sinAngle / Math.max(cosLat, 1e-12);
    const dLngDeg = s >= 1 ? 180 : Math.asin(s) / RAD;
    const ids = index.range(lng - dLngDeg, lat - dLatDeg, lng + dLngDeg, lat + dLatDeg);
    found.length = 0;
    for (const i of ids) {
      if (i >= n) continue;
      const sinDLat = Math.sin((lats[i] - lat) * RAD * 0.5);
      const sinDLng = Math.sin((lngs[i] - lng) * RAD * 0.5);
      const h = sinDLat * sinDLat + cosLat * Math.cos(lats[i] * RAD) * sinDLng * sinDLng;
      if (h <= hMax) found.push(i);
    }
    found.sort((a, b) => a - b);
    const demandIndex = new Uint32Array(found);
    const minutes = new Float32Array(found.length);
    for (let k = 0; k < found.length; k++) {
      const i = found[k];
      const sinDLat = Math.sin((lats[i] - lat) * RAD * 0.5);
      const sinDLng = Math.sin((lngs[i] - lng) * RAD * 0.5);
      const h = sinDLat * sinDLat + cosLat * Math.cos(lats[i] * RAD) * sinDLng * sinDLng;
      const meters = 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
      minutes[k] = meters * minutesPerMeter;
    }
    return { demandIndex, minutes };
  };
}
