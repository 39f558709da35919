import { circle } from '@turf/circle';
import type { Feature, Polygon } from 'geojson';
import { EngineInputError } from '../types';

/**
 * Service-circle polygon for display: a `steps`-gon inscribed in the geodesic circle of
 * `radiusMeters` around the site (Turf circle, sphere of radius 6,371,008.8 m).
 *
 * @param lng - centre longitude, degrees
 * @param lat - centre latitude, degrees
 * @param radiusMeters - radius in metres
 * @param steps - number of vertices (default 64)
 * @returns a GeoJSON Polygon feature with properties `{ radiusMeters }`
 * @example
 * serviceCircle(106.1, 32.65, 865); // 64-gon, vertices 865 m from the centre
 * @see https://turfjs.org/docs/api/circle
 */
export function serviceCircle(lng: number, lat: number, radiusMeters: number, steps = 64): Feature<Polygon, { radiusMeters: number }> {
  if (!(radiusMeters > 0) || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new EngineInputError('serviceCircle needs finite coordinates and radiusMeters > 0');
  }
  const shape = circle([lng, lat], radiusMeters, { steps, units: 'meters' });
  return { type: 'Feature', properties: { radiusMeters }, geometry: shape.geometry };
}
