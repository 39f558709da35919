import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInPolygonGrid } from '../../api/src/import/point-in-polygon-grid.ts';

const district = JSON.parse(readFileSync(new URL('../../geodata/district.geojson', import.meta.url), 'utf8')).features[0].geometry as MultiPolygon;

function compareWithTurf(geometry: Polygon | MultiPolygon, box: [number, number, number, number], n: number) {
  const inside = pointInPolygonGrid(geometry, 64);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  let disagreements = 0, hits = 0;
  for (let i = 0; i < n; i++) {
    const p: [number, number] = [box[0] + rand() * (box[2] - box[0]), box[1] + rand() * (box[3] - box[1])];
    const want = booleanPointInPolygon(p, geometry);
    if (want) hits++;
    if (inside(p[0], p[1]) !== want) disagreements++;
  }
  return { disagreements, hits };
}

describe('pointInPolygonGrid', () => {
  it('agrees with Turf on 20,000 random points around the district', () => {
    const r = compareWithTurf(district, [105.6, 32.45, 106.32, 32.9], 20_000);
    expect(r.hits).toBeGreaterThan(5000);
    expect(r.disagreements).toBe(0);
  });

  it('honours holes and multiple parts', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]],
        [[[20, 0], [25, 0], [22, 5], [20, 0]]],
      ],
    };
    const inside = pointInPolygonGrid(g, 16);
    expect(inside(1, 1)).toBe(true);
    expect(inside(5, 5)).toBe(false);
    expect(inside(22, 2)).toBe(true);
    expect(inside(15, 5)).toBe(false);
    expect(inside(-1, 5)).toBe(false);
    expect(compareWithTurf(g, [-1, -1, 26, 11], 5000).disagreements).toBe(0);
  });
});
