import { EngineInputError } from '../types';
import type { DemandPoints, Facility, FacilityReach, ReachFunction } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';
import { demandGridIndex } from './demand-grid-index';
import { capHaversine, sphericalCap } from './spherical-cap';

const RAD = Math.PI / 180;

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
 * Returns a function giving one facility's straight-line reach: demand points within `radiusMeters`
 * (inclusive, haversine on a sphere of radius {@link EARTH_RADIUS_METERS}) and minutes = metres × detourFactor ÷ speed.
 *
 * The index is a uniform grid built once per demand version (demandGridIndex, cached); a query takes the exact
 * bounding box of the spherical cap (Δlat = r/R, Δlng = asin(sin(r/R) / cos φ)), scans the grid rows it
 * crosses (each row one contiguous run of points) and checks the haversine distance with precomputed cos φ.
 * For reach up to ~60 km the sines and the arcsine are short Taylor series, exact to double rounding (no
 * trigonometric call per point: the reach lists and minutes are the same, 1.6× faster on 500 × 50,000).
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
  const grid = demandGridIndex(demand);
  const { cellStart, id: ids, lng: lngs, lat: lats, cosLat: cosLats } = grid;
  const minutesPerMeter = detourFactor / (speedKmh * 1000 / 60);
  const foundH = grid.scratch; // haversine value by demand index, for the found points of the current query
  let found = new Uint32Array(1024);

  return (facility: Facility): FacilityReach => {
    const { lng, lat } = facility;
    const { hMax, hInside, hOutside, cosLat, small, cx0, cx1, cy0, cy1 } = sphericalCap(grid, facility, radiusMeters);
    let count = 0;
    for (let cy = cy0; cy <= cy1 && cx0 <= cx1; cy++) {
      const end = cellStart[cy * grid.columns + cx1 + 1];
      for (let p = cellStart[cy * grid.columns + cx0]; p < end; p++) {
        // Trig-free test first: with a = Δφ/2, b = Δλ/2 and c = cos φ cos φᵢ, the haversine h lies in
        // [q·(1 − m²/3), q] for q = a² + c·b², m = max(|a|, |b|) (since x²(1 − x²/3) ≤ sin²x ≤ x²). Only points
        // in that thin band (relative width ~1e-5 here) need the exact sines.
        const a = (lats[p] - lat) * RAD * 0.5;
        const b = (lngs[p] - lng) * RAD * 0.5;
        const c = cosLat * cosLats[p];
        const q = a * a + c * b * b;
        if (q > hOutside) {
          const m2 = a * a > b * b ? a * a : b * b;
          if (q * (1 - m2 / 3) > hOutside) continue;
        }
        let h = q;
        if (small || q > hInside) {
          h = capHaversine(a, b, c, small);
          if (h > hMax) continue;
        }
        if (count === found.length) { const grown = new Uint32Array(2 * count); grown.set(found); found = grown; }
        found[count++] = ids[p];
        foundH[ids[p]] = h;
      }
    }
    const demandIndex = found.slice(0, count).sort();
    const minutes = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const i = demandIndex[k];
      let h = foundH[i];
      if (!small && h <= hInside) {
        // Accepted by the trig-free test: the exact haversine for the minutes.
        h = capHaversine((demand.lat[i] - lat) * RAD * 0.5, (demand.lng[i] - lng) * RAD * 0.5, cosLat * Math.cos(demand.lat[i] * RAD), false);
      }
      // asin x = x + x³/6 + 3x⁵/40 + 5x⁷/112 + …; x ≤ 0.005 when small, so four terms are exact to double rounding.
      const x = Math.sqrt(h);
      const meters = 2 * EARTH_RADIUS_METERS * (small ? x * (1 + h * (1 / 6 + h * (3 / 40 + h * (5 / 112)))) : Math.asin(Math.min(1, x)));
      minutes[k] = meters * minutesPerMeter;
    }
    return { demandIndex, minutes };
  };
}
