/** Pure conversions from API data to the GeoJSON the map's sources hold. */
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { mask } from '@turf/mask';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { straightLineRadiusMeters } from '../../../api/src/engine/coverage/index.ts';
import type { BoundaryCollection, SiteFeature, SiteProps, Township } from '../lib/api';

/** The first view of a 15-minute walk: a straight-line circle, speed × time ÷ detour factor. */
export const WALK_CIRCLE = {
  minutes: 15,
  speedKmh: DEFAULT_SPEEDS.walkKmh,
  detourFactor: DEFAULT_DETOUR_FACTOR,
  radiusMeters: straightLineRadiusMeters(DEFAULT_SPEEDS.walkKmh, 15, DEFAULT_DETOUR_FACTOR),
} as const;

export type PlacedSite = Feature<Point, SiteProps>;

/** Placed sites only, as point features carrying all site properties (ids promoted from `properties.id`). */
export function placedSites<P = SiteProps>(
  features: readonly { id: string | number; geometry: unknown; properties: P }[],
): FeatureCollection<Point, P> {
  const out: Feature<Point, P>[] = [];
  for (const f of features) {
    if (f.geometry) out.push({ type: 'Feature', id: f.id, geometry: f.geometry as Point, properties: f.properties });
  }
  return { type: 'FeatureCollection', features: out };
}

/** Properties a service circle carries so that the site filters apply to it too. */
export type CircleProps = Pick<SiteProps, 'id' | 'kind' | 'status' | 'townshipCode' | 'demonstration'>;

/**
 * One straight-line service circle (a 64-gon, `radiusMeters` from the site) per placed site.
 * @example serviceCircles(sites, WALK_CIRCLE.radiusMeters)
 */
export function serviceCircles(
  sites: FeatureCollection<Point, SiteProps>,
  radiusMeters: number,
): FeatureCollection<Polygon, CircleProps> {
  return featureCollection(
    sites.features.map((s) => {
      const { id, kind, status, townshipCode, demonstration } = s.properties;
      return circle(s.geometry.coordinates, radiusMeters / 1000, {
        steps: 64,
        units: 'kilometers',
        properties: { id, kind, status, townshipCode, demonstration },
      });
    }),
  );
}

/** The world with the district cut out, for dimming everything outside the district. */
export function districtMask(boundary: BoundaryCollection): FeatureCollection<Polygon> {
  const district = boundary.features[0];
  if (!district) return featureCollection([]);
  const geom = district.geometry as MultiPolygon;
  return featureCollection([mask({ type: 'Feature', properties: {}, geometry: geom })]);
}

export interface SeatProps {
  code: string;
  name: string;
  nameEn: string;
  seatPrecision: string | null;
}

/** Township seats with a known location, as points. */
export function townshipSeats(townships: readonly Township[]): FeatureCollection<Point, SeatProps> {
  return featureCollection(
    townships.flatMap((t) =>
      t.seat
        ? [{
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: [t.seat.lng, t.seat.lat] },
            properties: { code: t.code, name: t.name, nameEn: t.nameEn, seatPrecision: t.seatPrecision },
          }]
        : [],
    ),
  );
}

/** [west, south, east, north] of all coordinates of the boundary. */
export function boundaryBounds(boundary: BoundaryCollection): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of boundary.features)
    for (const poly of f.geometry.coordinates)
      for (const ring of poly)
        for (const [x, y] of ring) {
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
  return w === Infinity ? null : [w, s, e, n];
}
