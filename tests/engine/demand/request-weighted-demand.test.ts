import { describe, expect, it } from 'vitest';
import { requestWeightedDemand } from '../../../api/src/engine/demand/index.ts';
import type { DemandPoints } from '../../../api/src/engine/types.ts';

const grid: DemandPoints = {
  lng: Float64Array.from([105.8, 105.9]), lat: Float64Array.from([32.6, 32.7]),
  population: Float64Array.from([300, 100]), olderPopulation: Float64Array.from([30, 10]),
  townshipIndex: Int32Array.from([0, 1]), townshipCodes: ['510812100', '510812101'], cellHalfSizeMeters: 200,
  source: { name: 'hand-made', modelled: false, method: 'test' },
};
const requests = [
  { lng: 105.85, lat: 32.65, townshipCode: '510812101', weight: 1 },
  { lng: 105.86, lat: 32.66, townshipCode: null, weight: 1 },
];

describe('requestWeightedDemand', () => {
  it('requests alone: one point per request with weight 1, residents weigh nothing, no residents added', () => {
    const r = requestWeightedDemand(grid, grid.population, requests, 1);
    expect(r.unit).toBe('requests');
    expect(r.firstRequestIndex).toBe(2);
    expect([...r.weight]).toEqual([0, 0, 1, 1]);
    expect([...r.demand.population]).toEqual([300, 100, 0, 0]);
    expect([...r.demand.lng]).toEqual([105.8, 105.9, 105.85, 105.86]);
    expect([...r.demand.townshipIndex]).toEqual([0, 1, 1, -1]);
  });

  it('a blend gives the requests `share` of the residents total, whatever their count', () => {
    const r = requestWeightedDemand(grid, grid.population, requests, 0.25);
    expect(r.unit).toBe('population-equivalent');
    // residents: 400 × 0.75 = 300 in all; requests: 400 × 0.25 = 100, 50 each
    expect([...r.weight]).toEqual([225, 75, 50, 50]);
    const total = r.weight.reduce((a, b) => a + b, 0);
    expect((r.weight[2] + r.weight[3]) / total).toBeCloseTo(0.25, 12);
  });

  it('share 0 is the residents alone; a share outside 0..1 throws', () => {
    expect([...requestWeightedDemand(grid, grid.olderPopulation, requests, 0).weight]).toEqual([30, 10, 0, 0]);
    expect(() => requestWeightedDemand(grid, grid.population, requests, 1.5)).toThrow(/share/);
  });
});
