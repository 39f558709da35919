import type { Feature, FeatureCollection, Geometry } from 'geojson';

/**
 * Features → a GeoJSON FeatureCollection (RFC 7946, WGS-84) with a `metadata` member saying what it is
 * and where it came from. Features without a location keep `geometry: null`.
 * @example featuresToGeoJson(sites, { title: '朝天区新时代文明实践站点', datum: 'WGS-84' })
 */
export function featuresToGeoJson<G extends Geometry | null, P>(
  features: Feature<G, P>[], metadata: Record<string, unknown>,
): FeatureCollection<G, P> & { metadata: Record<string, unknown> } {
  return { type: 'FeatureCollection', metadata: { crs: 'WGS-84 (EPSG:4326)', ...metadata }, features };
}
