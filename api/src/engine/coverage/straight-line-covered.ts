import { EngineInputError } from '../types';
import type { DemandPoints, Facility } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';
import { demandGridIndex } from './demand-grid-index';
import { capHaversine, capOuterQ, sphericalCap, type SphericalCap } from './spherical-cap';

const RAD = Math.PI / 180;
const HALF_RAD = RAD * 0.5;
/** Half-angle b (radians) → longitude span 2b in degrees. */
const DEG2 = 2 / RAD;
/** Runs of points are taken whole without distance checks only when wholly inside the radius less this margin. */
const FULL_MARGIN_METERS = 0.01;

/**
 * Which demand points lie within `radiusMeters` (straight line, haversine) of at least one facility: the
 * covered-population kernel for callers that need only totals or a covered set, not minutes or nearest sites.
 * It decides every point exactly as {@link createStraightLineReach} does (same caps, same haversine), so
 * `coverageSummary(demand, straightLineCovered(…))` equals `coverageFromReach(…)` to the last bit.
 *
 * Method: on the cached demand grid (built once per demand version), per facility and grid row, a cell whose four
 * corners lie inside the radius less 1 cm (q = a² + c·b² ≥ haversine, so a planar bound suffices) is taken whole
 * without distance checks; cells crossing the circle check their points by the planar q, with the exact haversine
 * only in the thin band around the radius where q cannot decide. Rows are also clipped to the circle's chord.
 *
 * @param demand - demand points
 * @param facilities - placed facilities
 * @param radiusMeters - service radius in metres (inclusive)
 * @returns per demand point 1 when covered, else 0
 * @example
 * const covered = straightLineCovered(demand, facilities, straightLineRadiusMeters(4.5, 15, 1.3));
 * const { totals } = coverageSummary(demand, covered);
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function straightLineCovered(demand: DemandPoints, facilities: readonly Facility[], radiusMeters: number): Uint8Array {
  if (!(radiusMeters >= 0)) throw new EngineInputError('radiusMeters must be ≥ 0');
  const grid = demandGridIndex(demand);
  const { cellStart, id: ids, lng: lngs, lat: lats, cosLat: cosLats, rowEdgeCos, columns, minLng, minLat, cellLng, cellLat } = grid;
  const covered = new Uint8Array(ids.length);
  const fullAngle = Math.max(0, radiusMeters - FULL_MARGIN_METERS) / EARTH_RADIUS_METERS;
  const hFull = radiusMeters > FULL_MARGIN_METERS ? Math.sin(fullAngle / 2) ** 2 : -1;

  for (const facility of facilities) {
    const cap = sphericalCap(grid, facility, radiusMeters);
    const { cosLat, cx0, cx1, cy0, cy1 } = cap;
    const { lng, lat } = facility;
    const qBand = capOuterQ(grid, cap);
    const invCosLat = 1 / cosLat;
    // Half-angle a and 1 / (cos φ₀ cos φ) of each row edge, carried from one row to the next.
    let a1 = (minLat + cy0 * cellLat - lat) * HALF_RAD;
    let i1 = invCosLat / rowEdgeCos[cy0];
    for (let cy = cy0; cy <= cy1 && cx0 <= cx1; cy++) {
      const a0 = a1, i0 = i1;
      a1 = (minLat + (cy + 1) * cellLat - lat) * HALF_RAD;
      i1 = invCosLat / rowEdgeCos[cy + 1];
      // Outer chord of this row: longitudes that can hold a covered point (nearest edge, smallest cos).
      const aNear = a0 > 0 ? a0 : a1 < 0 ? a1 : 0;
      const room = qBand - aNear * aNear;
      if (room < 0) continue;
      const wOut = qBand === Infinity ? Infinity : DEG2 * Math.sqrt(room * Math.max(i0, i1));
      // Inner chord: the rectangle row × [lng − wIn, lng + wIn] has its four corners within hFull (q ≥ h), so the
      // whole rectangle does (the farthest point of a lng/lat rectangle is a corner): no distance checks there.
      const r0 = hFull - a0 * a0, r1 = hFull - a1 * a1;
      const wIn = r0 > 0 && r1 > 0 ? DEG2 * Math.sqrt(Math.min(r0 * i0, r1 * i1)) : -1;
      const west = lng - wOut, east = lng + wOut;
      const innerWest = wIn >= 0 ? lng - wIn : -Infinity, innerEast = wIn >= 0 ? lng + wIn : -Infinity;
      // The row's points sorted by longitude: skip those west of the chord, check the western band, take the inner
      // run whole, check the eastern band.
      const row = cy * columns;
      let p = cellStart[row + Math.max(cx0, Math.floor((west - minLng) / cellLng))];
      const end = cellStart[row + Math.min(cx1, Math.floor((east - minLng) / cellLng)) + 1];
      while (p < end && lngs[p] < west) p++;
      for (; p < end && lngs[p] < innerWest; p++) covered[ids[p]] |= inCap(lats[p] - lat, lngs[p] - lng, cosLat * cosLats[p], cap, qBand);
      for (; p < end && lngs[p] <= innerEast; p++) covered[ids[p]] = 1;
      for (; p < end && lngs[p] <= east; p++) covered[ids[p]] |= inCap(lats[p] - lat, lngs[p] - lng, cosLat * cosLats[p], cap, qBand);
    }
  }
  return covered;
}

/**
 * 1 when a point at Δlat, Δlng (degrees) with c = cos φ₀ cos φ is inside the cap, else 0: the engine's decision.
 * q = a² + c·b² ≥ h ≥ q·(1 − m²/3): q ≤ hInside is inside, q > qBand outside, and only the thin band between needs
 * the exact haversine; branch-free but for that rare band (inside and outside are a coin toss here).
 */
function inCap(dLatDeg: number, dLngDeg: number, c: number, cap: SphericalCap, qBand: number): number {
  const a = dLatDeg * RAD * 0.5;
  const b = dLngDeg * RAD * 0.5;
  const q = a * a + c * b * b;
  if ((q - cap.hInside) * (q - qBand) <= 0) return +(capHaversine(a, b, c, cap.small) <= cap.hMax);
  return +(q <= cap.hInside);
}
