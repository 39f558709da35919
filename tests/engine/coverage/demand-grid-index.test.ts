import { describe, expect, it } from 'vitest';
import { demandGridIndex } from '../../../api/src/engine/coverage/demand-grid-index';
import { randomDemand } from '../coverage-helpers';

describe('demandGridIndex', () => {
  it('stores every point once, cell by cell, and is built once per demand version', () => {
    const demand = randomDemand(2000, 7, [106.0, 32.55, 106.2, 32.75]);
    const grid = demandGridIndex(demand);
    expect([...grid.id].sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    for (let p = 0; p < 2000; p++) {
      expect(grid.lng[p]).toBe(demand.lng[grid.id[p]]);
      const cx = Math.floor((grid.lng[p] - grid.minLng) / grid.cellLng);
      const cy = Math.floor((grid.lat[p] - grid.minLat) / grid.cellLat);
      const c = cy * grid.columns + cx;
      expect(p >= grid.cellStart[c] && p < grid.cellStart[c + 1]).toBe(true);
    }
    // Same coordinate arrays (site edits keep the demand): cache hit. New demand arrays: a new index.
    expect(demandGridIndex({ ...demand })).toBe(grid);
    expect(demandGridIndex({ ...demand, lat: Float64Array.from(demand.lat) })).not.toBe(grid);
  });
});
