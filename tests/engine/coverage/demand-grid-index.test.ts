import { describe, expect, it } from 'vitest';
import { demandGridIndex } from '../../../api/src/engine/coverage/demand-grid-index';
import { randomDemand } from '../coverage-helpers';

describe('demandGridIndex', () => {
  it('stores every point once, cell by cell, and is built once per demand version', () => {
    const random = randomDemand(2000, 7, [106.0, 32.55, 106.2, 32.75]);
    // A few duplicated points (equal longitudes) and one dense cell (more than 256 points: the other sort path).
    const demand = { ...random, lng: Float64Array.from(random.lng, (x, i) => (i % 50 === 1 ? random.lng[i - 1] : i < 400 ? 106.1 + (x - 106) * 0.01 : x)), lat: Float64Array.from(random.lat, (y, i) => (i % 50 === 1 ? random.lat[i - 1] : i < 400 ? 32.65 + (y - 32.55) * 0.01 : y)) };
    const grid = demandGridIndex(demand);
    expect([...grid.id].sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    for (let p = 0; p < 2000; p++) {
      expect(grid.lng[p]).toBe(demand.lng[grid.id[p]]);
      const cx = Math.floor((grid.lng[p] - grid.minLng) / grid.cellLng);
      const cy = Math.floor((grid.lat[p] - grid.minLat) / grid.cellLat);
      const c = cy * grid.columns + cx;
      expect(p >= grid.cellStart[c] && p < grid.cellStart[c + 1]).toBe(true);
    }
    // Within a cell (hence within a row), points are sorted by longitude, ties by demand index.
    for (let c = 0; c + 1 < grid.cellStart.length; c++) {
      for (let p = grid.cellStart[c] + 1; p < grid.cellStart[c + 1]; p++) {
        expect(grid.lng[p - 1] < grid.lng[p] || (grid.lng[p - 1] === grid.lng[p] && grid.id[p - 1] < grid.id[p])).toBe(true);
      }
    }
    expect(Math.max(...Array.from({ length: grid.cellStart.length - 1 }, (_, c) => grid.cellStart[c + 1] - grid.cellStart[c]))).toBeGreaterThan(256);
    // Same coordinate arrays (site edits keep the demand): cache hit. New demand arrays: a new index.
    expect(demandGridIndex({ ...demand })).toBe(grid);
    expect(demandGridIndex({ ...demand, lat: Float64Array.from(demand.lat) })).not.toBe(grid);
  });
});
