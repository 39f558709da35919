import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Point } from 'geojson';
import {
  boundaryBounds, districtMask, placedSites, serviceCircles, townshipSeats, WALK_CIRCLE,
} from '../../web/src/map/geojson.ts';
import type { BoundaryCollection, SiteFeature, Township } from '../../web/src/lib/api.ts';
import { basemapStyleUrl } from '../../web/src/map/basemap.ts';

const district = JSON.parse(readFileSync(new URL('../../geodata/district.geojson', import.meta.url), 'utf8'));

/** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m), written out independently of Turf. */
function haversineMeters([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

function site(id: string, coords: [number, number] | null, extra: Partial<SiteFeature['properties']> = {}): SiteFeature {
  return {
    type: 'Feature',
    id,
    geometry: coords ? { type: 'Point', coordinates: coords } : null,
    properties: {
      id, code: null, kind: 'station', name: id, townshipCode: '510812100', villageCode: null,
      lng: coords?.[0] ?? null, lat: coords?.[1] ?? null, placed: coords !== null, locationPrecision: 'exact',
      status: 'existing', demonstration: false, hasSign: false, hasStaff: false, hasActivities: false,
      hasProjects: false, hasRules: false, venueType: null, address: '', contact: '', phone: '', notes: '',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
    },
  } as SiteFeature;
}

describe('WALK_CIRCLE', () => {
  it('is 4.5 km/h × 15 min ÷ 1.3 = 1125 m ÷ 1.3 ≈ 865.38 m', () => {
    expect(WALK_CIRCLE.minutes).toBe(15);
    expect(WALK_CIRCLE.radiusMeters).toBeCloseTo(1125 / 1.3, 6);
    expect(WALK_CIRCLE.radiusMeters).toBeCloseTo(865.38, 2);
  });
});

describe('placedSites', () => {
  it('keeps only sites with a location, with their properties and ids', () => {
    const fc = placedSites([site('a', [105.9, 32.6]), site('b', null), site('c', [106, 32.7], { kind: 'center' })]);
    expect(fc.features.map((f) => f.id)).toEqual(['a', 'c']);
    expect(fc.features[1].properties.kind).toBe('center');
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.9, 32.6] });
  });
});

describe('serviceCircles', () => {
  const sites = placedSites([site('a', [105.88, 32.65], { status: 'planned', demonstration: true }), site('b', [106.1, 32.5])]);
  const circles = serviceCircles(sites, WALK_CIRCLE.radiusMeters);

  it('makes one closed polygon per site carrying the fields the filters read', () => {
    expect(circles.features).toHaveLength(2);
    const ring = circles.features[0].geometry.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(circles.features[0].properties).toEqual({
      id: 'a', kind: 'station', status: 'planned', townshipCode: '510812100', demonstration: true,
    });
  });

  it('puts every vertex 865 m (±0.5%) from its site', () => {
    circles.features.forEach((c, i) => {
      const centre = (sites.features[i].geometry as Point).coordinates;
      for (const v of c.geometry.coordinates[0]) {
        expect(haversineMeters(centre, v) / WALK_CIRCLE.radiusMeters).toBeCloseTo(1, 2);
      }
    });
  });
});

describe('districtMask', () => {
  const boundary = district as unknown as BoundaryCollection;
  const mask = districtMask(boundary).features[0];

  it('covers points outside the district and leaves the district seat uncovered', () => {
    const seat = (district.features[0].properties as { seat: { lng: number; lat: number } }).seat;
    expect(booleanPointInPolygon([seat.lng, seat.lat], boundary.features[0].geometry as never)).toBe(true);
    expect(booleanPointInPolygon([seat.lng, seat.lat], mask)).toBe(false);
    expect(booleanPointInPolygon([104.06, 30.66], mask)).toBe(true); // Chengdu
    expect(booleanPointInPolygon([105.5, 32.6], mask)).toBe(true); // west of the district
  });

  it('is empty for an empty boundary', () => {
    expect(districtMask({ type: 'FeatureCollection', features: [] } as never).features).toHaveLength(0);
  });
});

describe('boundaryBounds', () => {
  it('is the min/max of all rings', () => {
    const b = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [
        [[[1, 2], [3, 2], [3, 5], [1, 2]]],
        [[[-1, 0], [0, 0], [0, 1], [-1, 0]]],
      ] } }],
    } as unknown as BoundaryCollection;
    expect(boundaryBounds(b)).toEqual([-1, 0, 3, 5]);
  });
});

describe('townshipSeats', () => {
  it('skips townships without a seat', () => {
    const t = (code: string, seat: Township['seat']) =>
      ({ code, name: code, nameEn: code, seat, seatPrecision: seat ? 'seat-2016' : null, seatMethod: '' }) as Township;
    const fc = townshipSeats([t('1', { lng: 105.9, lat: 32.6 }), t('2', null)]);
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry.coordinates).toEqual([105.9, 32.6]);
    expect(fc.features[0].properties.code).toBe('1');
  });
});

describe('basemapStyleUrl', () => {
  const base = 'http://127.0.0.1:8787/';
  it('is null without a query parameter or build variable', () => {
    expect(basemapStyleUrl('', undefined, base)).toBeNull();
  });
  it('prefers ?basemap= over the build variable and resolves relative URLs', () => {
    expect(basemapStyleUrl('?basemap=https://tiles.example/style.json', 'https://env.example/s.json', base)).toBe(
      'https://tiles.example/style.json',
    );
    expect(basemapStyleUrl('', 'https://env.example/s.json', base)).toBe('https://env.example/s.json');
    expect(basemapStyleUrl('?basemap=/styles/local.json', undefined, base)).toBe('http://127.0.0.1:8787/styles/local.json');
  });
  it('refuses non-http URLs', () => {
    expect(basemapStyleUrl('?basemap=javascript:alert(1)', undefined, base)).toBeNull();
    expect(basemapStyleUrl('?basemap=file:///etc/passwd', undefined, base)).toBeNull();
  });
});
