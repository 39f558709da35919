import type { DemandPoints } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';

const RAD = Math.PI / 180;

/** The regular lng/lat grid that grid demand points sit on. */
export interface DemandGrid {
  /** Centre of column 0 / row 0, degrees. */
  originLng: number;
  originLat: number;
  /** Cell size in degrees. */
  stepLng: number;
  stepLat: number;
  cols: number;
  rows: number;
  /** Column and row of every demand point. */
  col: Int32Array;
  row: Int32Array;
}

/**
 * Recovers the grid of grid-cell demand (`cellHalfSizeMeters` > 0): the latitude step is
 * 2·cellHalfSizeMeters ÷ (R·π/180) degrees, the longitude step the smallest spacing between distinct
 * longitudes (it must be within 10% of the latitude step ÷ cos φ). Returns null when the points are not
 * on one regular grid (then callers treat them as plain points).
 *
 * @param demand - demand points
 * @returns the grid with each point's column and row, or null
 * @example
 * const grid = demandGrid(modelledDemand(input)); // grid.stepLat ≈ 0.003597 for 400 m cells
 * @see modelledDemand, which lays out such grids
 */
export function demandGrid(demand: DemandPoints): DemandGrid | null {
  const n = demand.lng.length;
  if (n === 0 || !(demand.cellHalfSizeMeters > 0)) return null;
  const stepLat = (2 * demand.cellHalfSizeMeters) / (EARTH_RADIUS_METERS * RAD);
  let minLng = Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    minLng = Math.min(minLng, demand.lng[i]);
    minLat = Math.min(minLat, demand.lat[i]);
    maxLat = Math.max(maxLat, demand.lat[i]);
  }
  const expectedStepLng = stepLat / Math.cos(((minLat + maxLat) / 2) * RAD);
  const sorted = Float64Array.from(demand.lng).sort();
  let stepLng = Infinity;
  for (let i = 1; i < n; i++) {
    const d = sorted[i] - sorted[i - 1];
    if (d > stepLat * 1e-3 && d < stepLng) stepLng = d;
  }
  if (stepLng === Infinity) stepLng = expectedStepLng;
  if (Math.abs(stepLng / expectedStepLng - 1) > 0.1) return null;

  const col = new Int32Array(n);
  const row = new Int32Array(n);
  let cols = 0, rows = 0;
  for (let i = 0; i < n; i++) {
    const x = (demand.lng[i] - minLng) / stepLng;
    const y = (demand.lat[i] - minLat) / stepLat;
    col[i] = Math.round(x);
    row[i] = Math.round(y);
    if (Math.abs(x - col[i]) > 1e-3 || Math.abs(y - row[i]) > 1e-3) return null;
    cols = Math.max(cols, col[i] + 1);
    rows = Math.max(rows, row[i] + 1);
  }
  return { originLng: minLng, originLat: minLat, stepLng, stepLat, cols, rows, col, row };
}
