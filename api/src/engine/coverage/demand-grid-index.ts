import type { DemandPoints } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';

const RAD = Math.PI / 180;
/** Grid cell edge, metres (north–south; east–west the same at the demand's mid latitude). */
const CELL_METERS = 500;

/**
 * Uniform lng/lat grid over demand points, points stored cell by cell (row-major), so the cells of one grid row
 * inside a query box are one contiguous run, sorted by longitude (then demand index) within each cell, hence within
 * each row: a longitude range of a row is one contiguous run too. Coordinates and cos(latitude) are copied in that order for
 * cache-friendly scans.
 */
export interface DemandGridIndex {
  minLng: number; minLat: number;
  cellLng: number; cellLat: number;
  columns: number; rows: number;
  /** Points of cell c: positions cellStart[c] .. cellStart[c + 1] − 1. */
  cellStart: Uint32Array;
  /** Demand index, longitude, latitude and cos(latitude) of each stored position. */
  id: Uint32Array;
  lng: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
  /** cos of the latitude of each row edge (rows + 1): row cy spans minLat + cy·cellLat .. minLat + (cy + 1)·cellLat. */
  rowEdgeCos: Float64Array;
  /** Scratch space of one value per demand point for queries (used within one call, never across calls). */
  scratch: Float64Array;
}

const cache = new WeakMap<Float64Array, { lat: Float64Array; index: DemandGridIndex }>();

/**
 * The grid index of a demand set, built once per demand version: cached on the demand's coordinate arrays
 * (the planner context replaces them when demand changes and keeps them across site edits), so repeated
 * coverage calls skip the build that used to be half their time.
 *
 * @example
 * const grid = demandGridIndex(demand); // O(n) the first time, then a cache hit
 * grid.cellStart.length; // cells + 1
 */
export function demandGridIndex(demand: DemandPoints): DemandGridIndex {
  const hit = cache.get(demand.lng);
  if (hit && hit.lat === demand.lat) return hit.index;
  const index = buildIndex(demand.lng, demand.lat);
  cache.set(demand.lng, { lat: demand.lat, index });
  return index;
}

function buildIndex(lngs: Float64Array, lats: Float64Array): DemandGridIndex {
  const n = lngs.length;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lngs[i] < minLng) minLng = lngs[i];
    if (lngs[i] > maxLng) maxLng = lngs[i];
    if (lats[i] < minLat) minLat = lats[i];
    if (lats[i] > maxLat) maxLat = lats[i];
  }
  if (n === 0) { minLng = 0; minLat = 0; maxLng = 0; maxLat = 0; }
  const cellLat = CELL_METERS / (EARTH_RADIUS_METERS * RAD);
  const cellLng = cellLat / Math.max(Math.cos(((minLat + maxLat) / 2) * RAD), 1e-6);
  // Keep the grid to at most ~4 cells per point (sparse, far-flung demand).
  const columns = Math.max(1, Math.min(Math.floor((maxLng - minLng) / cellLng) + 1, 4 * n + 1));
  const rows = Math.max(1, Math.min(Math.floor((maxLat - minLat) / cellLat) + 1, 4 * n + 1));
  const stepLng = Math.max(cellLng, (maxLng - minLng) / columns * 1.000001);
  const stepLat = Math.max(cellLat, (maxLat - minLat) / rows * 1.000001);
  const cellOf = new Uint32Array(n);
  const cellStart = new Uint32Array(columns * rows + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(columns - 1, Math.floor((lngs[i] - minLng) / stepLng));
    const cy = Math.min(rows - 1, Math.floor((lats[i] - minLat) / stepLat));
    cellOf[i] = cy * columns + cx;
    cellStart[cellOf[i] + 1]++;
  }
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, columns * rows);
  const id = new Uint32Array(n);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = fill[cellOf[i]]++;
    id[p] = i; lng[p] = lngs[i]; lat[p] = lats[i]; cosLat[p] = Math.cos(lats[i] * RAD);
  }
  sortCellsByLongitude(cellStart, id, lng, lat, cosLat);
  const rowEdgeCos = Float64Array.from({ length: rows + 1 }, (_, k) => Math.cos((minLat + k * stepLat) * RAD));
  return {
    minLng, minLat, cellLng: stepLng, cellLat: stepLat, columns, rows, cellStart, id, lng, lat, cosLat, rowEdgeCos,
    scratch: new Float64Array(n),
  };
}

/** Sorts each cell's points by longitude, ties by demand index (insertion sort up to 256 points, where it beats a comparator sort). */
function sortCellsByLongitude(cellStart: Uint32Array, id: Uint32Array, lng: Float64Array, lat: Float64Array, cosLat: Float64Array): void {
  for (let c = 0; c + 1 < cellStart.length; c++) {
    const start = cellStart[c];
    const end = cellStart[c + 1];
    if (end - start > 256) {
      const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => lng[a] - lng[b] || id[a] - id[b]);
      const [i2, x2, y2, c2] = [order.map((p) => id[p]), order.map((p) => lng[p]), order.map((p) => lat[p]), order.map((p) => cosLat[p])];
      id.set(i2, start); lng.set(x2, start); lat.set(y2, start); cosLat.set(c2, start);
      continue;
    }
    for (let p = start + 1; p < end; p++) {
      const i = id[p], x = lng[p], y = lat[p], cl = cosLat[p];
      let q = p - 1;
      while (q >= start && (lng[q] > x || (lng[q] === x && id[q] > i))) {
        id[q + 1] = id[q]; lng[q + 1] = lng[q]; lat[q + 1] = lat[q]; cosLat[q + 1] = cosLat[q];
        q--;
      }
      id[q + 1] = i; lng[q + 1] = x; lat[q + 1] = y; cosLat[q + 1] = cl;
    }
  }
}
