/**
 * Pure MapLibre layers of the resident page: the route from the resident's point to the selected nearby
 * site (solid along roads, dashed when it is only a straight-line estimate) and the resident's point
 * (filled when exact, hollow when approximate, e.g. a township seat).
 */
import type { CircleLayerSpecification, LineLayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

export const RESIDENT_SOURCE = { routes: 'resident-routes', point: 'resident-point' } as const;

export const RESIDENT_LAYER = {
  routeCasing: 'resident-route-casing',
  routeRoad: 'resident-route-road',
  routeStraight: 'resident-route-straight',
  point: 'resident-point',
} as const;

export const ROUTE_COLOR = '#9e1b20';
export const POINT_COLOR = '#1a73e8';

export interface RouteProps {
  siteId: string;
  rank: number;
  /** 'network' routes follow roads; 'straight-line' ones only show the direction. */
  method: 'network' | 'straight-line';
  selected: boolean;
}

export interface PointProps {
  approximate: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The resident page's own GeoJSON sources, empty until a point is chosen. */
export function residentSources(): Record<string, SourceSpecification> {
  return {
    [RESIDENT_SOURCE.routes]: { type: 'geojson', data: EMPTY },
    [RESIDENT_SOURCE.point]: { type: 'geojson', data: EMPTY },
  };
}

/**
 * The selected result's route (others are left out to keep the small map readable: their numbered markers
 * show where they are) and the resident's point, in drawing order.
 */
export function residentLayers(): (LineLayerSpecification | CircleLayerSpecification)[] {
  const selected = ['==', ['get', 'selected'], true];
  return [
    {
      id: RESIDENT_LAYER.routeCasing,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['all', selected, ['==', ['get', 'method'], 'network']] as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 },
    },
    {
      id: RESIDENT_LAYER.routeRoad,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['all', selected, ['==', ['get', 'method'], 'network']] as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ROUTE_COLOR, 'line-width': 4 },
    },
    {
      id: RESIDENT_LAYER.routeStraight,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['all', selected, ['!=', ['get', 'method'], 'network']] as never,
      layout: { 'line-cap': 'butt' },
      paint: { 'line-color': ROUTE_COLOR, 'line-width': 3, 'line-dasharray': [2, 1.5] },
    },
    {
      id: RESIDENT_LAYER.point,
      type: 'circle',
      source: RESIDENT_SOURCE.point,
      paint: {
        'circle-radius': 8,
        'circle-color': ['case', ['get', 'approximate'], '#ffffff', POINT_COLOR] as never,
        'circle-stroke-color': ['case', ['get', 'approximate'], POINT_COLOR, '#ffffff'] as never,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** Route features for the nearest-site results (rank 1 = nearest); results without a route are skipped. */
export function routeFeatures(
  results: readonly { id: string; route: LineString | null }[],
  method: string,
  selectedId: string | null,
): FeatureCollection<LineString, RouteProps> {
  const features: Feature<LineString, RouteProps>[] = [];
  results.forEach((r, i) => {
    if (!r.route) return;
    features.push({
      type: 'Feature',
      geometry: r.route,
      properties: { siteId: r.id, rank: i + 1, method: method === 'network' ? 'network' : 'straight-line', selected: r.id === selectedId },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** The resident's point as a one-feature collection (empty for null). */
export function pointFeature(p: { lng: number; lat: number; approximate: boolean } | null): FeatureCollection<Point, PointProps> {
  return {
    type: 'FeatureCollection',
    features: p ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { approximate: p.approximate } }] : [],
  };
}
