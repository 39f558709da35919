import { describe, expect, it } from 'vitest';
import { assignTownshipByArea } from '../../../api/src/engine/townships/assign-township-by-area.ts';
import type { DemandPoints } from '../../../api/src/engine/types.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

function demandAt(points: [number, number][]): DemandPoints {
  const n = points.length;
  return {
    lng: Float64Array.from(points.map((p) => p[0])), lat: Float64Array.from(points.map((p) => p[1])),
    population: new Float64Array(n).fill(1), olderPopulation: new Float64Array(n), townshipIndex: new Int32Array(n).fill(-1),
    townshipCodes: ['A', 'B', 'C'], cellHalfSizeMeters: 0, source: { name: 't', modelled: false, method: '' },
  };
}

describe('assignTownshipByArea', () => {
  it('puts each point in the polygon that contains it; others keep the fallback or -1', () => {
    const d = demandAt([[0.5, 0.5], [1.5, 0.5], [5, 5], [0.5, 1.5]]);
    const areas = [{ code: 'A', geometry: square(0, 0, 1, 1) }, { code: 'B', geometry: square(1, 0, 2, 1) }, { code: 'Z', geometry: square(0, 1, 1, 2) }];
    expect(Array.from(assignTownshipByArea(d, areas).townshipIndex)).toEqual([0, 1, -1, -1]);
    const fallback = Int32Array.from([2, 2, 2, 2]);
    expect(Array.from(assignTownshipByArea(d, areas, fallback).townshipIndex)).toEqual([0, 1, 2, 2]);
  });
  it('overlapping bounding boxes are resolved by the real shape (an L-shaped township)', () => {
    const L = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    const d = demandAt([[1.5, 1.5], [0.5, 1.5]]);
    const r = assignTownshipByArea(d, [{ code: 'A', geometry: L }, { code: 'B', geometry: square(1, 1, 2, 2) }]);
    expect(Array.from(r.townshipIndex)).toEqual([1, 0]);
  });
});
