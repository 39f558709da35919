import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { townshipAreas } from '../../../api/src/engine/townships/township-areas';

describe('townshipAreas', () => {
  const box = polygon([[[106.0, 32.5], [106.2, 32.5], [106.2, 32.7], [106.0, 32.7], [106.0, 32.5]]]);

  it('splits the district between two seats at the perpendicular bisector, clipped to the boundary', () => {
    const fc = townshipAreas(box, [{ code: 'w', lng: 106.05, lat: 32.6 }, { code: 'e', lng: 106.15, lat: 32.6 }]);
    expect(fc.features.map((f) => f.properties)).toEqual([{ code: 'w', approximate: true }, { code: 'e', approximate: true }]);
    const [w, e] = fc.features;
    // Same latitude: bisector is the meridian 106.1, so each half is half the box.
    expect(area(w) / area(box)).toBeCloseTo(0.5, 3);
    expect(area(e) / area(box)).toBeCloseTo(0.5, 3);
    expect(booleanPointInPolygon([106.09, 32.69], w)).toBe(true);
    expect(booleanPointInPolygon([106.11, 32.51], e)).toBe(true);
  });

  it('merges seats sharing a code, and returns nothing without seats', () => {
    const fc = townshipAreas(box, [
      { code: 'x', lng: 106.02, lat: 32.6 }, { code: 'y', lng: 106.1, lat: 32.6 }, { code: 'x', lng: 106.18, lat: 32.6 },
    ]);
    expect(fc.features.map((f) => f.properties.code).sort()).toEqual(['x', 'y']);
    const x = fc.features.find((f) => f.properties.code === 'x')!;
    expect(area(x) / area(box)).toBeCloseTo(0.6, 3); // 106.0–106.06 and 106.14–106.2: 0.12 of 0.2°
    expect(townshipAreas(box, []).features).toEqual([]);
  });

  it('gives a single seat the whole district', () => {
    const fc = townshipAreas(box, [{ code: 'only', lng: 106.1, lat: 32.6 }]);
    expect(area(fc.features[0]) / area(box)).toBeCloseTo(1, 6);
  });
});
