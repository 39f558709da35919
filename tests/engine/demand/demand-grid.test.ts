import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/helpers';
import { demandGrid } from '../../../api/src/engine/demand/demand-grid';
import { modelledDemand } from '../../../api/src/engine/demand/modelled-demand';
import { makeDemand, METERS_PER_DEGREE_LAT, randomDemand } from '../coverage-helpers';

describe('demandGrid', () => {
  it('recovers the grid of modelled demand: integer columns and rows, 400 m steps', () => {
    const boundary = polygon([[[106.0, 32.6], [106.1, 32.62], [106.08, 32.7], [106.0, 32.6]]]);
    const d = modelledDemand({ boundary, seats: [], townshipCodes: [], population: 1000, urbanShare: 0, olderShare: 0.2 });
    const g = demandGrid(d)!;
    expect(g).not.toBeNull();
    expect(g.stepLat).toBeCloseTo(400 / METERS_PER_DEGREE_LAT, 12);
    expect(g.stepLng).toBeCloseTo(400 / METERS_PER_DEGREE_LAT / Math.cos((32.65 * Math.PI) / 180), 6);
    for (let i = 0; i < d.lng.length; i++) {
      expect(d.lng[i]).toBeCloseTo(g.originLng + g.col[i] * g.stepLng, 9);
      expect(d.lat[i]).toBeCloseTo(g.originLat + g.row[i] * g.stepLat, 9);
    }
    expect(new Set(Array.from(d.lng, (_, i) => `${g.col[i]},${g.row[i]}`)).size).toBe(d.lng.length);
  });

  it('returns null for plain points and for points off any grid', () => {
    expect(demandGrid(makeDemand([[106, 32.6, 1]]))).toBeNull(); // cellHalfSizeMeters 0
    const off = { ...randomDemand(50, 3, [106, 32.6, 106.1, 32.7]), cellHalfSizeMeters: 200 };
    expect(demandGrid(off)).toBeNull();
  });
});
