import { EngineInputError } from '../types';
import type { Facility } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';
import type { DemandGridIndex } from './demand-grid-index';

const RAD = Math.PI / 180;
/** Points up to 1 mm beyond the radius count as on it (floating-point rounding of the distance). */
const TOLERANCE_METERS = 0.001;

/**
 * One facility's straight-line circle (a spherical cap) as the grid queries see it: the haversine limits and the
 * grid cells of its exact bounding box. Shared by the reach lists and the covered-population kernel, so both take
 * the same decision for every point (the answers are equal to the last bit).
 */
export interface SphericalCap {
  /** Haversine h = sin²(d / 2R) of the limit radius + 1 mm: a point is inside iff its h ≤ hMax. */
  hMax: number;
  /** q = a² + c·b² below this: inside for sure (h ≤ q up to rounding). */
  hInside: number;
  /** A lower bound of h above this: outside for sure. */
  hOutside: number;
  dLatDeg: number;
  dLngDeg: number;
  cosLat: number;
  /** Grid cells of the bounding box, clamped to the grid (empty when cx0 > cx1 or cy0 > cy1). */
  cx0: number; cx1: number; cy0: number; cy1: number;
  /** Every half-angle to a scanned point ≤ 0.005 rad: the Taylor series of {@link capHaversine} apply. */
  small: boolean;
}

/** The facility-independent part of a cap, kept for the last radius asked (a call maps many sites at one radius). */
function capLimits(radiusMeters: number) {
  const angle = (radiusMeters + TOLERANCE_METERS) / EARTH_RADIUS_METERS; // radians
  return { radiusMeters, dLatDeg: angle / RAD, hMax: Math.sin(angle / 2) ** 2, sinAngle: Math.sin(angle) };
}
let limits = capLimits(0);

/**
 * The cap of radius `radiusMeters` (+ 1 mm) around a facility on the grid: exact bounding box of the spherical cap
 * (Δlat = r/R, Δlng = asin(sin(r/R) / cos φ)) and the haversine limits.
 *
 * @example
 * const cap = sphericalCap(demandGridIndex(demand), facility, 865); // cap.cy0..cap.cy1 rows to scan
 */
export function sphericalCap(grid: DemandGridIndex, facility: Facility, radiusMeters: number): SphericalCap {
  const { lng, lat } = facility;
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new EngineInputError(`facility ${facility.id} has no valid coordinates`);
  }
  if (radiusMeters !== limits.radiusMeters) limits = capLimits(radiusMeters);
  const { dLatDeg, hMax, sinAngle } = limits;
  const cosLat = Math.cos(lat * RAD);
  const s = sinAngle / Math.max(cosLat, 1e-12);
  const dLngDeg = s >= 1 ? 180 : Math.asin(s) / RAD;
  return {
    hMax, hInside: hMax * (1 - 1e-12), hOutside: hMax * (1 + 1e-12), dLatDeg, dLngDeg, cosLat,
    cx0: Math.max(0, Math.floor((lng - dLngDeg - grid.minLng) / grid.cellLng)),
    cx1: Math.min(grid.columns - 1, Math.floor((lng + dLngDeg - grid.minLng) / grid.cellLng)),
    cy0: Math.max(0, Math.floor((lat - dLatDeg - grid.minLat) / grid.cellLat)),
    cy1: Math.min(grid.rows - 1, Math.floor((lat + dLatDeg - grid.minLat) / grid.cellLat)),
    // Small caps (a reach of up to ~60 km away from the poles): short Taylor series are exact to double rounding.
    small: Math.max(dLatDeg + grid.cellLat, dLngDeg + grid.cellLng) * RAD * 0.5 <= 0.005,
  };
}

/**
 * Haversine h = sin²a + c·sin²b of a point at half-angles a = Δφ/2, b = Δλ/2 (radians) with c = cos φ₀ cos φ.
 * When `small` (|a|, |b| ≤ 0.005), sin²x = x² − x⁴/3 + 2x⁶/45 − … to three terms, exact to double rounding
 * without trigonometric calls.
 *
 * @example
 * capHaversine(0.001, 0.002, 0.7, true); // ≈ 3.8e-6
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function capHaversine(a: number, b: number, c: number, small: boolean): number {
  if (small) {
    const a2 = a * a;
    const b2 = b * b;
    return a2 * (1 - a2 * (1 / 3 - a2 * (2 / 45))) + c * b2 * (1 - b2 * (1 / 3 - b2 * (2 / 45)));
  }
  const sinA = Math.sin(a);
  const sinB = Math.sin(b);
  return sinA * sinA + c * sinB * sinB;
}

/**
 * The q = a² + c·b² above which a point scanned for this cap is outside for sure: every scanned point has
 * half-angles ≤ m (the bounding box plus a cell), and h ≥ q·(1 − m²/3). Infinity for caps too large for the bound.
 *
 * @example
 * const qBand = capOuterQ(grid, cap); // q in (cap.hInside, qBand]: the thin band that needs the exact haversine
 */
export function capOuterQ(grid: DemandGridIndex, cap: SphericalCap): number {
  const m = Math.max(cap.dLatDeg + grid.cellLat, cap.dLngDeg + grid.cellLng) * RAD * 0.5;
  return m < 0.5 ? (cap.hOutside / (1 - (m * m) / 3)) * (1 + 1e-9) : Infinity;
}

