import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import { lineString, point } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { networkIsochrone } from '../../../api/src/engine/network/network-isochrone';
import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { at, grid3x3, lineGraph } from '../../fixtures/network-graphs';

const inside = (polygon: Parameters<typeof booleanPointInPolygon>[1], east: number, north: number) =>
  booleanPointInPolygon(point([at(east, north).lng, at(east, north).lat]), polygon);

describe('networkIsochrone', () => {
  it('cuts a partly reachable edge at the reachable fraction and buffers the reachable roads', () => {
    // Line 0 —450— 1 —675— 2 at x = 0, 450, 1125 m. Facility at node 0, 12 min walking (720 s at 1.25 m/s):
    // node 1 at 360 s; 360 s left covers 450 m of edge 1—2 → roads reachable from x = 0 to x = 900 m.
    const { graph, nodes } = lineGraph();
    const iso = networkIsochrone(graph, nodes[0], { mode: 'walk', speeds: DEFAULT_SPEEDS, minutes: 12 });
    expect(iso.properties).toMatchObject({ minutes: 12, mode: 'walk', method: 'network', bufferMeters: 75 });
    expect(iso.geometry.type).toBe('Polygon');
    for (const x of [0, 450, 850, 890]) expect(inside(iso, x, 0)).toBe(true);
    expect(inside(iso, 400, 50)).toBe(true);
    expect(inside(iso, 1050, 0)).toBe(false); // 150 m past the cut
    expect(inside(iso, 1125, 0)).toBe(false); // node 2 is 15 min away
    expect(inside(iso, 400, 130)).toBe(false); // 130 m off the road
    // Independent check: Turf's buffer of the reachable line by 75 m (≈ 900 × 150 + π × 75² = 152,671 m²).
    const expected = area(buffer(lineString([[at(0, 0).lng, at(0, 0).lat], [at(900, 0).lng, at(900, 0).lat]]), 75, { units: 'meters' })!);
    expect(Math.abs(area(iso) - expected) / expected).toBeLessThan(0.05);
  });

  it('covers the grid nodes within the time and not beyond', () => {
    // 3×3 grid, 100 m edges, 80 s each. Facility at node 0, 3 min = 180 s: nodes 1, 3 (80 s), 2, 4, 6 (160 s)
    // are in, nodes 5, 7 (240 s) and 8 (320 s) out; 20 s (25 m) past nodes 2/4/6 is still reachable.
    const { graph } = grid3x3();
    const iso = networkIsochrone(graph, at(0, 0), { mode: 'walk', speeds: DEFAULT_SPEEDS, minutes: 3, bufferMeters: 20 });
    for (const [x, y] of [[0, 0], [100, 0], [200, 0], [0, 100], [100, 100], [0, 200], [100, 120], [120, 100]]) expect(inside(iso, x, y)).toBe(true);
    for (const [x, y] of [[200, 100], [100, 200], [200, 200], [50, 50], [160, 100]]) expect(inside(iso, x, y)).toBe(false);
  });

  it('returns an empty polygon when even the access walk is too long', () => {
    const { graph } = lineGraph();
    const iso = networkIsochrone(graph, at(0, 1200), { mode: 'walk', speeds: DEFAULT_SPEEDS, minutes: 15 });
    expect(iso.geometry).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
